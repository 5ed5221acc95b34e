import type { Caller } from '@kd/domain';
import { requireCampaign, listCampaigns, getDossier, readResults, listUnitMembers, listChildren } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';

/** What the results upload page of a cell's year shows: the roster, the dossier and the current results. */
export async function resultsUploadView(deps: ServiceDeps, caller: Caller, year: number, unitId: string) {
  const unit = await unitInScope(deps.store, caller, unitId, 'results.write');
  const [campaign, members, dossier, results, campaigns] = await Promise.all([
    requireCampaign(deps.store, caller.tenant, year),
    listUnitMembers(deps.store, caller.tenant, unit.id),
    getDossier(deps.store, caller.tenant, unit.id, year),
    readResults(deps.store, caller.tenant, unit.id, year),
    listCampaigns(deps.store, caller.tenant),
  ]);
  return { unit, campaign, members, dossier, results, years: campaigns.map((c) => c.year) };
}

/** What the roster upload page of a cell shows: its members and its groups by id. */
export async function rosterUploadView(deps: ServiceDeps, caller: Caller, unitId: string) {
  const unit = await unitInScope(deps.store, caller, unitId, 'member.write');
  const [members, children] = await Promise.all([listUnitMembers(deps.store, caller.tenant, unit.id), listChildren(deps.store, caller.tenant, unit.id)]);
  return { unit, members, groups: new Map(children.filter((u) => u.kind === 'group').map((g) => [g.id, g.name])) };
}
