import { z } from 'zod';
import { ChecklistAnswer } from '../documents/degradation-checklist';
import { SelfReviewSectionKey } from '../documents/self-review-sections';
import { DegradationSignCode } from '../degradation-signs/degradation-sign';
import { ReviewSectionKey } from '../documents/review-form-sections';

const nfcText = (max: number) => z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().max(max));

/**
 * Where a comment on a member comes from besides the cell (KH Chi bộ Bệnh viện Phổi 2021, mục II.2;
 * QĐ 366-QĐ/TW Điều 7): the cell they belonged to before a transfer, the cell of their temporary
 * attachment, the cell or committee of their place of residence.
 */
export const outsideCommentSources = ['previousCell', 'temporaryCell', 'residence'] as const;
export const OutsideCommentSource = z.enum(outsideCommentSources);
export type OutsideCommentSource = z.infer<typeof OutsideCommentSource>;
export const outsideCommentSourceLabels: Record<OutsideCommentSource, string> = {
  previousCell: 'Nhận xét của chi bộ nơi sinh hoạt trước khi chuyển đến',
  temporaryCell: 'Nhận xét của chi bộ nơi sinh hoạt tạm thời',
  residence: 'Nhận xét của chi ủy, chi bộ nơi cư trú',
};

export const OutsideComment = z.object({
  source: OutsideCommentSource,
  /** The unit that wrote it, as it signs ("Chi bộ khu phố 3, phường 7"). */
  authorUnit: nfcText(300).pipe(z.string().min(1, 'Cần ghi đơn vị nhận xét')),
  text: nfcText(5000).pipe(z.string().min(1, 'Cần ghi nội dung nhận xét')),
});
export type OutsideComment = z.infer<typeof OutsideComment>;

/**
 * A member's review record for a year, beside the results row: the self-review text in the Mẫu 2A
 * sections, the answers to the degradation-signs checklist (by sign code, so the tenant's list
 * supplies the wording), and the comments of the tổ đảng and the chi ủy. The facts, the proposals
 * (self, group) and the cell's vote and decision stay in the results row (docs/spreadsheets.md, "The results"): one place
 * per fact.
 */
export const MemberReviewInput = z.object({
  sections: z.partialRecord(SelfReviewSectionKey, nfcText(20_000)).default({}),
  /** Under r2025, part A of Mẫu 2A/2B/2C (HD 43-HD/BTCTW), section by section. */
  formSections: z.partialRecord(ReviewSectionKey, nfcText(20_000)).default({}),
  checklist: z
    .array(z.object({ code: DegradationSignCode, answer: ChecklistAnswer, note: nfcText(2000).nullable().default(null) }))
    .max(500)
    .default([])
    .refine((items) => new Set(items.map((i) => i.code)).size === items.length, 'Mỗi biểu hiện chỉ trả lời một lần'),
  /** The tổ đảng's assessment when it proposed a rating (seed 000: members are reviewed at the group first). */
  groupComment: nfcText(5000).nullable().default(null),
  /** Nhận xét, đánh giá của chi ủy. */
  committeeComment: nfcText(5000).nullable().default(null),
  /** Comments from the previous cell, the temporary cell and the residence, with their text and author unit. */
  outsideComments: z
    .array(OutsideComment)
    .max(10)
    .default([])
    .refine((items) => new Set(items.map((i) => i.source)).size === items.length, 'Mỗi nơi nhận xét chỉ ghi một lần'),
});
export type MemberReviewInput = z.infer<typeof MemberReviewInput>;

export const MemberReview = MemberReviewInput.extend({
  memberId: z.string(),
  unitId: z.string(),
  year: z.number().int(),
  rev: z.number().int().nonnegative(),
  updatedAt: z.string().nullable(),
});
export type MemberReview = z.infer<typeof MemberReview>;

export function emptyMemberReview(unitId: string, year: number, memberId: string): MemberReview {
  return { memberId, unitId, year, rev: 0, updatedAt: null, ...MemberReviewInput.parse({}) };
}
