import { equalMassesCounts, ownMassesContribution, subtractMassesCounts, addMassesCounts, zeroMassesCounts, isZeroMassesCounts, type MassesCounts } from '@kd/domain';
import { backoff, getMassesOwnItems, isTransientWriteError, readMassesUnitYear, writeMassesRollup, TableReader, type MassesPlacement, type MassesTotalChange, type StoredMassesItem, type Store } from '@kd/data';
import type { MassesYear } from './masses-years';

export interface MassesApplyReport {
  computed: number;
  writes: number;
  retries: number;
  failed: string[];
}

export type ComputedMassesOwn = MassesPlacement & { counts: MassesCounts };

/**
 * A unit's own Biểu 5 contribution as the table says now, with its placement: the live tree for an
 * open year, the placement its item records for a frozen one. A unit gone from the table keeps the
 * placement it had and counts nothing.
 */
export async function computeMassesOwn(store: Store, reader: TableReader, tenant: string, year: MassesYear, unitId: string, stored: StoredMassesItem | undefined): Promise<ComputedMassesOwn> {
  const [unit, data] = await Promise.all([reader.unit(unitId), readMassesUnitYear(store, tenant, unitId, year.year)]);
  const counts = unit ? ownMassesContribution(data, year.settings) : zeroMassesCounts();
  const keep = stored && (year.frozen || !unit);
  const placement: MassesPlacement = keep
    ? { unitId, name: stored.name, kind: stored.kind, parentId: stored.parentId, path: stored.path }
    : unit
      ? { unitId, name: unit.name, kind: unit.kind, parentId: unit.parentId, path: unit.path }
      : { unitId, name: unitId, kind: 'cell', parentId: null, path: [unitId] };
  return { ...placement, counts };
}

const samePlacement = (a: MassesPlacement, b: MassesPlacement) => a.name === b.name && a.kind === b.kind && a.parentId === b.parentId && a.path.join('/') === b.path.join('/');

/** The ROLLUP changes of one OWN item going from `before` to `after`: −old on the old path, +new on the new. */
export function massesTotals(before: StoredMassesItem | undefined, after: ComputedMassesOwn): MassesTotalChange[] {
  const delta = new Map<string, MassesCounts>();
  const add = (path: readonly string[], counts: MassesCounts, sign: 1 | -1) => {
    for (const id of path) delta.set(id, sign === 1 ? addMassesCounts(delta.get(id) ?? zeroMassesCounts(), counts) : subtractMassesCounts(delta.get(id) ?? zeroMassesCounts(), counts));
  };
  if (before) add(before.path, before.counts, -1);
  add(after.path, after.counts, 1);
  const moved = !before || !samePlacement(before, after);
  const changes: MassesTotalChange[] = [];
  for (const [unitId, d] of delta) {
    const placement = unitId === after.unitId && moved ? after : undefined;
    if (isZeroMassesCounts(d) && !placement) continue;
    changes.push({ unitId, delta: d, ...(placement ? { placement } : {}) });
  }
  if (moved && !delta.has(after.unitId)) changes.push({ unitId: after.unitId, delta: zeroMassesCounts(), placement: after });
  return changes;
}

/**
 * Brings the Biểu 5 OWN items of `unitIds` in line with the table, each in its own transaction
 * with its ancestors' ROLLUP differences (a unit's path is short: at most a handful of items).
 * Ancestors that have no item yet are written too, so that every ROLLUP item is listed under its
 * parent. A failed transaction writes nothing; the unit is recomputed in the next round.
 */
export async function applyMassesUnits(store: Store, tenant: string, year: MassesYear, unitIds: Iterable<string>, options: { maxRounds?: number } = {}): Promise<MassesApplyReport> {
  const report: MassesApplyReport = { computed: 0, writes: 0, retries: 0, failed: [] };
  let pending = [...new Set(unitIds)];
  const maxRounds = options.maxRounds ?? 12;
  for (let round = 0; pending.length > 0 && round < maxRounds; round++) {
    if (round > 0) {
      report.retries++;
      await backoff(round, { baseMs: 25, capMs: 2000, jitter: true });
    }
    const reader = new TableReader(store, tenant);
    // Every ancestor without an item joins the wave, so that it is listed under its own parent.
    const units = await Promise.all(pending.map((id) => reader.unit(id)));
    const ancestors = units.flatMap((u) => u?.path ?? []);
    const stored = await getMassesOwnItems(store, tenant, year.year, [...new Set([...pending, ...ancestors])]);
    const wave = [...new Set([...pending, ...ancestors.filter((id) => !stored.has(id))])];
    const retry: string[] = [];
    for (const unitId of wave) {
      const before = stored.get(unitId);
      const after = await computeMassesOwn(store, reader, tenant, year, unitId, before);
      report.computed++;
      if (before && equalMassesCounts(before.counts, after.counts) && samePlacement(before, after)) continue;
      try {
        await writeMassesRollup(store, tenant, year.year, after, before?.rev ?? null, massesTotals(before, after));
        report.writes++;
      } catch (error) {
        if (!isTransientWriteError(error)) throw error;
        retry.push(unitId);
      }
    }
    pending = retry;
  }
  report.failed = pending;
  return report;
}
