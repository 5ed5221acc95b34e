import type { Caller } from '@kd/domain';
import { listChildren, listSubtree, requireUnit, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';

/** A unit with its direct children and — unless it is the caller's own unit — its parent. */
export async function readUnit(deps: ServiceDeps, caller: Caller, unitId: string): Promise<{ unit: StoredUnit; parent: StoredUnit | null; children: StoredUnit[] }> {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const [children, parent] = await Promise.all([
    listChildren(deps.store, caller.tenant, unit.id),
    unit.parentId && unit.id !== caller.unit ? requireUnit(deps.store, caller.tenant, unit.parentId) : Promise.resolve(null),
  ]);
  return { unit, parent, children };
}

/** The unit and everything below it, in tree order. */
export async function readSubtree(deps: ServiceDeps, caller: Caller, unitId: string): Promise<StoredUnit[]> {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  return listSubtree(deps.store, caller.tenant, unit);
}
