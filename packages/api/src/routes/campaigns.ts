import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deadlineText, MemberFacts } from '@kd/domain';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { newRouter } from '../router';
import { attachment } from '../content-disposition';
import { bearer, commonErrors, conflictError, json, MemberIdParam, refusedError, UnitIdParam } from '../openapi';
import { memberView, unitView } from '../views';
import {
  AppraisalListView,
  ApproveBody,
  CampaignView,
  CellMeetingBody,
  CollectiveBody,
  CollectiveReviewBody,
  CollectiveReviewView,
  DossierView,
  FactsBody,
  GroupEventBody,
  MemberEvaluationView,
  ResultRowView,
  ReturnBody,
  SelfReviewBody,
  SelfReviewView,
  SubmitBody,
  UnitEvaluationView,
  UnitEventView,
  UnitReviewView,
  YearParam,
} from './campaign-schemas';
import { appraisalList, approve, cellMeeting, evaluatedUnit, groupEvent, memberOfUnit, notRatedAsCollective, ratingMinutesDocx, readCampaign, readCollectiveReview, readSelfReview, returnDossier, saveMemberFacts, saveSelfReview, saveUnitReview, selfReviewDocx, setCollective, submitDossier } from '@kd/services';

const YearUnit = YearParam.merge(UnitIdParam);
const YearUnitMember = YearUnit.merge(MemberIdParam);
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const docxFile = (description: string) => ({ content: { [DOCX]: { schema: z.string().openapi({ format: 'binary' }) } }, description });

function docxResponse(c: Context<AppEnv>, file: { bytes: Buffer; fileName: string }) {
  return c.body(new Uint8Array(file.bytes), 200, {
    'content-type': DOCX,
    'content-disposition': attachment(file.fileName),
  });
}

/**
 * Campaigns, evaluations and the review workflow (docs/api.md and issue 3). Every handler is wiring:
 * the scope check and the work are in campaign-service.ts, the rules in @kd/domain.
 */
export function campaignRoutes(deps: AppDeps) {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{year}',
      summary: 'Đợt kiểm điểm của tỉnh trong năm: bộ quy tắc, ngày xếp loại, các kế hoạch và mốc thời gian',
      description: 'Với `unitId`: kèm tiến độ của đơn vị đó theo từng mốc (đơn vị phải thuộc phạm vi của người gọi).',
      security: bearer,
      request: { params: YearParam, query: z.object({ unitId: z.string().min(1).max(100).optional() }) },
      responses: { 200: json(CampaignView, 'Đợt kiểm điểm'), ...commonErrors },
    }),
    async (c) => {
      const { campaign, unit, statuses } = await readCampaign(deps, c.get('caller'), c.req.valid('param').year, c.req.valid('query').unitId);
      return c.json(
        {
          ...campaign,
          milestones: campaign.milestones.map((m) => ({ ...m, deadline: deadlineText(m) })),
          unitStatus: unit && statuses
            ? {
                unitId: unit.id,
                milestones: statuses.map((s) => ({
                  id: s.milestone.id,
                  title: s.milestone.title,
                  event: s.milestone.event,
                  deadline: s.deadline,
                  applies: s.applies,
                  completedAt: s.completedAt,
                  onTime: s.onTime,
                  overdue: s.overdue,
                })),
              }
            : null,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/campaigns/{year}/units/{unitId}/collective',
      summary: 'Xếp loại của đơn vị như một tập thể (đề xuất, chi bộ quyết định)',
      description: '`rev` (tùy chọn) là phiên bản hồ sơ đang xem: cũ → 409 VERSION_CONFLICT; không gửi `rev` thì lần ghi sau cùng được giữ (vẫn ghi nhật ký). Hồ sơ đã gửi hoặc đã duyệt → 409 UNIT_LOCKED.',
      security: bearer,
      request: { params: YearUnit, ...body(CollectiveBody) },
      responses: { 200: json(DossierView, 'Hồ sơ sau khi ghi'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      return c.json(await setCollective(deps, c.get('caller'), year, unitId, c.req.valid('json')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{year}/units/{unitId}/members/{memberId}/evaluation',
      summary: 'Đánh giá một đảng viên theo bộ quy tắc của năm',
      security: bearer,
      request: { params: YearUnitMember },
      responses: { 200: json(MemberEvaluationView, 'Kết quả đánh giá'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId, memberId } = c.req.valid('param');
      const caller = c.get('caller');
      const { unit, evaluation } = await evaluatedUnit(deps, caller, year, unitId, 'member.read');
      const member = await memberOfUnit(deps.store, caller.tenant, unit, memberId);
      return c.json(evaluation.members.find((e) => e.memberId === member.id)!, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{year}/units/{unitId}/evaluation',
      summary: 'Đánh giá của đơn vị như một tập thể: chỉ tiêu 20%, người đứng đầu, điều kiện xếp loại tổ chức',
      description: 'Đảng ủy cơ sở: chỉ tiêu tính trên toàn bộ đảng viên của đảng bộ và xếp loại của các tổ chức trực thuộc. Tổ đảng, đảng ủy cấp trên cơ sở: 422 NOT_RATED_AS_COLLECTIVE.',
      security: bearer,
      request: { params: YearUnit },
      responses: { 200: json(UnitEvaluationView, 'Kết quả đánh giá'), ...commonErrors, ...refusedError },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      const { unit, evaluation } = await evaluatedUnit(deps, c.get('caller'), year, unitId, 'unit.read');
      if (!evaluation.unit) throw notRatedAsCollective(unit.kind);
      return c.json(evaluation.unit, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{year}/units/{unitId}/review',
      summary: 'Hồ sơ kiểm điểm của đơn vị trong năm: đảng viên (theo thứ tự tên), số liệu, đánh giá, vi phạm, trạng thái',
      security: bearer,
      request: { params: YearUnit },
      responses: { 200: json(UnitReviewView, 'Hồ sơ của đơn vị'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      const { unit, stored, evaluation } = await evaluatedUnit(deps, c.get('caller'), year, unitId, 'member.read');
      const { exists: _exists, ...dossier } = stored.dossier;
      return c.json(
        {
          unit: unitView(unit),
          year,
          ratingDate: evaluation.ratingDate,
          dossier,
          members: stored.members.map((m, i) => {
            const row = stored.rows.get(m.id);
            return { member: memberView(m), facts: row?.facts ?? MemberFacts.parse({}), rowRev: row?.rev ?? null, adjustReason: row?.adjustReason ?? null, override: row?.override ?? null, evaluation: evaluation.members[i]! };
          }),
          evaluation: evaluation.unit,
          blocking: evaluation.blocking,
          warnings: evaluation.warnings,
        },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/campaigns/{year}/units/{unitId}/members/{memberId}/results',
      summary: 'Ghi số liệu, đề xuất và kết quả biểu quyết của một đảng viên',
      description: 'Cần `rowRev` (dòng đang xem) và `dossierRev` (hồ sơ đang xem): cũ → 409 VERSION_CONFLICT. Vi phạm quy tắc không chặn việc ghi (chỉ chặn việc gửi hồ sơ).',
      security: bearer,
      request: { params: YearUnitMember, ...body(FactsBody) },
      responses: { 200: json(ResultRowView, 'Dòng kết quả sau khi ghi'), ...commonErrors, ...conflictError },
    }),
    async (c) => {
      const { year, unitId, memberId } = c.req.valid('param');
      return c.json(await saveMemberFacts(deps, c.get('caller'), year, unitId, memberId, c.req.valid('json')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{year}/units/{unitId}/members/{memberId}/self-review',
      summary: 'Bản tự kiểm điểm (Mẫu 2A) của đảng viên: nội dung từng mục, liên hệ các biểu hiện suy thoái',
      security: bearer,
      request: { params: YearUnitMember },
      responses: { 200: json(SelfReviewView, 'Bản tự kiểm điểm (rev 0: chưa có)'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId, memberId } = c.req.valid('param');
      return c.json(await readSelfReview(deps, c.get('caller'), year, unitId, memberId), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/campaigns/{year}/units/{unitId}/members/{memberId}/self-review',
      summary: 'Ghi bản tự kiểm điểm (Mẫu 2A) của đảng viên',
      description: '`rev` là phiên bản đang xem (0 khi chưa có): cũ → 409 VERSION_CONFLICT; hồ sơ đã gửi hoặc đã duyệt → 409 UNIT_LOCKED.',
      security: bearer,
      request: { params: YearUnitMember, ...body(SelfReviewBody) },
      responses: { 200: json(SelfReviewView, 'Bản tự kiểm điểm sau khi ghi'), ...commonErrors, ...conflictError },
    }),
    async (c) => {
      const { year, unitId, memberId } = c.req.valid('param');
      const { rev, ...input } = c.req.valid('json');
      return c.json(await saveSelfReview(deps, c.get('caller'), year, unitId, memberId, input, rev), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{year}/units/{unitId}/collective-review',
      summary: 'Báo cáo kiểm điểm tập thể (Mẫu 1A) của đơn vị',
      security: bearer,
      request: { params: YearUnit },
      responses: { 200: json(CollectiveReviewView, 'Báo cáo (rev 0: chưa có)'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      return c.json(await readCollectiveReview(deps, c.get('caller'), year, unitId), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/campaigns/{year}/units/{unitId}/collective-review',
      summary: 'Ghi báo cáo kiểm điểm tập thể (Mẫu 1A)',
      security: bearer,
      request: { params: YearUnit, ...body(CollectiveReviewBody) },
      responses: { 200: json(CollectiveReviewView, 'Báo cáo sau khi ghi'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      const { rev, ...input } = c.req.valid('json');
      return c.json(await saveUnitReview(deps, c.get('caller'), year, unitId, input, rev), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/campaigns/{year}/units/{unitId}/cell-meeting',
      summary: 'Ghi nhận cuộc họp chi bộ biểu quyết xếp loại (ngày họp là ngày xếp loại của chi bộ; hoàn thành mốc “chi bộ họp”)',
      security: bearer,
      request: { params: YearUnit, ...body(CellMeetingBody) },
      responses: { 200: json(DossierView, 'Hồ sơ sau khi ghi'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      const { rev, ...meeting } = c.req.valid('json');
      return c.json((await cellMeeting(deps, c.get('caller'), year, unitId, meeting, rev)).dossier, 200);
    },
  );

  for (const [path, event, summary] of [
    ['group-meeting', 'groupMeetingHeld', 'Ghi nhận tổ đảng đã họp kiểm điểm đảng viên (hoàn thành mốc họp tổ)'],
    ['group-report', 'groupReportSent', 'Ghi nhận tổ đảng đã báo cáo kết quả kiểm điểm về chi ủy (hoàn thành mốc báo cáo)'],
  ] as const) {
    r.openapi(
      createRoute({
        method: 'post',
        path: `/campaigns/{year}/units/{unitId}/${path}`,
        summary,
        description: 'Thời điểm hoàn thành là lúc ghi nhận. Ghi lại lần nữa thì cập nhật thời điểm. Đơn vị không phải tổ đảng: 422 NOT_A_GROUP.',
        security: bearer,
        request: { params: YearUnit, ...body(GroupEventBody) },
        responses: { 200: json(UnitEventView, 'Sự kiện đã ghi'), ...commonErrors, ...refusedError },
      }),
      async (c) => {
        const { year, unitId } = c.req.valid('param');
        const record = await groupEvent(deps, c.get('caller'), year, unitId, event, c.req.valid('json'));
        return c.json({ event: record.event, unitId: record.unitId, year: record.year, at: record.at, heldOn: record.heldOn, note: record.note }, 200);
      },
    );
  }

  r.openapi(
    createRoute({
      method: 'post',
      path: '/campaigns/{year}/units/{unitId}/submit',
      summary: 'Gửi hồ sơ lên cấp trên',
      description: 'Từ chối (422 SUBMISSION_BLOCKED, danh sách vi phạm trong `details.violations`) khi còn vi phạm chặn. Hồ sơ đã gửi hoặc đã duyệt: 409.',
      security: bearer,
      request: { params: YearUnit, ...body(SubmitBody) },
      responses: { 200: json(DossierView, 'Hồ sơ đã gửi'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      return c.json(await submitDossier(deps, c.get('caller'), year, unitId, c.req.valid('json').rev), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/campaigns/{year}/units/{unitId}/approve',
      summary: 'Thẩm định, duyệt hồ sơ (có thể điều chỉnh xếp loại đảng viên hoặc của đơn vị, mỗi điều chỉnh kèm lý do); hồ sơ bị khóa',
      description: 'Chỉ cấp mà kế hoạch của đợt giao thẩm định đơn vị (403 NOT_THE_APPRAISER cho cấp khác, 403 UPPER_LEVEL_ONLY cho chính đơn vị). Cấp tỉnh tiếp nhận thẩm định hồ sơ của cấp dưới phải ghi `takeOverReason` (422 TAKEOVER_REASON_REQUIRED); lý do được ghi vào nhật ký (`dossier.takeOver`). Hồ sơ chưa gửi: 409 INVALID_STATE.',
      security: bearer,
      request: { params: YearUnit, ...body(ApproveBody) },
      responses: { 200: json(DossierView, 'Hồ sơ đã duyệt'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      const { rev, takeOverReason, ...adjustments } = c.req.valid('json');
      return c.json(await approve(deps, c.get('caller'), year, unitId, rev, adjustments, { takeOverReason: takeOverReason ?? null }), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/campaigns/{year}/units/{unitId}/return',
      summary: 'Trả lại hồ sơ cho đơn vị, kèm lý do',
      description: 'Như khi duyệt: chỉ cấp thẩm định theo kế hoạch; cấp tỉnh tiếp nhận phải ghi `takeOverReason`.',
      security: bearer,
      request: { params: YearUnit, ...body(ReturnBody) },
      responses: { 200: json(DossierView, 'Hồ sơ đã trả lại'), ...commonErrors, ...conflictError },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      const { rev, reason, takeOverReason } = c.req.valid('json');
      return c.json(await returnDossier(deps, c.get('caller'), year, unitId, rev, reason, { takeOverReason: takeOverReason ?? null }), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{year}/units/{unitId}/appraisals',
      summary: 'Các tổ chức đảng trực thuộc (toàn cây) và trạng thái hồ sơ của năm, để thẩm định',
      security: bearer,
      request: { params: YearUnit },
      responses: { 200: json(AppraisalListView, 'Danh sách'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      const list = await appraisalList(deps, c.get('caller'), year, unitId);
      return c.json(
        { unitId: list.unit.id, year, units: list.entries.map((e) => ({ unit: unitView(e.unit), dossier: e.dossier })) },
        200,
      );
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{year}/units/{unitId}/members/{memberId}/self-review.docx',
      summary: 'Bản tự kiểm điểm (Mẫu 2A) của đảng viên, tệp Word',
      security: bearer,
      request: { params: YearUnitMember },
      responses: { 200: docxFile('Tệp .docx'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId, memberId } = c.req.valid('param');
      return docxResponse(c, await selfReviewDocx(deps, c.get('caller'), year, unitId, memberId));
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{year}/units/{unitId}/rating-minutes.docx',
      summary: 'Biên bản họp chi bộ đánh giá, xếp loại chất lượng đảng viên, tệp Word',
      description: 'Cần ghi nhận cuộc họp chi bộ trước (422 CELL_MEETING_NOT_RECORDED).',
      security: bearer,
      request: { params: YearUnit },
      responses: { 200: docxFile('Tệp .docx'), ...commonErrors, ...refusedError },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      return docxResponse(c, await ratingMinutesDocx(deps, c.get('caller'), year, unitId));
    },
  );

  return r;
}
