import { hasMassesRollup, type Store, type TableChange } from '@kd/data';
import { applyMassesUnits } from './masses-apply';
import { reconcileMassesYear } from './masses-reconcile';
import { loadMassesYears } from './masses-years';

export interface MassesChange {
  change: Extract<TableChange, { kind: 'masses' | 'massesSettings' | 'massesReview' | 'unit' }>;
  seq: string;
}

/**
 * Biểu 5's part of the stream consumer: coalesces a batch's changes per (tenant, year, unit) and
 * recomputes those units' own counts from the table. A masses item changes its year whatever the
 * year's state; a unit's own record moves its numbers only in years that follow the live tree. A
 * change of a parameter the counts depend on recomputes every year (the reconcile's path); a newly
 * opened review builds its year unless it is built already (a settings record read first built it
 * from a table that held the review: a second pass over every unit would find nothing to change).
 * Records of a tenant without the rule change nothing.
 */
export async function applyMassesChanges(store: Store, changes: readonly MassesChange[]): Promise<{ failedSeqs: string[]; units: number; writes: number; rebuilt: number }> {
  const out = { failedSeqs: [] as string[], units: 0, writes: 0, rebuilt: 0 };
  const byTenant = new Map<string, MassesChange[]>();
  for (const c of changes) byTenant.set(c.change.tenant, [...(byTenant.get(c.change.tenant) ?? []), c]);
  for (const [tenant, list] of byTenant) {
    const years = await loadMassesYears(store, tenant);
    if (years.length === 0) continue;
    const rebuild = new Set<number>();
    const opened = new Set<number>();
    const units = new Map<number, Map<string, string[]>>();
    const mark = (year: number, unitId: string, seq: string) => {
      const m = units.get(year) ?? new Map<string, string[]>();
      m.set(unitId, [...(m.get(unitId) ?? []), seq]);
      units.set(year, m);
    };
    for (const { change, seq } of list) {
      if (change.kind === 'massesSettings') {
        if (change.countsChanged) for (const y of years) rebuild.add(y.year);
      } else if (change.kind === 'massesReview') {
        if (change.opened) opened.add(change.year);
      } else if (change.kind === 'masses') mark(change.year, change.unitId, seq);
      else for (const y of years) if (!y.frozen) mark(y.year, change.unitId, seq);
    }
    for (const y of years) {
      if (!rebuild.has(y.year) && opened.has(y.year) && !(await hasMassesRollup(store, tenant, y.year))) rebuild.add(y.year);
      if (rebuild.has(y.year)) {
        await reconcileMassesYear(store, tenant, y);
        out.rebuilt++;
        continue;
      }
      const marked = units.get(y.year);
      if (!marked) continue;
      const result = await applyMassesUnits(store, tenant, y, marked.keys());
      out.units += marked.size;
      out.writes += result.writes;
      for (const id of result.failed) out.failedSeqs.push(...(marked.get(id) ?? [...marked.values()].flat()));
    }
  }
  return out;
}
