import { addCounts, equalCounts, isZeroCounts, subtractCounts, zeroCounts, baseQuota, isBaseOrganisation, isCell, isRatedCollective, type RollupCounts } from '@kd/domain';
import { backoff, getRollupItems, parseOwn, parseRollup, isTransientWriteError, writeRollupTransaction, TableReader, MAX_TRANSACTION_ITEMS, type Store, type TotalChange, type StoredOwn } from '@kd/data';
import type { RollupYear } from './campaigns';
import { computeOwn, type ComputedOwn } from './unit-state';

export interface ApplyOptions {
  now?: () => Date;
  /** Called before each transaction is sent: tests throw here to crash the consumer mid-batch. */
  beforeTransaction?: (index: number) => void | Promise<void>;
  /** Rounds of recompute-and-write before the remaining units are reported as failed. */
  maxRounds?: number;
  /** Units computed at once. */
  concurrency?: number;
  /** Recheck the quota figures of every base organisation computed, changed below or not (reconcile). */
  forceQuota?: boolean;
}

export interface ApplyReport {
  /** Units whose own contribution was recomputed. */
  computed: number;
  ownWrites: number;
  rollupWrites: number;
  transactions: number;
  /** Times a batch needed more than one transaction for one base organisation's units. */
  splits: number;
  retries: number;
  failed: string[];
}

export const emptyReport = (): ApplyReport => ({ computed: 0, ownWrites: 0, rollupWrites: 0, transactions: 0, splits: 0, retries: 0, failed: [] });

export function mergeReports(a: ApplyReport, b: ApplyReport): ApplyReport {
  return {
    computed: a.computed + b.computed,
    ownWrites: a.ownWrites + b.ownWrites,
    rollupWrites: a.rollupWrites + b.rollupWrites,
    transactions: a.transactions + b.transactions,
    splits: a.splits + b.splits,
    retries: a.retries + b.retries,
    failed: [...a.failed, ...b.failed],
  };
}

/** One OWN item going from `before` (absent: never written) to `after`. */
interface OwnChange {
  unitId: string;
  before: StoredOwn | undefined;
  after: ComputedOwn;
  /** Only the base organisation's quota figures moved. */
  quotaOnly: boolean;
}

const withoutQuota = (c: RollupCounts): RollupCounts => ({ ...c, quotaSum: zeroCounts().quotaSum });

function samePlacement(s: StoredOwn, c: ComputedOwn): boolean {
  return (
    s.name === c.name &&
    s.kind === c.kind &&
    s.parentId === c.parentId &&
    s.path.join('/') === c.path.join('/') &&
    s.baseOrgId === c.baseOrgId &&
    (s.closedOn ?? null) === (c.closedOn ?? null) &&
    s.collectiveDecided === c.collectiveDecided &&
    s.collectiveDisciplined === c.collectiveDisciplined &&
    s.quotaExceptionPercent === c.quotaExceptionPercent
  );
}

async function inPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/**
 * Brings the OWN items of `unitIds` (in one open campaign) in line with the table and adds the
 * difference to every ancestor's ROLLUP item, so that ROLLUP = Σ OWN over the subtree holds after
 * every transaction:
 *
 * - each unit's OWN item is recomputed from the table and written on condition that it is still the
 *   version read (a redelivered change computes the same item and writes nothing);
 * - the deltas are coalesced: each ancestor's ROLLUP item is written once per transaction with the
 *   summed delta (ADD), and a transaction holds whole base organisations where it can;
 * - a base organisation's quota figures derive from its subtree, so its ROLLUP item is read and
 *   the transaction is conditioned on it not having changed since.
 * A failed transaction changes nothing; its units are recomputed in the next round.
 */
export async function applyUnits(
  store: Store,
  tenant: string,
  year: RollupYear,
  unitIds: Iterable<string>,
  options: ApplyOptions = {},
): Promise<ApplyReport> {
  const report = emptyReport();
  const now = options.now ?? (() => new Date());
  const y = year.campaign.year;
  let pending = new Set(unitIds);
  const maxRounds = options.maxRounds ?? 12;
  let transactionIndex = 0;

  for (let round = 0; pending.size > 0 && round < maxRounds; round++) {
    if (round > 0) {
      report.retries++;
      await backoff(round, { baseMs: 25, capMs: 2000, jitter: true });
    }
    const reader = new TableReader(store, tenant);
    const stored = new Map<string, StoredOwn>();
    const computed = new Map<string, ComputedOwn>();
    let wave = [...pending];
    const seen = new Set(wave);
    const quotaOnly = new Set<string>();
    while (wave.length > 0) {
      const items = await getRollupItems(store, tenant, y, wave.filter((id) => !stored.has(id)), 'OWN');
      for (const [id, item] of items) stored.set(id, parseOwn(item));
      await inPool(wave, options.concurrency ?? 8, async (id) => {
        const s = stored.get(id);
        // A base organisation pulled in for its quota figures only: its own data did not change.
        if (quotaOnly.has(id) && s) computed.set(id, { ...s, counts: s.counts });
        else computed.set(id, await computeOwn(reader, year, id, s));
      });
      report.computed += wave.length;
      const next: string[] = [];
      const add = (id: string | null | undefined, forQuota = false) => {
        if (!id) return;
        if (seen.has(id)) {
          // Taken from its stored item for its quota, it turns out to need a recompute.
          if (!forQuota && quotaOnly.delete(id)) next.push(id);
          return;
        }
        seen.add(id);
        next.push(id);
        if (forQuota) quotaOnly.add(id);
      };
      for (const id of wave) {
        const c = computed.get(id)!;
        const s = stored.get(id);
        // Base organisations: their quota figures follow every change below them. Every ancestor
        // is looked at too (from its stored item): one never written yet is computed and written.
        add(c.baseOrgId, true);
        add(s?.baseOrgId, true);
        for (const a of c.path) add(a, true);
        // A committee's own rating reads its children's ratings (R-ORG19-HTXS).
        if (!s || s.collectiveDecided !== c.collectiveDecided || s.collectiveDisciplined !== c.collectiveDisciplined || s.parentId !== c.parentId) {
          for (const parentId of [c.parentId, s?.parentId]) {
            if (!parentId) continue;
            const parent = await reader.unit(parentId);
            if (parent && isRatedCollective(year.context.rulebook, parent.kind) && !isCell(parent.kind)) add(parentId);
          }
        }
      }
      wave = next;
    }

    const changes = new Map<string, OwnChange>();
    for (const [id, c] of computed) {
      const s = stored.get(id);
      if (!s || !equalCounts(withoutQuota(s.counts), withoutQuota(c.counts)) || !samePlacement(s, c)) {
        changes.set(id, { unitId: id, before: s, after: c, quotaOnly: false });
      }
    }
    // Clusters: a base organisation with the changes below it (its quota figures follow them); a
    // unit moving between base organisations joins both. Other units stand alone.
    const parent = new Map<string, string>();
    const find = (id: string): string => {
      let root = id;
      while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
      return root;
    };
    const union = (a: string, b: string) => {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent.set(ra, rb);
    };
    const members = new Set<string>();
    for (const [id, change] of changes) {
      members.add(id);
      for (const b of [change.after.baseOrgId, change.before?.baseOrgId]) {
        if (b && computed.has(b)) {
          members.add(b);
          union(id, b);
        }
      }
    }
    if (options.forceQuota) {
      for (const c of computed.values()) if (isBaseOrganisation(c.kind)) members.add(c.unitId);
    }
    const clusters = new Map<string, string[]>();
    for (const id of members) {
      const root = find(id);
      clusters.set(root, [...(clusters.get(root) ?? []), id]);
    }
    const done = new Set<string>([...computed.keys()].filter((id) => !changes.has(id)));

    // Pack clusters into transactions of at most 100 items.
    const ancestorsOf = (ids: readonly string[]) => {
      const set = new Set<string>();
      for (const id of ids) {
        for (const a of changes.get(id)?.after.path ?? computed.get(id)?.path ?? []) set.add(a);
        for (const a of changes.get(id)?.before?.path ?? stored.get(id)?.path ?? []) set.add(a);
      }
      return set;
    };
    const groupsToRun: string[][] = [];
    let current: string[] = [];
    const size = (ids: readonly string[]) => new Set(ids).size + ancestorsOf(ids).size;
    const isBase = (id: string) => isBaseOrganisation(computed.get(id)!.kind);
    for (const ids of clusters.values()) {
      if (size([...current, ...ids]) <= MAX_TRANSACTION_ITEMS) {
        current.push(...ids);
        continue;
      }
      if (current.length > 0) groupsToRun.push(current);
      current = [];
      if (size(ids) <= MAX_TRANSACTION_ITEMS) {
        current = ids;
        continue;
      }
      // One base organisation's changes do not fit: write what fits now, the rest next round.
      report.splits++;
      const first = ids.filter(isBase);
      for (const id of ids) if (!isBase(id) && size([...first, id]) <= MAX_TRANSACTION_ITEMS) first.push(id);
      groupsToRun.push(first);
    }
    if (current.length > 0) groupsToRun.push(current);

    const retry = new Set<string>();
    for (const group of groupsToRun) {
      try {
        const written = await writeGroup(store, tenant, year, group, changes, computed, stored, now().toISOString(), async () => {
          if (options.beforeTransaction) await options.beforeTransaction(transactionIndex);
          transactionIndex++;
        });
        report.transactions++;
        report.ownWrites += written.own;
        report.rollupWrites += written.rollups;
        for (const id of group) done.add(id);
      } catch (error) {
        if (!isTransientWriteError(error)) throw error;
        for (const id of group) retry.add(id);
      }
    }
    pending = new Set([...pending, ...retry, ...changes.keys()].filter((id) => !done.has(id) || retry.has(id)));
  }
  report.failed = [...pending];
  return report;
}

async function writeGroup(
  store: Store,
  tenant: string,
  year: RollupYear,
  group: readonly string[],
  changes: Map<string, OwnChange>,
  computed: Map<string, ComputedOwn>,
  stored: Map<string, StoredOwn>,
  at: string,
  before: () => Promise<void>,
): Promise<{ own: number; rollups: number }> {
  const y = year.campaign.year;
  const delta = new Map<string, RollupCounts>();
  const addTo = (path: readonly string[], counts: RollupCounts, sign: 1 | -1) => {
    for (const a of path) delta.set(a, sign === 1 ? addCounts(delta.get(a) ?? zeroCounts(), counts) : subtractCounts(delta.get(a) ?? zeroCounts(), counts));
  };
  const writes: OwnChange[] = [];
  for (const id of group) {
    const change = changes.get(id);
    if (!change) continue;
    const after: ComputedOwn = { ...change.after, counts: withoutQuota(change.after.counts) };
    if (change.before) addTo(change.before.path, change.before.counts, -1);
    addTo(after.path, after.counts, 1);
    writes.push({ ...change, after });
  }
  // Quota figures of the base organisations in this group, from their subtree as it will be.
  const bases = group.filter((id) => computed.has(id) && isBaseOrganisation(computed.get(id)!.kind));
  const rollups = await getRollupItems(store, tenant, y, bases, 'ROLLUP');
  const conditioned = new Map<string, number | null>();
  for (const b of bases) {
    const item = rollups.get(b);
    const current = item ? parseRollup(item) : undefined;
    conditioned.set(b, current?.rev ?? null);
    const members = addCounts(current?.counts ?? zeroCounts(), delta.get(b) ?? zeroCounts()).members;
    const c = computed.get(b)!;
    const q = c.closedOn ? zeroCounts().quotaSum : baseQuota(members, year.quota, c.quotaExceptionPercent);
    const quota = { ...zeroCounts(), quotaSum: q };
    const write = writes.find((w) => w.unitId === b);
    if (write) {
      write.after = { ...write.after, counts: addCounts(write.after.counts, quota) };
      addTo(write.after.path, quota, 1);
      continue;
    }
    const s = stored.get(b);
    if (s && !equalCounts(quota, { ...zeroCounts(), quotaSum: s.counts.quotaSum })) {
      const after: ComputedOwn = { ...c, counts: addCounts(withoutQuota(s.counts), quota) };
      addTo(s.path, { ...zeroCounts(), quotaSum: s.counts.quotaSum }, -1);
      addTo(s.path, quota, 1);
      writes.push({ unitId: b, before: s, after: { ...after, name: s.name, kind: s.kind, parentId: s.parentId, path: s.path, baseOrgId: s.baseOrgId, closedOn: s.closedOn, collectiveDecided: s.collectiveDecided, collectiveDisciplined: s.collectiveDisciplined, quotaExceptionPercent: s.quotaExceptionPercent }, quotaOnly: true });
    }
  }
  const metaOf = new Map(writes.filter((w) => !w.quotaOnly).map((w) => [w.unitId, w.after]));
  const targets = new Set<string>([...delta.keys(), ...metaOf.keys(), ...conditioned.keys()]);
  const totals: TotalChange[] = [];
  for (const unitId of targets) {
    const d = delta.get(unitId) ?? zeroCounts();
    const meta = metaOf.get(unitId);
    if (isZeroCounts(d) && !meta && !conditioned.has(unitId)) continue;
    totals.push({ unitId, delta: d, placement: meta, expectedRev: conditioned.has(unitId) ? conditioned.get(unitId) : undefined });
  }
  const size = writes.length + totals.length;
  if (size === 0) return { own: 0, rollups: 0 };
  if (size > MAX_TRANSACTION_ITEMS) throw Object.assign(new Error(`roll-up transaction of ${size} items`), { name: 'TransactionTooLarge' });
  await before();
  await writeRollupTransaction(store, tenant, { year: y, quota: year.quota }, at, {
    owns: writes.map((w) => ({ own: w.after, previousRev: w.before?.rev ?? null })),
    totals,
  });
  return { own: writes.length, rollups: totals.length };
}
