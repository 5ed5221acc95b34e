import { z } from '@hono/zod-openapi';
import {
  CodeCommentBody,
  CommentBody,
  CommentPatch,
  MassesComment,
  MassesMilestone,
  MassesSession,
  OpenMassesReviewBody,
  RemediationBody,
  RemediationItem,
  SelfCriticismBody,
  SessionPlanBody,
  SessionRecordBody,
  SignatureBody,
  WorkplaceBody,
  Workplace,
  massesStatuses,
  commentCountKeys,
  massesTopKeys,
  remediationCountKeys,
} from '@kd/domain';
import { WorkplaceUploadAnswer as WorkplaceUploadAnswerSchema } from '@kd/services';
import { UnitIdParam } from '../openapi';
import { YearParam } from './campaign-schemas';

/*
 * The masses review's request and answer schemas (docs/api.md, "Self-criticism before the masses").
 * The domain's schemas are re-made here (`.extend({})`, or their shape) so that they can be named
 * in the OpenAPI document; the domain parses again in the use case, refinements included.
 */

export const YearUnit = YearParam.merge(UnitIdParam);
export const SessionParam = YearUnit.extend({ sessionId: z.string().min(1).max(100).openapi({ param: { name: 'sessionId', in: 'path' } }) });
export const CommentParam = SessionParam.extend({ commentId: z.string().min(1).max(100).openapi({ param: { name: 'commentId', in: 'path' } }) });
export const RemediationParam = YearUnit.extend({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });
export const MemberParam = YearUnit.extend({ memberId: z.string().min(1).max(100).openapi({ param: { name: 'memberId', in: 'path' } }) });

export const OpenReviewBody = OpenMassesReviewBody.extend({}).openapi('OpenMassesReviewBody');
export const IssuerQuery = z.object({ unitId: z.string().min(1).max(100).optional().openapi({ description: 'Đơn vị ban hành kế hoạch (mặc định: đơn vị của người gọi)' }) });
export const MassesReviewView = z.object({ year: z.number().int(), settingsId: z.string(), milestones: z.array(MassesMilestone.extend({ deadline: z.string() })) }).openapi('MassesReview');

export const WorkplaceBodySchema = WorkplaceBody.extend({}).openapi('WorkplaceBody');
export const WorkplaceView = z
  .object({
    unitId: z.string(),
    year: z.number().int(),
    workplace: Workplace.extend({}).nullable(),
    shared: z.boolean().openapi({ description: 'Nơi làm việc của đơn vị cấp trên, các đơn vị trực thuộc dùng chung (tính một lần)' }),
    countedMasses: z.number().int(),
    sessionRequired: z.boolean(),
    status: z.enum(massesStatuses).nullable(),
  })
  .openapi('WorkplaceView');
export const WorkplaceUploadAnswer = WorkplaceUploadAnswerSchema.extend({}).openapi('WorkplaceUploadAnswer');

export const SessionPlanSchema = SessionPlanBody.extend({}).openapi('MassesSessionPlan');
export const SessionRecordSchema = SessionRecordBody.extend({}).openapi('MassesSessionRecord');
export const SessionView = MassesSession.extend({
  rev: z.number().int(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
}).openapi('MassesSession');
export const MassesView = z
  .object({
    unitId: z.string(),
    year: z.number().int(),
    countedMasses: z.number().int(),
    sessionRequired: z.boolean(),
    workplace: WorkplaceView,
    sessions: z.array(SessionView),
  })
  .openapi('Masses');

export const CommentBodySchema = z.strictObject({ ...CommentBody.shape }).openapi('MassesCommentBody', {
  description: 'Một ý kiến. Ý kiến bằng văn bản là ẩn danh: không trường nào ngoài các trường này được nhận (400).',
});
export const CodeCommentBodySchema = z.strictObject({ ...CodeCommentBody.shape });
export const CommentPatchSchema = z.strictObject({ ...CommentPatch.shape }).openapi('MassesCommentPatch');
export const CommentView = MassesComment.extend({}).openapi('MassesComment', { description: 'Không có người viết, không có thời điểm ngoài ngày của buổi.' });
export const CommentList = z.object({ sessionId: z.string(), comments: z.array(CommentView) }).openapi('MassesCommentList');

export const SignatureSchema = SignatureBody.extend({}).openapi('MassesSignature');
export const CodesBody = z.object({ count: z.number().int().min(1).max(10_000).optional() }).openapi('MassesCodesBody');
export const CodesView = z
  .object({ codes: z.array(z.string()), issued: z.number().int(), used: z.number().int(), massesPresent: z.number().int(), formUrl: z.string() })
  .openapi('MassesCodes', { description: 'Mã dùng một lần, chỉ trả về một lần để in; hệ thống chỉ lưu giá trị băm.' });

export const RemediationBodySchema = RemediationBody.extend({}).openapi('RemediationBody');
export const RemediationPatch = z.strictObject({ status: RemediationItem.shape.status }).openapi('RemediationPatch');
export const RemediationView = RemediationItem.extend({ rev: z.number().int(), overdue: z.boolean() }).openapi('RemediationItem');
export const RemediationList = z.object({ items: z.array(RemediationView) }).openapi('RemediationList');

const counts = (keys: readonly string[]) => z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])));
const MassesRow = z.object({
  unitId: z.string(),
  name: z.string().optional(),
  ...Object.fromEntries(massesTopKeys.map((k) => [k, z.number().int()])),
  comments: counts(commentCountKeys).openapi('Bieu5Comments'),
  remediation: counts(remediationCountKeys).openapi('Bieu5Remediation'),
});
export const MassesRollupView = MassesRow.extend({ year: z.number().int(), children: z.array(MassesRow.openapi('Bieu5Child')) }).openapi('Bieu5');
export const RollupFormatQuery = z.object({ format: z.enum(['json', 'xlsx']).default('json') });

export const SelfCriticismBodySchema = z.object({ body: z.unknown().openapi({ description: 'Bản tự phê bình (mẫu có chức vụ / không chức vụ)' }), rev: z.number().int().nonnegative() }).openapi('SelfCriticismBody');
export const SelfCriticismView = z.object({ memberId: z.string(), unitId: z.string(), year: z.number().int(), body: z.unknown(), rev: z.number().int() }).openapi('SelfCriticism');
export const MassesReportView = z.object({ event: z.string(), unitId: z.string(), year: z.number().int(), at: z.string() }).openapi('MassesReportSent');

export { SelfCriticismBody };
