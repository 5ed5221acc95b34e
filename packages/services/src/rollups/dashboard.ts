import { currentCampaign, DomainError, type Campaign, type Caller } from '@kd/domain';
import { getCampaign, listCampaigns } from '@kd/data';
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
  return { rollup, previous, campaign: (campaign ?? null) as Campaign | null, years: campaigns.map((x) => x.year), importedYears, ancestors, masses };
}
