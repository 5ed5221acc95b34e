import { z } from 'zod';
import { MemberEvaluation, rowErrorCodes, type ErrorCode } from '@kd/domain';

const RowErrorView = z.object({ row: z.number().int(), column: z.string(), code: z.enum(rowErrorCodes), message: z.string() });
const ViolationView = z.object({ memberId: z.string().nullable(), ruleId: z.string(), severity: z.enum(['blocking', 'warning']), message: z.string() });

/** The answer to every upload, dry run or commit (docs/api.md, "Upload answers"). */
export const UploadAnswer = z.object({
  rows: z.number().int().describe('Dòng dữ liệu trong tệp (không kể dòng trống)'),
  accepted: z.number().int().describe('Dòng không có lỗi'),
  committed: z.boolean(),
  version: z.number().int().nullable().describe('Phiên bản kết quả hiện hành sau khi ghi; null khi chạy thử'),
  unchanged: z.boolean().describe('Ghi lại đúng dữ liệu đang có: không tạo phiên bản mới, không ghi nhật ký'),
  errorCount: z.number().int().describe('Tổng số lỗi; `errors` liệt kê tối đa 1.000 lỗi đầu'),
  errors: z.array(RowErrorView),
  violations: z.array(ViolationView),
  evaluations: z.array(MemberEvaluation),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).optional(),
});
export type UploadAnswer = z.infer<typeof UploadAnswer>;

const MemberRef = z.object({ id: z.string(), fullName: z.string() });
export const RosterAnswer = UploadAnswer.extend({
  members: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    notInFile: z.array(MemberRef).describe('Đảng viên của chi bộ không có trong tệp (không bị xóa)'),
  }),
  groupsCreated: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type RosterAnswer = z.infer<typeof RosterAnswer>;

/** An upload body: the request's own stream, or an object read back from the upload bucket. */
export interface UploadSource {
  stream: NodeJS.ReadableStream | null;
  contentType: string | null | undefined;
}

/** A dry run or a written commit; or a commit refused because of row errors (`answer.error` says so, code UPLOAD_HAS_ERRORS). */
export interface Outcome<A> {
  refused: boolean;
  answer: A;
}

/** The refusal of a commit with row errors: the answer plus the error the contract names. */
export function refusedForErrors<A extends UploadAnswer>(answer: A, what: string): Outcome<A> {
  return {
    refused: true,
    answer: { ...answer, error: { code: 'UPLOAD_HAS_ERRORS' satisfies ErrorCode, message: `Tệp có ${answer.errorCount} lỗi; chưa ghi ${what} nào. Hãy sửa các lỗi rồi tải lên lại.` } },
  };
}
