import { Hono, type Context } from 'hono';
import { DomainError, type Caller } from '@kd/domain';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { pageHandler } from './page-handler';
import { cellMemberEvaluations, dashboardYear, memberEvaluation, readDashboard } from '@kd/services';
import { DashboardPage } from './dashboard/dashboard-view';
import { CellMembersPage, MemberEvaluationPage } from './dashboard/member-views';
import { askedPage } from './list-view';

type Handler = (c: Context<AppEnv>, caller: Caller) => Promise<Response>;

const page = (deps: AppDeps, handler: Handler) => pageHandler(deps, handler);

function yearOf(c: Context): number {
  const year = Number(c.req.param('year'));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new DomainError('CAMPAIGN_NOT_FOUND', 'Không có đợt kiểm điểm năm này.');
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
    const asked = c.req.query('year');
    const { unitId, year } = await dashboardYear(deps, caller, c.req.param('unitId')!, asked ? Number(asked) : null);
    return c.redirect(`/dashboard/${year}/units/${encodeURIComponent(unitId)}`, 302);
  }));

  r.get('/dashboard/:year/units/:unitId', page(deps, async (c, caller) => {
    const year = yearOf(c);
    const { rollup, previous, campaign, years, importedYears, ancestors, masses, milestones, groups } = await readDashboard(deps, caller, year, c.req.param('unitId')!);
    return c.html(
      <DashboardPage
        caller={caller}
        rollup={rollup}
        previous={previous}
        campaign={campaign}
        years={years}
        importedYears={importedYears}
        ancestors={ancestors}
        masses={masses}
        milestones={milestones}
        groups={groups}
        list={{ q: c.req.query('q')?.slice(0, 100), page: askedPage(c.req.query('page')) }}
        print={c.req.query('print') === '1'}
      />,
    );
  }));

  r.get('/dashboard/:year/units/:unitId/members', page(deps, async (c, caller) => {
    const year = yearOf(c);
    const { unit, members } = await cellMemberEvaluations(deps, caller, year, c.req.param('unitId')!);
    return c.html(<CellMembersPage caller={caller} year={year} unit={unit} members={members} list={{ q: c.req.query('q')?.slice(0, 100), page: askedPage(c.req.query('page')) }} />);
  }));

  r.get('/dashboard/:year/units/:unitId/members/:memberId', page(deps, async (c, caller) => {
    const year = yearOf(c);
    const { unit, member, evaluation, ratingDate } = await memberEvaluation(deps, caller, year, c.req.param('unitId')!, c.req.param('memberId')!);
    return c.html(<MemberEvaluationPage caller={caller} year={year} ratingDate={ratingDate} unit={unit} member={member} evaluation={evaluation} />);
  }));

  return r;
}
