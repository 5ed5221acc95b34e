import { z } from '@hono/zod-openapi';
import { Campaign, Milestone, MemberEvaluation, UnitEvaluation, MemberFacts, Rating, MemberReview, MemberReviewInput, CollectiveReview, CollectiveReviewInput, Adjustments, ReturnReason, LocalDate, OverrideView, nfcText } from '@kd/domain';
import { Dossier, CellMeeting } from '@kd/data';
import { MemberView, UnitView } from '../views';

export const YearParam = z.object({
  year: z.coerce.number().int().min(2000).max(2100).openapi({ param: { name: 'year', in: 'path' }, example: 2021 }),
});

const Rev = z.number().int().nonnegative().openapi({ description: 'Phiên bản (rev) của hồ sơ đơn vị đang xem; khác phiên bản hiện tại → 409 VERSION_CONFLICT' });

export const ViolationView = z
  .object({ memberId: z.string().nullable(), ruleId: z.string(), severity: z.enum(['blocking', 'warning']), message: z.string() })
  .openapi('Violation');

export const MilestoneStatusView = z
  .object({
    id: z.string(),
    title: z.string(),
    event: z.string(),
    deadline: z.string().openapi({ example: 'trước ngày 22/12/2021' }),
    applies: z.boolean(),
    completedAt: z.string().nullable(),
    onTime: z.boolean().nullable(),
    overdue: z.boolean(),
  })
  .openapi('MilestoneStatus');

export const CampaignView = Campaign.extend({
  milestones: z.array(Milestone.extend({ deadline: z.string() })),
  unitStatus: z
    .object({ unitId: z.string(), milestones: z.array(MilestoneStatusView) })
    .nullable()
    .openapi({ description: 'Tiến độ của đơn vị (khi gửi `unitId`)' }),
}).openapi('Campaign');

// `.extend({})` makes a schema of the zod instance @hono/zod-openapi has extended, whatever was imported first.
export const DossierView = Dossier.extend({}).openapi('Dossier');

export const MemberEvaluationView = MemberEvaluation.extend({}).openapi('MemberEvaluation');
export const UnitEvaluationView = UnitEvaluation.extend({}).openapi('UnitEvaluation');

export const ReviewMember = z
  .object({
    member: MemberView,
    facts: MemberFacts,
    rowRev: z.number().int().nullable().openapi({ description: 'Phiên bản dòng kết quả; null khi chưa có' }),
    adjustReason: z.string().nullable(),
    override: OverrideView.nullable().openapi({ description: 'Cấp trên xếp loại vượt mức cho phép (r2025): tình tiết và lý do' }),
    evaluation: MemberEvaluation,
  })
  .openapi('ReviewMember');

export const UnitReviewView = z
  .object({
    unit: UnitView,
    year: z.number().int(),
    ratingDate: LocalDate,
    dossier: Dossier,
    members: z.array(ReviewMember),
    evaluation: UnitEvaluation.nullable(),
    blocking: z.array(ViolationView),
    warnings: z.array(ViolationView),
  })
  .openapi('UnitReview');

const percent = z.number().min(0).max(100).nullable().optional();
export const CollectiveBody = z
  .object({
    proposed: Rating.nullable().optional(),
    decided: Rating.nullable(),
    scores: z
      .object({ general: z.number().min(0).max(30).nullable().optional(), tasks: z.number().min(0).max(70).nullable().optional() })
      .nullable()
      .optional()
      .openapi({ description: 'r2025: điểm nhóm tiêu chí chung (0–30) và kết quả thực hiện nhiệm vụ (0–70) của tập thể (Phụ lục 1)' }),
    taskCompletionPercent: percent.openapi({ description: 'r2025: tỷ lệ hoàn thành nhiệm vụ của tập thể (%)' }),
    latePercent: percent.openapi({ description: 'r2025: tỷ lệ nhiệm vụ chậm tiến độ (%); trống là 0' }),
    exceedingPercent: percent.openapi({ description: 'r2025: tỷ lệ nhiệm vụ vượt yêu cầu (%); trống là 0' }),
    shortcomingsRemedied: z.boolean().nullable().optional().openapi({ description: 'Đã khắc phục hết hạn chế đã chỉ ra; trống là có' }),
    disciplined: z.boolean().optional().openapi({ description: 'Tổ chức bị xử lý kỷ luật trong năm (cấp trên đọc là “tổ chức trực thuộc bị kỷ luật”)' }),
    leadershipMemberDisciplined: z.boolean().optional().openapi({ description: 'Có thành viên tập thể lãnh đạo bị kỷ luật trong năm (ngoài những người hệ thống thấy được từ đảng viên của đơn vị)' }),
    rev: Rev.optional(),
  })
  .openapi('CollectiveRating');

export const QuotaExceptionBody = z
  .object({
    share: z.number().gt(0).max(1).nullable().openapi({ description: 'Tỷ lệ Hoàn thành xuất sắc trên số Hoàn thành tốt (0,25 = 25%); null: bỏ ngoại lệ', example: 0.25 }),
    reason: z.string().max(2000).nullable().optional().openapi({ description: 'Bắt buộc khi nâng tỷ lệ: thành tích nổi trội, đột phá, vượt kế hoạch' }),
  })
  .openapi('QuotaException');

export const FactsBody = z
  .object({
    facts: MemberFacts,
    rowRev: z.number().int().positive().nullable().openapi({ description: 'rev của dòng đang xem (null: chưa có dòng)' }),
    dossierRev: Rev,
  })
  .openapi('MemberFactsChange');

export const SelfReviewBody = MemberReviewInput.extend({ rev: z.number().int().nonnegative() }).openapi('SelfReviewChange');
export const SelfReviewView = MemberReview.extend({}).openapi('SelfReview');
export const CollectiveReviewBody = CollectiveReviewInput.extend({ rev: z.number().int().nonnegative() }).openapi('CollectiveReviewChange');
export const CollectiveReviewView = CollectiveReview.extend({}).openapi('CollectiveReview');

export const SubmitBody = z.object({ rev: Rev }).openapi('Submit');
/** The province taking over a dossier the plan gives to a lower level says why (HD 43-HD/BTCTW mục 3). */
const TakeOverReason = nfcText(2000).nullable().optional();
export const ApproveBody = Adjustments.extend({ rev: Rev, takeOverReason: TakeOverReason }).openapi('Approve');
export const ReturnBody = z.object({ rev: Rev, reason: ReturnReason, takeOverReason: TakeOverReason }).openapi('Return');
export const CellMeetingBody = CellMeeting.extend({ rev: Rev }).openapi('CellMeeting');
export const GroupEventBody = z
  .object({ heldOn: LocalDate.nullable().optional(), note: nfcText(2000).nullable().optional() })
  .openapi('GroupEvent');

export const UnitEventView = z
  .object({ event: z.string(), unitId: z.string(), year: z.number().int(), at: z.string(), heldOn: z.string().nullable(), note: z.string().nullable() })
  .openapi('UnitEvent');

export const AppraisalListView = z
  .object({
    unitId: z.string(),
    year: z.number().int(),
    units: z.array(z.object({ unit: UnitView, dossier: Dossier })),
  })
  .openapi('AppraisalList');

export const ResultRowView = z
  .object({ memberId: z.string(), facts: MemberFacts, adjusted: Rating.nullable(), adjustReason: z.string().nullable(), rev: z.number().int() })
  .openapi('ResultRow');
