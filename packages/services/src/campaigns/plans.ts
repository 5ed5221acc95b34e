import { checkPlanInsideParent, DomainError, effectiveMilestones, UnitPlan, type Caller, type Milestone, type UnitPlanInput } from '@kd/domain';
import { getUnitPlans, putUnitPlan, requireUnit, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';
import { changeBy } from '../actor';
import { requireOpenCampaign } from './campaign-admin';
import { requireCampaign } from '@kd/data';

/** Levels that adopt a plan of their own: everything between the province (whose plan is the campaign) and the groups. */
const ADOPTING = new Set(['bloc', 'baseCommittee', 'baseCell', 'subCommittee', 'cell']);

export interface UnitSchedule {
  unit: StoredUnit;
  /** The unit's own plan, if it adopted one. */
  plan: UnitPlan | null;
  /** The plan in force for it: its own, or the nearest above it (null: the campaign's). */
  followsUnitId: string | null;
  /** The milestones in force for the unit, and those of its parent (the window its own dates must stay in). */
  milestones: Milestone[];
  parentMilestones: Milestone[];
  parentName: string;
}

/** A unit's plan and the milestones in force for it and for its parent. */
export async function unitSchedule(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<UnitSchedule> {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const campaign = await requireCampaign(deps.store, caller.tenant, year);
  const plans = await getUnitPlans(deps.store, caller.tenant, unit.path, year);
  const above = unit.path.slice(0, -1).flatMap((id) => plans.get(id) ?? []);
  const own = plans.get(unit.id) ?? null;
  const parent = unit.parentId ? await requireUnit(deps.store, caller.tenant, unit.parentId) : null;
  const follows = own ? unit.id : ([...unit.path].reverse().find((id) => plans.has(id)) ?? null);
  return {
    unit,
    plan: own,
    followsUnitId: follows,
    milestones: effectiveMilestones(campaign, own ? [...above, own] : above),
    parentMilestones: effectiveMilestones(campaign, above),
    parentName: parent?.name ?? 'Tỉnh ủy',
  };
}

/**
 * A level adopts the campaign's plan with its own dates, each inside its parent's window for that
 * milestone (422 PLAN_OUTSIDE_PARENT_WINDOW, naming the parent's window); `rev` is the plan the
 * caller saw (0: none yet).
 */
export async function adoptPlan(deps: ServiceDeps, caller: Caller, year: number, unitId: string, input: UnitPlanInput, rev: number): Promise<UnitPlan> {
  const scoped = await unitInScope(deps.store, caller, unitId, 'plan.adopt');
  if (!ADOPTING.has(scoped.kind)) throw new DomainError('PLAN_NOT_ADOPTED_HERE', 'Kế hoạch do các cấp ủy từ đảng ủy cấp trên cơ sở đến chi bộ ban hành; kế hoạch của tỉnh là đợt kiểm điểm.', { kind: scoped.kind });
  await requireOpenCampaign(deps.store, caller.tenant, year);
  const schedule = await unitSchedule(deps, caller, year, unitId);
  checkPlanInsideParent(input, { name: schedule.parentName, milestones: schedule.parentMilestones });
  const change = changeBy(deps, caller);
  return putUnitPlan(deps.store, caller.tenant, UnitPlan.parse({ ...input, unitId: scoped.id, year, rev: rev + 1, adoptedAt: change.at }), rev, change);
}
