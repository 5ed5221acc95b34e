import { zeroCounts, type RollupCounts } from '@kd/domain';
import { TableReader, listAllUnits, type Store } from '@kd/data';
import type { RollupYear } from './campaigns';
import { buildItems } from './reconcile';
import { computeOwn } from './unit-state';

/**
 * The naive recount: every unit of the subtree evaluated from the table (its dossier, its current
 * rows, its roster) and summed, with no roll-up item read. The test oracle, and the benchmark's
 * reference for what a roll-up read saves. Against the campaign's tree: every unit placed as it was
 * on the campaign's rating date, the subtree of `rootId` in that tree.
 */
export async function naiveRecount(
  store: Store,
  tenant: string,
  year: RollupYear,
  rootId: string,
  options: { concurrency?: number } = {},
): Promise<Map<string, RollupCounts>> {
  const units = await listAllUnits(store, tenant);
  const reader = new TableReader(store, tenant);
  reader.prime(units);
  const computed = new Map<string, Awaited<ReturnType<typeof computeOwn>>>();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(options.concurrency ?? 16, units.length) }, async () => {
      while (next < units.length) {
        const unit = units[next++]!;
        computed.set(unit.id, await computeOwn(reader, year, unit.id));
      }
    }),
  );
  const { totals } = buildItems(computed, year);
  const subtree = new Map<string, RollupCounts>();
  for (const c of computed.values()) if (c.path.includes(rootId)) subtree.set(c.unitId, totals.get(c.unitId) ?? zeroCounts());
  return subtree;
}
