import { homeAgenda, isCell, isRatedCollective, rulebookFor, type Campaign, type Caller, type HomeItem, type HomeUnit } from '@kd/domain';
import { getDossier, getMemberReview, listCampaigns, listUnitEvents, listUnitMembers, requireUnit, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { appraisalList } from '../campaigns/appraisal-list';
import { unitMilestones } from '../campaigns/milestones';

export interface Home {
  unit: StoredUnit;
  /** The latest open campaign; null when the province has none open. */
  campaign: Campaign | null;
  items: HomeItem[];
}

/** A cell's rating meeting is recorded with what the minutes need (date, time, place, chair, clerk). */
export async function meetingRecorded(deps: ServiceDeps, tenant: string, unitId: string, year: number): Promise<boolean> {
  const m = (await listUnitEvents(deps.store, tenant, unitId, year)).get('cellResultsDecided');
  return Boolean(m?.heldOn && m.startTime && m.location && m.chairMemberId && m.clerkMemberId);
}

/**
 * What needs the caller now (the home page): computed from the latest open campaign by the domain's
 * `homeAgenda`, at the service's clock. A member sees only their own self-review and their cell's
 * deadlines; the others what their unit and the dossiers it appraises need.
 */
export async function homeOf(deps: ServiceDeps, caller: Caller): Promise<Home> {
  const unit = await requireUnit(deps.store, caller.tenant, caller.unit);
  const campaign = (await listCampaigns(deps.store, caller.tenant)).filter((c) => c.closedAt === null && !c.importedOnly).at(-1) ?? null;
  if (!campaign) return { unit, campaign: null, items: [] };
  const year = campaign.year;
  const parent = unit.parentId ? await requireUnit(deps.store, caller.tenant, unit.parentId) : null;
  const self: HomeUnit = { unitId: unit.id, name: unit.name, parentName: parent?.name ?? null };
  const rated = isRatedCollective(rulebookFor(campaign), unit.kind);
  const [milestones, ownDossier] = await Promise.all([unitMilestones(deps, caller, unit, campaign), rated && caller.role !== 'member' ? getDossier(deps.store, caller.tenant, unit.id, year) : null]);
  const below = caller.role === 'member' || isCell(unit.kind) ? [] : (await appraisalList(deps, caller, year, unit.id)).entries;
  const cellsToCheck: HomeUnit[] = [
    ...(isCell(unit.kind) && caller.role !== 'member' ? [self] : []),
    ...below.filter((e) => e.standing === 'appraiser' && isCell(e.unit.kind)).map((e) => ({ unitId: e.unit.id, name: e.unit.name, parentName: e.parentName })),
  ];
  const cells = await Promise.all(cellsToCheck.map(async (c) => ({ ...c, meetingRecorded: await meetingRecorded(deps, caller.tenant, c.unitId, year) })));
  const people = caller.role === 'member'
    ? (await listUnitMembers(deps.store, caller.tenant, unit.id)).filter((m) => m.id === caller.sub)
    : isCell(unit.kind) ? (await listUnitMembers(deps.store, caller.tenant, unit.id)).filter((m) => !m.exempt) : [];
  const members = await Promise.all(people.map(async (m) => ({ memberId: m.id, fullName: m.fullName, written: (await getMemberReview(deps.store, caller.tenant, unit.id, year, m.id)).rev > 0 })));
  const items = homeAgenda(
    {
      year,
      unit: self,
      ownDossier: ownDossier ? { state: ownDossier.state, returnReason: ownDossier.returnReason ?? null } : null,
      below: below.map((e) => ({ unitId: e.unit.id, name: e.unit.name, parentName: e.parentName, state: e.dossier.state, standing: e.standing, returnReason: e.dossier.returnReason ?? null })),
      cells,
      members,
      milestones,
    },
    deps.clock(),
  );
  return { unit, campaign, items };
}
