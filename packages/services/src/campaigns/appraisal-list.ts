import { appraisalStanding, isRatedCollective, rulebookFor, type AppraisalStanding, type Campaign, type Caller } from '@kd/domain';
import { requireCampaign, getDossiers, listSubtree, type Dossier, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';
import { ancestorsOf } from './workflow';

export interface AppraisalEntry {
  unit: StoredUnit;
  dossier: Dossier;
  /** The unit directly above, so that two cells of the same name can be told apart. */
  parentName: string | null;
  /** The caller appraises it by the plan, may only take it over with a reason (the province), or only sees it. */
  standing: AppraisalStanding;
}

/** The organisations below the caller's unit that the year's rules rate as collectives, with their dossier (the appraisal page lists them). */
export async function appraisalList(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<{ unit: StoredUnit; campaign: Campaign; entries: AppraisalEntry[] }> {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const campaign = await requireCampaign(deps.store, caller.tenant, year);
  const rulebook = rulebookFor(campaign);
  const [subtree, above] = await Promise.all([listSubtree(deps.store, caller.tenant, unit), ancestorsOf(deps, caller.tenant, unit)]);
  const byId = new Map([...above, ...subtree].map((u) => [u.id, u] as const));
  const below = subtree.filter((u) => u.id !== unit.id && isRatedCollective(rulebook, u.kind));
  const dossiers = await getDossiers(deps.store, caller.tenant, below.map((u) => u.id), year);
  return {
    unit,
    campaign,
    entries: below.map((u) => ({
      unit: u,
      dossier: dossiers.get(u.id)!,
      parentName: u.parentId ? (byId.get(u.parentId)?.name ?? null) : null,
      standing: appraisalStanding(u, u.path.slice(0, -1).flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])), campaign.appraisalLevels, caller),
    })),
  };
}
