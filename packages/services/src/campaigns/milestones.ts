import { appraisalDoneAt, cellEvents, milestoneStatuses, isCell, type Campaign, type Caller, type MilestoneStatus, type UnitEvents } from '@kd/domain';
import { requireCampaign, getDossier, getDossiers, listUnitEvents, listSubtree, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { planSchedules } from './plan-schedule';
import { unitInScope } from '../access/scope';

/** Where a unit stands on the campaign's milestones: its own events, or, for an appraiser, the dossiers it appraises. */
export async function unitMilestones(deps: ServiceDeps, caller: Caller, unit: StoredUnit, campaign: Campaign): Promise<MilestoneStatus[]> {
  const now = deps.clock();
  let events: UnitEvents = {};
  const recorded = Object.fromEntries([...(await listUnitEvents(deps.store, caller.tenant, unit.id, campaign.year))].map(([k, r]) => [k, r.at])) as UnitEvents;
  if (isCell(unit.kind)) {
    const d = await getDossier(deps.store, caller.tenant, unit.id, campaign.year);
    events = cellEvents({ recorded, state: d.state, submittedAt: d.submittedAt, firstSubmittedAt: d.firstSubmittedAt });
  } else {
    events = { ...recorded };
    const appraisal = campaign.milestones.find((m) => m.event === 'appraisalDone');
    const dossierKinds = campaign.milestones.find((m) => m.event === 'dossierSubmitted')?.actorKinds ?? ['cell', 'baseCell'];
    if (appraisal?.actorKinds.includes(unit.kind)) {
      const subtree = await listSubtree(deps.store, caller.tenant, unit);
      const byId = new Map(subtree.map((u) => [u.id, u] as const));
      // A dossier is appraised by its nearest ancestor among the appraisal's actors.
      const appraiserOf = (u: StoredUnit) => {
        for (let p = u.parentId ? byId.get(u.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) if (appraisal.actorKinds.includes(p.kind)) return p.id;
        return null;
      };
      const mine = subtree.filter((u) => dossierKinds.includes(u.kind) && appraiserOf(u) === unit.id);
      const dossiers = await getDossiers(deps.store, caller.tenant, mine.map((u) => u.id), campaign.year);
      const done = appraisalDoneAt([...dossiers.values()]);
      if (done) events.appraisalDone = done;
    }
  }
  const schedule = await planSchedules(deps.store, caller.tenant, campaign, unit.path, new Map([[unit.id, unit.path]]));
  return milestoneStatuses(schedule(unit.id), unit.kind, events, now);
}

/** The campaign of a year, and — with `unitId` — where that unit (in the caller's scope) stands on each milestone. */
export async function readCampaign(deps: ServiceDeps, caller: Caller, year: number, unitId?: string): Promise<{ campaign: Campaign; unit: StoredUnit | null; statuses: MilestoneStatus[] | null }> {
  const unit = unitId ? await unitInScope(deps.store, caller, unitId, 'unit.read') : null;
  const campaign = await requireCampaign(deps.store, caller.tenant, year);
  const statuses = unit ? await unitMilestones(deps, caller, unit, campaign) : null;
  return { campaign, unit, statuses };
}
