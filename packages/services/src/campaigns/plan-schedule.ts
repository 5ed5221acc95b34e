import { getUnitPlans, type Store } from '@kd/data';
import { effectiveMilestones, type Campaign, type Milestone } from '@kd/domain';

/**
 * The milestones in force for each unit, from the plans adopted on its way down from the root: one
 * BatchGet for every unit named, then pure work (unit-plan.ts).
 */
export async function planSchedules(
  store: Store,
  tenant: string,
  campaign: Campaign,
  unitIds: readonly string[],
  pathOf: ReadonlyMap<string, readonly string[]>,
): Promise<(unitId: string) => Milestone[]> {
  const plans = await getUnitPlans(store, tenant, [...new Set(unitIds)], campaign.year);
  const cache = new Map<string, Milestone[]>();
  return (unitId) => {
    let found = cache.get(unitId);
    if (!found) {
      const path = pathOf.get(unitId) ?? [unitId];
      found = effectiveMilestones(campaign, path.flatMap((id) => plans.get(id) ?? []));
      cache.set(unitId, found);
    }
    return found;
  };
}
