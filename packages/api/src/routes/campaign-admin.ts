import { createRoute, z } from '@hono/zod-openapi';
import { campaignState, deadlineText, NewCampaign, Plan, Milestone, UnitPlan, UnitPlanInput, type Campaign } from '@kd/domain';
import { adoptPlan, closeCampaign, listCampaignsOf, openCampaign, unitSchedule } from '@kd/services';
import type { AppDeps } from '../deps';
import { newRouter } from '../router';
import { bearer, commonErrors, conflictError, json, refusedError, UnitIdParam } from '../openapi';
import { CampaignView, YearParam } from './campaign-schemas';


const CampaignSummary = z
  .object({ year: z.number().int(), rulebookId: z.string(), ratingDate: z.string(), state: z.enum(['open', 'closed']) })
  .openapi('CampaignSummary');

const NewCampaignBody = NewCampaign.extend({
  plans: z.array(Plan).optional(),
  milestones: z.array(Milestone).optional(),
}).openapi('NewCampaign');

const PlanBody = UnitPlanInput.extend({ rev: z.number().int().nonnegative().openapi({ description: 'Phiên bản kế hoạch đang xem (0: chưa có)' }) }).openapi('UnitPlanInput');
const ScheduleView = z
  .object({
    unitId: z.string(),
    year: z.number().int(),
    plan: UnitPlan.extend({}).nullable(),
    followsUnitId: z.string().nullable().openapi({ description: 'Đơn vị có kế hoạch đang áp dụng cho đơn vị này (chính nó, hoặc cấp trên gần nhất); null: theo đợt kiểm điểm' }),
    milestones: z.array(Milestone.extend({ deadline: z.string() })),
    parentWindows: z.array(Milestone.extend({ deadline: z.string() })),
  })
  .openapi('UnitSchedule');

const view = (c: Campaign) => ({ ...c, milestones: c.milestones.map((m) => ({ ...m, deadline: deadlineText(m) })), unitStatus: null });
const withDeadline = (ms: readonly Milestone[]) => ms.map((m) => ({ ...m, deadline: deadlineText(m) }));

/** Campaigns for any year (docs/api.md, "Campaigns"): list, open, close; each level's plan. */
export function campaignAdminRoutes(deps: AppDeps) {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns',
      summary: 'Các đợt kiểm điểm của tỉnh, mới nhất trước',
      security: bearer,
      responses: { 200: json(z.array(CampaignSummary), 'Đợt kiểm điểm'), ...commonErrors },
    }),
    async (c) => {
      const list = await listCampaignsOf(deps, c.get('caller'));
      return c.json(list.map((x) => ({ year: x.year, rulebookId: x.rulebookId, ratingDate: x.ratingDate, state: campaignState(x) })), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/campaigns',
      summary: 'Mở đợt kiểm điểm của một năm (Ban Tổ chức Tỉnh ủy)',
      description: 'Mặc định: bộ quy tắc áp dụng năm đó, ngày xếp loại và khung mốc thời gian của bộ quy tắc. 409 CAMPAIGN_EXISTS; 422 RULEBOOK_NOT_IN_FORCE.',
      security: bearer,
      request: { body: { content: { 'application/json': { schema: NewCampaignBody } }, required: true } },
      responses: { 201: json(CampaignView, 'Đợt kiểm điểm vừa mở'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => c.json(view(await openCampaign(deps, c.get('caller'), c.req.valid('json'))), 201),
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/campaigns/{year}/close',
      summary: 'Kết thúc đợt kiểm điểm: từ đó chỉ xem, không sửa',
      security: bearer,
      request: { params: YearParam },
      responses: { 200: json(CampaignView, 'Đợt kiểm điểm đã kết thúc'), ...commonErrors, ...conflictError },
    }),
    async (c) => c.json(view(await closeCampaign(deps, c.get('caller'), c.req.valid('param').year)), 200),
  );

  const YearUnit = YearParam.merge(UnitIdParam);
  r.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{year}/units/{unitId}/plan',
      summary: 'Kế hoạch của đơn vị trong đợt kiểm điểm và các mốc đang áp dụng cho đơn vị',
      security: bearer,
      request: { params: YearUnit },
      responses: { 200: json(ScheduleView, 'Kế hoạch và mốc'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      const s = await unitSchedule(deps, c.get('caller'), year, unitId);
      return c.json({ unitId: s.unit.id, year, plan: s.plan, followsUnitId: s.followsUnitId, milestones: withDeadline(s.milestones), parentWindows: withDeadline(s.parentMilestones) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/campaigns/{year}/units/{unitId}/plan',
      summary: 'Ban hành (hoặc sửa) kế hoạch của đơn vị: mốc thời gian của cấp mình, trong khung của cấp trên',
      description: 'Mốc ngoài khung của cấp trên: 422 PLAN_OUTSIDE_PARENT_WINDOW (thông báo nêu khung của cấp trên). Đợt đã kết thúc: 409 CAMPAIGN_CLOSED.',
      security: bearer,
      request: { params: YearUnit, body: { content: { 'application/json': { schema: PlanBody } }, required: true } },
      responses: { 200: json(UnitPlan.extend({}).openapi('UnitPlan'), 'Kế hoạch đã ghi'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      const { rev, ...input } = c.req.valid('json');
      return c.json(await adoptPlan(deps, c.get('caller'), year, unitId, input, rev), 200);
    },
  );

  return r;
}
