import { addCounts, equalCounts, isZeroCounts, subtractCounts, zeroCounts, baseQuota, isBaseOrganisation, type RollupCounts } from '@kd/domain';
import { listYearRollups, createRollupItems, updateRollupTotal, TableReader, listTenants, listAllUnits, type Store, type StoredOwn, type StoredUnit } from '@kd/data';
import { loadRollupYears, type RollupYear } from './campaigns';
import { applyUnits, emptyReport, type ApplyOptions, type ApplyReport } from './apply-units';
import { computeOwn, type ComputedOwn } from './unit-state';
import { reconcileMassesTenant, type MassesReconcileReport } from './masses-reconcile';

export interface ReconcileReport {
  tenant: string;
  year: number;
  frozen: boolean;
  units: number;
  /** Every roll-up item written from scratch (no item existed for the campaign yet). */
  built: boolean;
  /** Units whose own contribution differed from the table (repaired through the consumer's path). */
  ownRepaired: string[];
  /** ROLLUP items whose sum differed from their subtree's OWN items (repaired in place). */
  rollupRepaired: string[];
  /** Base organisations whose quota figures were stale. */
  quotaRepaired: string[];
  /** Items changed by someone else while the reconcile ran: left for the next run. */
  skipped: string[];
  apply: ApplyReport;
  ms: number;
}

async function computeAll(store: Store, tenant: string, year: RollupYear, units: readonly StoredUnit[], concurrency: number): Promise<Map<string, ComputedOwn>> {
  const reader = new TableReader(store, tenant);
  reader.prime(units);
  const computed = new Map<string, ComputedOwn>();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, units.length) }, async () => {
      while (next < units.length) {
        const unit = units[next++]!;
        computed.set(unit.id, await computeOwn(reader, year, unit.id));
      }
    }),
  );
  return computed;
}

/** Σ OWN over each unit's subtree (by the placement each OWN item records). Pure. */
export function sumByAncestor(owns: Iterable<{ path: readonly string[]; counts: RollupCounts }>): Map<string, RollupCounts> {
  const sums = new Map<string, RollupCounts>();
  for (const own of owns) for (const a of own.path) sums.set(a, addCounts(sums.get(a) ?? zeroCounts(), own.counts));
  return sums;
}

/** First build: OWN items with base organisations' quota, then every ROLLUP as the sum. Pure. */
export function buildItems(computed: Map<string, ComputedOwn>, year: RollupYear): { own: ComputedOwn[]; totals: Map<string, RollupCounts> } {
  const memberSums = sumByAncestor(computed.values());
  const own = [...computed.values()].map((c) => {
    if (!isBaseOrganisation(c.kind) || c.closedOn) return c;
    const q = baseQuota((memberSums.get(c.unitId) ?? zeroCounts()).members, year.quota, c.quotaExceptionPercent);
    return { ...c, counts: { ...c.counts, quotaSum: q } };
  });
  return { own, totals: sumByAncestor(own) };
}

/**
 * Repairs ROLLUP items whose value is not the sum of the OWN items below them. The ROLLUP items
 * are read before the OWN items and each repair is conditioned on the item being unchanged since,
 * so a change the consumer applied in between is never overwritten (it is left for the next run).
 */
async function repairSums(store: Store, tenant: string, year: RollupYear, at: string): Promise<{ repaired: string[]; skipped: string[] }> {
  const y = year.campaign.year;
  const { total } = await listYearRollups(store, tenant, y, 'ROLLUP');
  const { own } = await listYearRollups(store, tenant, y, 'OWN');
  const expected = sumByAncestor(own.values());
  const repaired: string[] = [];
  const skipped: string[] = [];
  const ids = new Set([...expected.keys(), ...total.keys()]);
  for (const unitId of ids) {
    const want = expected.get(unitId) ?? zeroCounts();
    const have = total.get(unitId);
    const meta: StoredOwn | undefined = own.get(unitId);
    const metaStale =
      meta && have && (have.name !== meta.name || have.parentId !== meta.parentId || have.path.join('/') !== meta.path.join('/') || have.kind !== meta.kind);
    if (have && equalCounts(have.counts, want) && !metaStale && (meta || isZeroCounts(want))) continue;
    if (!have && !meta && isZeroCounts(want)) continue;
    const diff = subtractCounts(want, have?.counts ?? zeroCounts());
    const written = await updateRollupTotal(store, tenant, { year: y, quota: year.quota }, { unitId, delta: diff, placement: meta, expectedRev: have ? have.rev : null }, at);
    (written ? repaired : skipped).push(unitId);
  }
  return { repaired, skipped };
}

/**
 * Recomputes every OWN and ROLLUP item of one campaign and repairs drift. An open campaign's own
 * contributions are recomputed from the table (the consumer's path applies the differences); a
 * frozen campaign keeps its own contributions — only the sums are checked — unless it has never
 * been built, in which case it is built once from the table as it is.
 */
export async function reconcileYear(store: Store, tenant: string, year: RollupYear, options: ApplyOptions & { now?: () => Date } = {}): Promise<ReconcileReport> {
  const started = Date.now();
  const at = (options.now ?? (() => new Date()))().toISOString();
  const y = year.campaign.year;
  const report: ReconcileReport = {
    tenant, year: y, frozen: year.frozen, units: 0, built: false,
    ownRepaired: [], rollupRepaired: [], quotaRepaired: [], skipped: [], apply: emptyReport(), ms: 0,
  };
  const existing = await listYearRollups(store, tenant, y);
  if (year.frozen && existing.own.size > 0) {
    const sums = await repairSums(store, tenant, year, at);
    report.rollupRepaired = sums.repaired;
    report.skipped = sums.skipped;
    report.units = existing.own.size;
    report.ms = Date.now() - started;
    return report;
  }
  const units = await listAllUnits(store, tenant);
  report.units = units.length;
  const computed = await computeAll(store, tenant, year, units, options.concurrency ?? 16);
  if (existing.own.size === 0 && existing.total.size === 0) {
    const { own, totals } = buildItems(computed, year);
    const byId = new Map(own.map((c) => [c.unitId, c]));
    const totalItems = [...byId.values()].map((c) => ({ unit: c, counts: totals.get(c.unitId) ?? zeroCounts() }));
    if (await createRollupItems(store, tenant, { year: y, quota: year.quota }, at, own, totalItems)) {
      report.built = true;
      report.ms = Date.now() - started;
      return report;
    }
    // Someone wrote roll-up items meanwhile: repair from what is there instead.
  }
  const stored = (await listYearRollups(store, tenant, y, 'OWN')).own;
  const withoutQuota = (c: RollupCounts): RollupCounts => ({ ...c, quotaSum: zeroCounts().quotaSum });
  const drifted = [...computed.values()]
    .filter((c) => {
      const s = stored.get(c.unitId);
      return (
        !s ||
        !equalCounts(withoutQuota(s.counts), withoutQuota(c.counts)) ||
        s.parentId !== c.parentId ||
        s.path.join('/') !== c.path.join('/') ||
        s.name !== c.name ||
        s.kind !== c.kind ||
        s.baseOrgId !== c.baseOrgId ||
        (s.closedOn ?? null) !== (c.closedOn ?? null) ||
        s.collectiveDecided !== c.collectiveDecided ||
        s.collectiveDisciplined !== c.collectiveDisciplined ||
        s.quotaExceptionPercent !== c.quotaExceptionPercent
      );
    })
    .map((c) => c.unitId);
  report.ownRepaired = drifted;
  if (drifted.length > 0) report.apply = await applyUnits(store, tenant, year, drifted, options);
  const sums = await repairSums(store, tenant, year, at);
  report.rollupRepaired = sums.repaired;
  report.skipped = sums.skipped;
  // Base organisations whose quota figures no longer match their subtree.
  const { own, total } = await listYearRollups(store, tenant, y);
  const staleQuota = [...own.values()]
    .filter((o) => isBaseOrganisation(o.kind) && !o.closedOn)
    .filter((o) => {
      const q = baseQuota((total.get(o.unitId)?.counts ?? zeroCounts()).members, year.quota, o.quotaExceptionPercent);
      return !equalCounts({ ...zeroCounts(), quotaSum: q }, { ...zeroCounts(), quotaSum: o.counts.quotaSum });
    })
    .map((o) => o.unitId);
  report.quotaRepaired = staleQuota;
  if (staleQuota.length > 0) {
    const quota = await applyUnits(store, tenant, year, staleQuota, { ...options, forceQuota: true });
    report.apply = { ...report.apply, ownWrites: report.apply.ownWrites + quota.ownWrites, rollupWrites: report.apply.rollupWrites + quota.rollupWrites, transactions: report.apply.transactions + quota.transactions, failed: [...report.apply.failed, ...quota.failed] };
  }
  report.ms = Date.now() - started;
  return report;
}

/** Every campaign of a tenant. */
export async function reconcileTenant(store: Store, tenant: string, options: ApplyOptions = {}): Promise<ReconcileReport[]> {
  const reports: ReconcileReport[] = [];
  for (const year of await loadRollupYears(store, tenant)) reports.push(await reconcileYear(store, tenant, year, options));
  return reports;
}

/**
 * Every tenant's campaigns, and Biểu 5 of every masses review (`onMasses` hears of each): the
 * nightly job, and `npm start` after seeding the demo.
 */
export async function reconcileAll(store: Store, options: ApplyOptions & { tenants?: string[]; onMasses?: (report: MassesReconcileReport) => void } = {}): Promise<ReconcileReport[]> {
  const reports: ReconcileReport[] = [];
  for (const tenant of options.tenants ?? (await listTenants(store))) {
    reports.push(...(await reconcileTenant(store, tenant, options)));
    for (const masses of await reconcileMassesTenant(store, tenant)) options.onMasses?.(masses);
  }
  return reports;
}
