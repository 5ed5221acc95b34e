import { isCell, type Caller, type Member } from '@kd/domain';
import { getUnit, listSubtree, listUnitMembers, requireUnit, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';

/**
 * What a unit's page shows: the way down from the caller's unit, the subtree, and a cell's members
 * in Vietnamese name order — all of them (a cell's list is read whole anyway), so that the page can
 * filter them by name and count its tổ đảng from every member, not from the page shown.
 */
export async function unitOverview(deps: ServiceDeps, caller: Caller, unitId: string) {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const ancestorIds = unit.path.slice(unit.path.indexOf(caller.unit), -1);
  const [ancestors, subtree] = await Promise.all([Promise.all(ancestorIds.map((id) => requireUnit(deps.store, caller.tenant, id))), listSubtree(deps.store, caller.tenant, unit)]);
  const members: Member[] | null = isCell(unit.kind) ? await listUnitMembers(deps.store, caller.tenant, unit.id) : null;
  const groups = new Map(subtree.filter((u) => u.kind === 'group').map((g) => [g.id, g.name]));
  return { unit, ancestors, subtree, members, groups };
}

/** The names of units and of their provinces, for a list of (tenant, unit) pairs — the demo login lists its identities by name. */
export async function unitNames(deps: ServiceDeps, refs: readonly { tenant: string; unit: string }[]): Promise<{ units: Map<string, string>; tenants: Map<string, string> }> {
  const units = new Map<string, string>();
  const tenants = new Map<string, string>();
  await Promise.all(
    refs.map(async (ref) => {
      const unit: StoredUnit | undefined = await getUnit(deps.store, ref.tenant, ref.unit);
      if (unit) units.set(`${ref.tenant}/${ref.unit}`, unit.name);
      const root = unit ? await getUnit(deps.store, ref.tenant, unit.path[0]!) : undefined;
      if (root) tenants.set(ref.tenant, root.name);
    }),
  );
  return { units, tenants };
}
