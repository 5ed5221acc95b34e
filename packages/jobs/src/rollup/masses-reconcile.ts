import { addMassesCounts, equalMassesCounts, isZeroMassesCounts, subtractMassesCounts, zeroMassesCounts, type MassesCounts } from '@kd/domain';
import { createMassesRollupItems, listAllUnits, listMassesRollups, repairMassesTotal, TableReader, type StoredMassesItem, type Store } from '@kd/data';
import { applyMassesUnits, computeMassesOwn, type ComputedMassesOwn, type MassesApplyReport } from './masses-apply';
import { loadMassesYears, type MassesYear } from './masses-years';

export interface MassesReconcileReport {
  tenant: string;
  year: number;
  built: boolean;
  ownRepaired: string[];
  rollupRepaired: string[];
  skipped: string[];
  apply: MassesApplyReport | null;
}

/** Σ OWN over each unit's subtree, by the placement each OWN records. Pure. */
export function sumMassesByAncestor(owns: Iterable<{ path: readonly string[]; counts: MassesCounts }>): Map<string, MassesCounts> {
  const sums = new Map<string, MassesCounts>();
  for (const own of owns) for (const a of own.path) sums.set(a, addMassesCounts(sums.get(a) ?? zeroMassesCounts(), own.counts));
  return sums;
}

async function computeAll(store: Store, tenant: string, year: MassesYear, stored: ReadonlyMap<string, StoredMassesItem>): Promise<ComputedMassesOwn[]> {
  const units = await listAllUnits(store, tenant);
  const reader = new TableReader(store, tenant);
  reader.prime(units);
  const ids = [...new Set([...units.map((u) => u.id), ...stored.keys()])];
  const out: ComputedMassesOwn[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(8, ids.length) }, async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      out.push(await computeMassesOwn(store, reader, tenant, year, id, stored.get(id)));
    }
  }));
  return out;
}

/**
 * Biểu 5 of one year from the table: built whole when the year has no item yet (a review just
 * opened, the demo's first start); otherwise every unit's own counts recomputed (drift goes through
 * the consumer's path) and every ROLLUP item that is not the sum of its subtree's OWN items repaired
 * on the revision read (a change the consumer made meanwhile is left for the next run).
 */
export async function reconcileMassesYear(store: Store, tenant: string, year: MassesYear): Promise<MassesReconcileReport> {
  const report: MassesReconcileReport = { tenant, year: year.year, built: false, ownRepaired: [], rollupRepaired: [], skipped: [], apply: null };
  const existing = await listMassesRollups(store, tenant, year.year);
  const computed = await computeAll(store, tenant, year, existing.own);
  if (existing.own.size === 0 && existing.total.size === 0) {
    if (await createMassesRollupItems(store, tenant, year.year, computed, sumMassesByAncestor(computed))) {
      report.built = true;
      return report;
    }
  }
  const stored = (await listMassesRollups(store, tenant, year.year)).own;
  report.ownRepaired = computed
    .filter((c) => {
      const s = stored.get(c.unitId);
      return !s || !equalMassesCounts(s.counts, c.counts) || s.parentId !== c.parentId || s.path.join('/') !== c.path.join('/') || s.name !== c.name || s.kind !== c.kind;
    })
    .map((c) => c.unitId);
  if (report.ownRepaired.length > 0) report.apply = await applyMassesUnits(store, tenant, year, report.ownRepaired);
  const { total } = await listMassesRollups(store, tenant, year.year);
  const { own } = await listMassesRollups(store, tenant, year.year);
  const expected = sumMassesByAncestor(own.values());
  for (const unitId of new Set([...expected.keys(), ...total.keys()])) {
    const want = expected.get(unitId) ?? zeroMassesCounts();
    const have = total.get(unitId);
    const meta = own.get(unitId);
    const metaStale = meta && have && (have.name !== meta.name || have.parentId !== meta.parentId || have.path.join('/') !== meta.path.join('/'));
    if (have && equalMassesCounts(have.counts, want) && !metaStale) continue;
    if (!have && isZeroMassesCounts(want) && !meta) continue;
    const written = await repairMassesTotal(store, tenant, year.year, {
      unitId,
      delta: subtractMassesCounts(want, have?.counts ?? zeroMassesCounts()),
      ...(meta ? { placement: meta } : {}),
      expectedRev: have ? have.rev : null,
    });
    (written ? report.rollupRepaired : report.skipped).push(unitId);
  }
  return report;
}

/** Every masses year of a tenant (none without the rule). */
export async function reconcileMassesTenant(store: Store, tenant: string): Promise<MassesReconcileReport[]> {
  const reports: MassesReconcileReport[] = [];
  for (const year of await loadMassesYears(store, tenant)) reports.push(await reconcileMassesYear(store, tenant, year));
  return reports;
}
