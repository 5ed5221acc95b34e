import { currentCampaign, DomainError, groupMemberCounts, isCell, milestoneFigures, type Campaign, type Caller, type UnitKind } from '@kd/domain';
import { getCampaign, getUnit, listCampaigns, listChildren, listUnitMembers } from '@kd/data';
import { reportJobDeps } from '../reports/board-reports';
import { campaignReport } from '../reports/report-job';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';
import { loadRollup } from './read-rollup';
import { loadMassesRollup } from '../masses/masses-rollup';

/** The year a dashboard opens on: the one asked for if it has a campaign, else the latest campaign's. */
export async function dashboardYear(deps: ServiceDeps, caller: Caller, unitId: string, asked: number | null): Promise<{ unitId: string; year: number }> {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const campaigns = await listCampaigns(deps.store, caller.tenant);
  const years = campaigns.map((x) => x.year);
  // By default the current campaign (the latest open one), else the latest closed one.
  const year = asked !== null && years.includes(asked) ? asked : (currentCampaign(campaigns)?.year ?? years.at(-1));
  if (!year) throw new DomainError('CAMPAIGN_NOT_FOUND', 'Chưa có đợt kiểm điểm nào.');
  return { unitId: unit.id, year };
}

/** Everything the board's dashboard of a unit shows: its roll-up, last year's, the campaign, the years and the way up to the caller's unit. */
export async function readDashboard(deps: ServiceDeps, caller: Caller, year: number, unitId: string) {
  const rollup = await loadRollup(deps.store, caller, year, unitId);
  const [previous, campaign, campaigns, ancestors, masses] = await Promise.all([
    loadRollup(deps.store, caller, year - 1, rollup.unitId).catch(() => null),
    getCampaign(deps.store, caller.tenant, year),
    listCampaigns(deps.store, caller.tenant),
    Promise.all(
      rollup.path.slice(rollup.path.indexOf(caller.unit), -1).map(async (id) => {
        const a = await loadRollup(deps.store, caller, year, id).catch(() => null);
        return { id, name: a?.name ?? id };
      }),
    ),
    // Biểu 5 beside the ratings where the tenant has the masses rule and a review that year.
    loadMassesRollup(deps, caller, year, rollup.unitId).catch(() => null),
  ]);
  const importedYears = campaigns.filter((x) => x.importedOnly).map((x) => x.year);
  const [milestones, groups] = await Promise.all([milestonesNow(deps, caller, rollup.unitId, campaign ?? null), groupsOf(deps, caller, rollup.unitId, rollup.kind)]);
  return { rollup, previous, campaign: (campaign ?? null) as Campaign | null, years: campaigns.map((x) => x.year), importedYears, ancestors, masses, milestones, groups };
}

/**
 * The milestone figures of the dashboard: the deadline report's own computation for this unit as
 * the board, at the same moment, so that both show the same numbers. Null without milestones.
 */
async function milestonesNow(deps: ServiceDeps, caller: Caller, unitId: string, campaign: Campaign | null) {
  if (!campaign || campaign.milestones.length === 0) return null;
  const unit = await getUnit(deps.store, caller.tenant, unitId);
  if (!unit) return null;
  const now = deps.clock();
  return { asOf: now.toISOString(), figures: milestoneFigures(await campaignReport(reportJobDeps(deps), caller.tenant, unit, campaign, now)) };
}

/** A cell's tổ đảng with their members, counted as the cell's page counts them (the group holds none of its own). */
async function groupsOf(deps: ServiceDeps, caller: Caller, unitId: string, kind: UnitKind) {
  if (!isCell(kind)) return [];
  const [members, children] = await Promise.all([listUnitMembers(deps.store, caller.tenant, unitId), listChildren(deps.store, caller.tenant, unitId)]);
  const counts = groupMemberCounts(members);
  return children.filter((c) => c.kind === 'group' && !c.closedOn).map((g) => ({ id: g.id, name: g.name, members: counts.get(g.id) ?? 0 }));
}
