import { isCell, type Caller } from '@kd/domain';
import { getUnit, listSubtree, requireUnit, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';
import { memberPage, type MembersPage } from '../members/members';

/** What a unit's page shows: the way down from the caller's unit, the subtree, and a cell's members a page at a time. */
export async function unitOverview(deps: ServiceDeps, caller: Caller, unitId: string, cursor: string | null) {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const ancestorIds = unit.path.slice(unit.path.indexOf(caller.unit), -1);
  const [ancestors, subtree] = await Promise.all([Promise.all(ancestorIds.map((id) => requireUnit(deps.store, caller.tenant, id))), listSubtree(deps.store, caller.tenant, unit)]);
  const members: MembersPage | null = isCell(unit.kind) ? await memberPage(deps, caller.tenant, unit.id, { limit: 100, cursor }) : null;
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
