import type { Caller } from '@kd/domain';
import { listChildren, listSubtree, requireUnit, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';

/** A unit with its direct children and — unless it is the caller's own unit — its parent. */
export async function readUnit(deps: ServiceDeps, caller: Caller, unitId: string): Promise<{ unit: StoredUnit; parent: StoredUnit | null; children: StoredUnit[] }> {
  // The children are read beside the unit, not after it: one round trip fewer before the answer.
  // They are the caller's tenant's own records and are answered only once the unit is in scope.
  const [unit, children] = await Promise.all([unitInScope(deps.store, caller, unitId, 'unit.read'), listChildren(deps.store, caller.tenant, unitId)]);
  const parent = unit.parentId && unit.id !== caller.unit ? await requireUnit(deps.store, caller.tenant, unit.parentId) : null;
  return { unit, parent, children };
}

/** The unit and everything below it, in tree order. */
export async function readSubtree(deps: ServiceDeps, caller: Caller, unitId: string): Promise<StoredUnit[]> {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  return listSubtree(deps.store, caller.tenant, unit);
}
