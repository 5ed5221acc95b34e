import { DomainError, isZeroCounts, rollupNumbers, type RollupResponse, type Caller } from '@kd/domain';
import { readRollup, type Store } from '@kd/data';
import { assertInScope, unitInScope } from '../access/scope';

/**
 * A unit's roll-up for a campaign (docs/api.md, "Roll-ups"): its OWN item and its direct children's ROLLUP
 * items, in one Query whatever the size of the subtree (no cache). The scope check uses the
 * placement the roll-up item records — the campaign's own tree — and falls back to the unit item
 * only when there is no roll-up, so that another tenant's id is 404 and an outside one 403.
 */
export async function loadRollup(store: Store, caller: Caller, year: number, unitId: string): Promise<RollupResponse & { path: string[] }> {
  const { rollup, children } = await readRollup(store, caller.tenant, year, unitId);
  if (!rollup || rollup.path.length === 0) {
    await unitInScope(store, caller, unitId, 'unit.read');
    throw new DomainError('ROLLUP_NOT_FOUND', `Chưa có số liệu tổng hợp năm ${year} của đơn vị.`);
  }
  assertInScope(caller, { id: rollup.unitId, path: rollup.path }, 'unit.read');
  const visible = children.filter((c) => !(c.closedOn && isZeroCounts(c.counts)));
  const asOf = rollup.updatedAt ?? new Date(0).toISOString();
  return {
    ...rollupNumbers(rollup),
    year,
    asOf,
    path: rollup.path,
    children: visible.map(rollupNumbers).sort((a, b) => a.name.localeCompare(b.name, 'vi')),
  };
}
