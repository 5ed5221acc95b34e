import { isRatedCollective, rulebookFor, type Campaign, type Caller } from '@kd/domain';
import { requireCampaign, getDossiers, listSubtree, type Dossier, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';

export interface AppraisalEntry {
  unit: StoredUnit;
  dossier: Dossier;
}

/** The organisations below the caller's unit that the year's rules rate as collectives, with their dossier (the appraisal page lists them). */
export async function appraisalList(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<{ unit: StoredUnit; campaign: Campaign; entries: AppraisalEntry[] }> {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const campaign = await requireCampaign(deps.store, caller.tenant, year);
  const rulebook = rulebookFor(campaign);
  const below = (await listSubtree(deps.store, caller.tenant, unit)).filter((u) => u.id !== unit.id && isRatedCollective(rulebook, u.kind));
  const dossiers = await getDossiers(deps.store, caller.tenant, below.map((u) => u.id), year);
  return { unit, campaign, entries: below.map((u) => ({ unit: u, dossier: dossiers.get(u.id)! })) };
}
