import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { commitResults, listUnitMembers, listYearRollups, listChildren, getMember, requireUnit, transferMember, type Store } from '@kd/data';
import { DomainError, Member, MemberFacts, addDays, zeroCounts, type Caller, type LocalDate, type Rating, type Unit } from '@kd/domain';
import { close, createChild, mergeUnits, move, rename, splitUnit, type ServiceDeps } from '@kd/services';
import { inProcessTreeJobs, loadRollupYears, naiveRecount } from '@kd/jobs';
import { seedTenant } from '../../packages/local/src/seed';
import { createTestStore } from '../support/store';
import { putTestCampaign, streamConsumer } from '../support/rollups';
import { byDepth } from '../support/depth';

/**
 * Issue 13's exactness: after any sequence of renames, moves, merges, splits, closes, member
 * transfers and result commits across two campaigns, every roll-up equals a recount against its
 * campaign's tree (the tree on its rating date). Phase 1 runs with only the 2021 campaign open and
 * dates events from November 2021 to early 2022, around its rating date (20/12/2021): events dated
 * after it must leave 2021 alone. Phase 2 opens 2022 (2021 freezes) and goes on in 2022. The
 * consumer reads the table's real stream; merges and splits run as tree jobs. Sequences:
 * `KD_TREE_EXACTNESS_RUNS` (default 6 under `npm run test:deep`, 2 under `npm test`), one tenant each.
 */
const RUNS = Number(process.env.KD_TREE_EXACTNESS_RUNS ?? byDepth(6, 2));
let store: Store;
let consumer: ReturnType<typeof streamConsumer>;
let sequence = 0;
const tally = { applied: 0, refused: 0, jobs: 0 };

function tree(): { units: Unit[]; members: Member[] } {
  const u = (id: string, kind: Unit['kind'], path: string[]): Unit => ({ id, name: `Đơn vị ${id}`, kind, parentId: path.at(-2) ?? null, path, foundedOn: '2010-01-01', closedOn: null, sector: null, version: 1 });
  const units = [
    u('P', 'province', ['P']), u('B', 'bloc', ['P', 'B']),
    u('BC1', 'baseCommittee', ['P', 'B', 'BC1']), u('C1', 'cell', ['P', 'B', 'BC1', 'C1']), u('C2', 'cell', ['P', 'B', 'BC1', 'C2']),
    u('BC2', 'baseCommittee', ['P', 'B', 'BC2']), u('C3', 'cell', ['P', 'B', 'BC2', 'C3']),
    u('BL', 'baseCell', ['P', 'B', 'BL']),
  ];
  const home = ['C1', 'C1', 'C2', 'C3', 'C3', 'BL', 'BL'];
  const members = home.map((unitId, i) => Member.parse({ id: `M${i + 1}`, unitId, fullName: `Đảng viên ${i + 1}`, admittedOn: '2015-01-01', officialOn: '2016-01-01', exempt: i === 6 }));
  return { units, members };
}

const rating = fc.constantFrom<Rating | null>('excellent', 'good', 'good', 'complete', 'incomplete', null);
const pick = fc.nat(50);
const op = fc.record({
  gap: fc.nat(12),
  act: fc.oneof(
    { weight: 2, arbitrary: fc.record({ t: fc.constant('rename' as const), unit: pick }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('move' as const), cell: pick, to: pick }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('merge' as const), a: pick, b: pick, under: pick }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('split' as const), cell: pick }) },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('close' as const), cell: pick }) },
    { weight: 3, arbitrary: fc.record({ t: fc.constant('commit' as const), cell: pick, ratings: fc.array(rating, { minLength: 1, maxLength: 3 }) }) },
    { weight: 2, arbitrary: fc.record({ t: fc.constant('transfer' as const), member: fc.nat(6), to: pick }) },
    { weight: 2, arbitrary: fc.constant({ t: 'consume' as const }) },
  ),
});
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

beforeAll(async () => {
  store = await createTestStore('treeexact', { stream: true });
  consumer = streamConsumer(store);
});

/** One sequence's world: its tenant, its clock, its open cells and committees as they change. */
class World {
  day: LocalDate = '2021-11-01';
  next = 0;
  readonly jobs = inProcessTreeJobs(store, { now: () => this.clock() });
  readonly deps: ServiceDeps = { store, clock: () => this.clock(), treeJobs: this.jobs };
  constructor(readonly tenant: string) {}
  clock() {
    return new Date(`${this.day}T03:00:00.000Z`);
  }
  get caller(): Caller {
    return { sub: 'p', name: 'Ban Tổ chức', tenant: this.tenant, unit: 'P', role: 'province_board' };
  }
  async open(kinds: (u: { kind: Unit['kind'] }) => boolean): Promise<string[]> {
    const all: string[] = [];
    const walk = async (id: string) => {
      for (const c of await listChildren(store, this.tenant, id)) {
        if (kinds(c)) all.push(c.id);
        await walk(c.id);
      }
    };
    await walk('P');
    return all.sort();
  }
  cells() {
    return this.open((u) => u.kind === 'cell' || u.kind === 'baseCell');
  }
  committees() {
    return this.open((u) => u.kind === 'baseCommittee');
  }
}

const of = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

async function settle(work: Promise<unknown>): Promise<void> {
  try {
    await work;
    tally.applied++;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    tally.refused++;
  }
}

async function run(w: World, o: Op, year: number): Promise<void> {
  w.day = addDays(w.day, o.gap);
  const { deps, caller, tenant } = w;
  const a = o.act;
  switch (a.t) {
    case 'rename': {
      const id = of([...(await w.cells()), ...(await w.committees())], a.unit);
      return id ? settle(rename(deps, caller, id, `Tên ${w.day} ${id}`)) : undefined;
    }
    case 'move': {
      const cell = of((await w.cells()).filter((c) => c !== 'BL'), a.cell);
      const to = of(await w.committees(), a.to);
      if (!cell || !to || (await requireUnit(store, tenant, cell)).parentId === to) return;
      return settle(move(deps, caller, cell, to));
    }
    case 'merge': {
      const cells = (await w.cells()).filter((c) => (c !== 'BL'));
      const x = of(cells, a.a);
      const y = of(cells, a.b);
      const under = of(await w.committees(), a.under);
      if (!x || !y || x === y || !under) return;
      const id = `N${++w.next}`;
      await settle(createChild(deps, caller, under, { id, name: `Chi bộ hợp nhất ${id}`, kind: 'cell' }));
      tally.jobs++;
      await settle(mergeUnits(deps, caller, id, [x, y], w.day));
      return w.jobs.idle();
    }
    case 'split': {
      const cell = of((await w.cells()).filter((c) => c !== 'BL'), a.cell);
      if (!cell) return;
      const parent = (await requireUnit(store, tenant, cell)).parentId!;
      const ids = [`N${++w.next}`, `N${++w.next}`];
      for (const id of ids) await settle(createChild(deps, caller, parent, { id, name: `Chi bộ tách ${id}`, kind: 'cell' }));
      const members = await listUnitMembers(store, tenant, cell);
      const groups = (await listChildren(store, tenant, cell)).map((g) => g.id);
      tally.jobs++;
      await settle(splitUnit(deps, caller, cell, ids.map((unitId, i) => ({ unitId, memberIds: members.filter((_, k) => k % 2 === i).map((m) => m.id), childIds: i === 0 ? groups : [] })), w.day));
      return w.jobs.idle();
    }
    case 'close': {
      const cell = of((await w.cells()).filter((c) => c !== 'BL'), a.cell);
      return cell ? settle(close(deps, caller, cell, w.day)) : undefined;
    }
    case 'commit': {
      const cell = of(await w.cells(), a.cell);
      if (!cell) return;
      const roster = await listUnitMembers(store, tenant, cell);
      const rows = roster.map((m, i) => ({ memberId: m.id, facts: MemberFacts.parse({ decided: a.ratings[i % a.ratings.length], selfProposed: a.ratings[i % a.ratings.length] }) }));
      return settle(commitResults(store, tenant, cell, year, rows, { actor: { sub: 'p', name: 'Thử', role: 'province_board', unit: 'P' }, at: w.clock().toISOString() }));
    }
    case 'transfer': {
      const m = await getMember(store, tenant, `M${a.member + 1}`);
      const to = of(await w.cells(), a.to);
      if (!m || !to || m.unitId === to) return;
      return settle(transferMember(store, tenant, m, await requireUnit(store, tenant, to), m.version, { sub: 'p', name: 'Thử', role: 'province_board', unit: 'P' }, w.clock().toISOString()));
    }
    case 'consume':
      await consumer.drain();
  }
}

let streamLock: Promise<void> = Promise.resolve();
function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const result = streamLock.then(work);
  streamLock = result.then(() => undefined, () => undefined);
  return result;
}

async function expectExact(tenant: string, year: number): Promise<void> {
  const y = (await loadRollupYears(store, tenant)).find((c) => c.campaign.year === year)!;
  const oracle = await naiveRecount(store, tenant, y, 'P');
  const { total } = await listYearRollups(store, tenant, year, 'ROLLUP');
  // Units founded after a frozen campaign have no items there: they count nothing in it.
  for (const [unitId, counts] of oracle) expect({ year, unitId, counts: total.get(unitId)?.counts ?? zeroCounts() }).toEqual({ year, unitId, counts });
  // Each roll-up hangs under its parent in that campaign's tree.
  const { own } = await listYearRollups(store, tenant, year, 'OWN');
  for (const [unitId, item] of total) if (oracle.has(unitId) && own.has(unitId)) expect({ unitId, parentId: item.parentId }).toEqual({ unitId, parentId: own.get(unitId)!.parentId });
}

describe('roll-ups against each campaign’s tree', () => {
  it('equal a recount after any sequence of tree events and commits across two campaigns', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 8, maxLength: 14 }), fc.array(op, { minLength: 6, maxLength: 12 }), async (first, second) => {
        const w = new World(`h${++sequence}`);
        await seedTenant(store, { tenantId: w.tenant, name: 'Tỉnh thử', ...tree() }, '2021-10-01T00:00:00Z');
        await putTestCampaign(store, w.tenant, 2021);
        await exclusive(async () => {
          for (const o of first) await run(w, o, 2021);
          await consumer.drain();
          await expectExact(w.tenant, 2021);
          // The 2022 campaign opens after the last event of phase 1; 2021 freezes.
          w.day = w.day < '2022-01-15' ? '2022-01-15' : w.day;
          await putTestCampaign(store, w.tenant, 2022);
          for (const o of second) await run(w, o, 2022);
          await consumer.drain();
          await expectExact(w.tenant, 2021);
          await expectExact(w.tenant, 2022);
        });
      }),
      { numRuns: RUNS, endOnFailure: true, seed: 1313 },
    );
    console.log(`tree exactness: ${RUNS} sequences in ${((Date.now() - started) / 1000).toFixed(1)} s; ${JSON.stringify(tally)}`);
    expect(tally.jobs).toBeGreaterThan(0);
  }, 1_800_000);
});
