import { Hono, type Context } from 'hono';
import { listCampaigns, getCampaign } from '@kd/data/campaign-repository';
import { listUnitMembers } from '@kd/data/member-repository';
import { isCell } from '@kd/domain/unit-kind';
import { notFound } from '@kd/domain/errors';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import type { Caller } from '../auth/claims';
import { pageHandler } from './page-handler';
import { unitInScope } from '../access/scope';
import { loadRollup } from '../routes/rollup-read';
import { evaluatedUnit, scopedMember } from '../routes/campaign-service';
import { DashboardPage } from './dashboard/dashboard-view';
import { CellMembersPage, MemberEvaluationPage } from './dashboard/member-views';

type Handler = (c: Context<AppEnv>, caller: Caller) => Promise<Response>;

const page = (deps: AppDeps, handler: Handler) => pageHandler(deps, handler);

function yearOf(c: Context): number {
  const year = Number(c.req.param('year'));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw notFound('Không có đợt kiểm điểm năm này.', 'CAMPAIGN_NOT_FOUND');
  return year;
}

/**
 * The organising board's dashboard (issue 5): a unit's numbers over its own subtree for a
 * campaign, drill-down to its children, a cell's members and one member's evaluation.
 */
export function dashboardPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();

  // A unit's dashboard for a year (the year selector), by default the latest campaign's.
  r.get('/dashboard/units/:unitId', page(deps, async (c, caller) => {
    const unit = await unitInScope(deps.store, caller, c.req.param('unitId')!, 'unit.read');
    const years = (await listCampaigns(deps.store, caller.tenant)).map((x) => x.year);
    const asked = Number(c.req.query('year'));
    const year = years.includes(asked) ? asked : years.at(-1);
    if (!year) throw notFound('Chưa có đợt kiểm điểm nào.', 'CAMPAIGN_NOT_FOUND');
    return c.redirect(`/dashboard/${year}/units/${encodeURIComponent(unit.id)}`, 302);
  }));

  r.get('/dashboard/:year/units/:unitId', page(deps, async (c, caller) => {
    const year = yearOf(c);
    const rollup = await loadRollup(deps.store, caller, year, c.req.param('unitId')!);
    const [previous, campaign, campaigns, ancestors] = await Promise.all([
      loadRollup(deps.store, caller, year - 1, rollup.unitId).catch(() => null),
      getCampaign(deps.store, caller.tenant, year),
      listCampaigns(deps.store, caller.tenant),
      Promise.all(
        rollup.path.slice(rollup.path.indexOf(caller.unit), -1).map(async (id) => {
          const a = await loadRollup(deps.store, caller, year, id).catch(() => null);
          return { id, name: a?.name ?? id };
        }),
      ),
    ]);
    return c.html(
      <DashboardPage
        caller={caller}
        rollup={rollup}
        previous={previous}
        campaign={campaign ?? null}
        years={campaigns.map((x) => x.year)}
        ancestors={ancestors}
        print={c.req.query('print') === '1'}
      />,
    );
  }));

  r.get('/dashboard/:year/units/:unitId/members', page(deps, async (c, caller) => {
    const year = yearOf(c);
    const { unit, evaluation } = await evaluatedUnit(deps, caller, year, c.req.param('unitId')!, 'member.read');
    if (!isCell(unit.kind)) throw notFound('Đơn vị này không có đảng viên sinh hoạt trực tiếp.', 'NOT_A_CELL');
    const roster = await listUnitMembers(deps.store, caller.tenant, unit.id);
    const byId = new Map(evaluation.members.map((e) => [e.memberId, e]));
    return c.html(<CellMembersPage caller={caller} year={year} unit={unit} members={roster.map((member) => ({ member, evaluation: byId.get(member.id) }))} />);
  }));

  r.get('/dashboard/:year/units/:unitId/members/:memberId', page(deps, async (c, caller) => {
    const year = yearOf(c);
    const { unit, evaluation } = await evaluatedUnit(deps, caller, year, c.req.param('unitId')!, 'member.read');
    const member = await scopedMember(deps, caller, unit, c.req.param('memberId')!);
    const e = evaluation.members.find((x) => x.memberId === member.id);
    if (!e) throw notFound('Không tìm thấy kết quả đánh giá của đảng viên.', 'MEMBER_NOT_FOUND');
    return c.html(<MemberEvaluationPage caller={caller} year={year} ratingDate={evaluation.ratingDate} unit={unit} member={member} evaluation={e} />);
  }));

  return r;
}
