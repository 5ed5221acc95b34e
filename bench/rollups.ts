/**
 * Roll-ups on their own in-memory DynamoDB Local, for a generated province of 100,000 members in
 * 3,000 cells (10 blocs × 30 base committees × 10 cells, results on file for every member; KD_BENCH_MEMBERS and
 * KD_BENCH_SHAPE change both):
 *
 *   - the time to build every roll-up from scratch (the reconcile of an empty campaign);
 *   - p50/p99 of the province roll-up read through the API (in-process app.request) at 20 in
 *     flight, beside a bare Query returning the same children items at 20 in flight;
 *   - the median of 5 sequential naive recounts of the province beside the median roll-up read;
 *   - freshness: from a committed 50-row upload to the province roll-up showing it, with the
 *     stream poller running (p50/p95 of 20 uploads);
 *   - Biểu 5's freshness beside it: from a comment taken at a session before the masses to the
 *     province's Biểu 5 counting it (p50/p95 of 20 comments).
 *
 * Acceptance (issue 5): p99 via the API ≤ 2 × the bare Query's p99; median read ≥ 50× below the
 * naive recount's; freshness p95 ≤ 2 s.   npx tsx bench/rollups.ts  (KD_BENCH_MEMBERS to scale down)
 */
// The app first: its OpenAPI schemas extend zod before any other module builds one.
import { createApp, loadLocalSigner, localClaims } from '@kd/api';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchPut, createStore, ensureTable, campaignItem, commitResults, ResultRow, rowItem, indexNames, keys, memberItem, unitItem, StoredUnit, massesSettingsItem } from '@kd/data';
import { addComment, loadMassesRollup, loadRollup, openReview, recordMassesSession, saveWorkplace } from '@kd/services';
import { Campaign, Member, MemberFacts, traVinhMassesSettings, type Caller, type Rating, type Unit } from '@kd/domain';
import { loadRollupYears, naiveRecount, reconcileAll } from '@kd/jobs';
import { startDynamoLocal } from '../packages/local/src/dynamo-local';
import { streamPoller } from '../packages/local/src/stream-poller';
import { closedLoop, median, ms, percentile, printTable } from './measure';

for (const [k, v] of Object.entries({ AWS_EC2_METADATA_DISABLED: 'true', AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' })) {
  process.env[k] ??= v;
}

const TENANT = 'bench';
const YEAR = 2021;
// The tree's shape, blocs × base committees × cells (KD_BENCH_SHAPE=2x3x5 for a quick run).
const [BLOCS, COMMITTEES, CELLS] = (process.env.KD_BENCH_SHAPE ?? '10x30x10').split('x').map(Number) as [number, number, number];
const ratingCycle: (Rating | null)[] = ['good', 'good', 'good', 'complete', 'excellent', 'good', 'good', 'complete', 'good', null, 'incomplete', 'good'];

const seconds = (t: number) => `${(t / 1000).toFixed(1)} s`;

export function province(totalMembers: number) {
  const u = (id: string, kind: Unit['kind'], path: string[]): StoredUnit =>
    StoredUnit.parse({ id, name: `Đơn vị ${id}`, kind, parentId: path.length > 1 ? path[path.length - 2]! : null, path, foundedOn: '2000-01-01', sector: null, version: 1 });
  const units: StoredUnit[] = [u('p', 'province', ['p'])];
  const cells: StoredUnit[] = [];
  for (let b = 0; b < BLOCS; b++) {
    const bloc = u(`b${b}`, 'bloc', ['p', `b${b}`]);
    units.push(bloc);
    for (let c = 0; c < COMMITTEES; c++) {
      const bc = u(`b${b}-bc${c}`, 'baseCommittee', [...bloc.path, `b${b}-bc${c}`]);
      units.push(bc);
      for (let k = 0; k < CELLS; k++) {
        const cell = u(`${bc.id}-c${k}`, 'cell', [...bc.path, `${bc.id}-c${k}`]);
        units.push(cell);
        cells.push(cell);
      }
    }
  }
  // The freshness probe: a cell of exactly 50 members.
  const probe = u('b0-bc0-fresh', 'cell', ['p', 'b0', 'b0-bc0', 'b0-bc0-fresh']);
  units.push(probe);
  const members: Member[] = [];
  for (let i = 0; i < totalMembers - 50; i++) {
    const cell = cells[i % cells.length]!;
    members.push(Member.parse({ id: `M${String(i).padStart(6, '0')}`, unitId: cell.id, fullName: `Nguyễn Văn Thử ${i}`, admittedOn: '2010-01-01', officialOn: '2011-01-01' }));
  }
  for (let i = 0; i < 50; i++) members.push(Member.parse({ id: `F${String(i).padStart(3, '0')}`, unitId: probe.id, fullName: `Trần Thị Mẫu ${i}`, admittedOn: '2010-01-01', officialOn: '2011-01-01' }));
  const count = new Map<string, number>();
  for (const m of members) count.set(m.unitId, (count.get(m.unitId) ?? 0) + 1);
  return { units: units.map((x) => ({ ...x, memberCount: count.get(x.id) ?? 0 })), cells: [...cells, probe], members, probe };
}

export async function benchRollups(): Promise<Record<string, number | string>> {
  const totalMembers = Number(process.env.KD_BENCH_MEMBERS ?? 100_000);
  const dynamo = await startDynamoLocal({ steady: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'kd-bench-rollups-'));
  const store = createStore({ tableName: 'bench-rollups', endpoint: dynamo.endpoint });
  let poller: { stop(): Promise<void> } | undefined;
  try {
    await ensureTable(store);
    const { units, cells, members, probe } = province(totalMembers);
    const byCell = new Map<string, Member[]>();
    for (const m of members) byCell.set(m.unitId, [...(byCell.get(m.unitId) ?? []), m]);

    // 1. Generate the province directly as items.
    let t = performance.now();
    const campaign = Campaign.parse({ year: YEAR, rulebookId: 'r2019', overlayIds: ['s000-2021'], ratingDate: '2021-12-20' });
    const items: Record<string, unknown>[] = [campaignItem(TENANT, campaign), ...units.map((u) => unitItem(TENANT, u)), ...members.map((m) => memberItem(TENANT, m))];
    let n = 0;
    for (const cell of cells) {
      if (cell.id === probe.id) continue;
      items.push({ ...keys.dossier(TENANT, cell.id, YEAR), type: 'dossier', tenant: TENANT, unitId: cell.id, year: YEAR, state: 'draft', rev: 1, currentVersion: 1, versionCounter: 1, contentHash: null, collective: { proposed: 'good', decided: n % 7 === 0 ? 'excellent' : 'good' }, adjustedCollective: null, meetingDate: null });
      for (const m of byCell.get(cell.id) ?? []) {
        const decided = ratingCycle[n++ % ratingCycle.length]!;
        items.push(rowItem(TENANT, cell.id, YEAR, 1, ResultRow.parse({ memberId: m.id, facts: MemberFacts.parse({ decided, selfProposed: decided }) })));
      }
    }
    // BatchWrite, not transactions: DynamoDB Local's lock timeouts on a busy machine failed a 100,000-member generation.
    await batchPut(store, items, 16);
    const generateMs = performance.now() - t;
    console.log(`rollups: generated ${units.length} units, ${members.length} members, ${items.length} items in ${seconds(generateMs)}`);

    // 2. Every roll-up from scratch.
    t = performance.now();
    const [report] = await reconcileAll(store, { tenants: [TENANT], concurrency: 32 });
    const buildMs = performance.now() - t;
    console.log(`rollups: built ${report?.units} units' roll-ups (${report?.built ? 'from scratch' : 'repair'}) in ${seconds(buildMs)}`);

    // 3. Province roll-up through the API beside a bare Query of the same items, 20 in flight.
    const signer = await loadLocalSigner(null);
    const app = createApp({ store, clock: () => new Date(), claims: localClaims(signer) });
    const token = await signer.sign({ tenant: TENANT, unit: 'p', role: 'province_board', name: 'Bench', sub: 'bench' });
    const read = async () => {
      const res = await app.request(`/api/v1/campaigns/${YEAR}/units/p/rollup`, { headers: { authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      return res.status === 200;
    };
    const bare = async () => {
      const out = await store.doc.send(new QueryCommand({ TableName: store.tableName, IndexName: indexNames.byParent, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': keys.rollupChildren(TENANT, YEAR, 'p') } }));
      return (out.Items?.length ?? 0) === BLOCS + 1;
    };
    await closedLoop(read, 20, 2);
    await closedLoop(bare, 20, 2);
    const api = await closedLoop(read, 20, 10);
    const query = await closedLoop(bare, 20, 10);

    // 4. Naive recounts beside sequential roll-up reads.
    const [year] = await loadRollupYears(store, TENANT);
    const recounts: number[] = [];
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      await naiveRecount(store, TENANT, year!, 'p', { concurrency: 16 });
      recounts.push(performance.now() - t);
      console.log(`rollups: naive recount ${i + 1}/5 ${seconds(recounts.at(-1)!)}`);
    }
    const reads: number[] = [];
    for (let i = 0; i < 50; i++) {
      t = performance.now();
      await read();
      reads.push(performance.now() - t);
    }

    // 5. Freshness with the stream poller running (from the stream's latest position).
    poller = await streamPoller({ start: 'LATEST', idleMs: 50, reconcileWhenFresh: false })({ store, endpoint: dynamo.endpoint, dataDir, clock: () => new Date() });
    const provinceExcellent = async () => {
      const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.rollupTotal(TENANT, YEAR, 'p') }));
      return Number(out.Item?.m_excellent ?? NaN);
    };
    const actor = { sub: 'bench', name: 'Bench', role: 'base_committee', unit: 'b0-bc0' };
    const probeMembers = byCell.get(probe.id)!;
    let excellentNow = await provinceExcellent();
    let previousK = 0;
    const fresh: number[] = [];
    for (let i = 0; i < 20; i++) {
      const k = (i % 5) + 1 + (i % 2); // a different number of excellent each time
      const rows = probeMembers.map((m, j) => ({ memberId: m.id, facts: MemberFacts.parse({ decided: j < k ? 'excellent' : 'good', note: `lần ${i}` }) }));
      await commitResults(store, TENANT, probe.id, YEAR, rows, { actor, at: new Date().toISOString() });
      const committed = performance.now();
      const expected = excellentNow + k - previousK;
      for (;;) {
        if ((await provinceExcellent()) === expected) break;
        if (performance.now() - committed > 30_000) throw new Error('freshness: the province roll-up did not show the upload within 30 s');
        await new Promise((r) => setTimeout(r, 10));
      }
      fresh.push(performance.now() - committed);
      excellentNow = expected;
      previousK = k;
    }
    fresh.sort((a, b) => a - b);

    // 6. Biểu 5's freshness, same poller: a comment at the probe's session → the province's Biểu 5.
    const board = { tenant: TENANT, unit: 'p', role: 'province_board', name: 'Bench', sub: 'bench' } as Caller;
    const deps = { store, clock: () => new Date('2021-11-10T05:00:00.000Z') };
    await store.doc.send(new PutCommand({ TableName: store.tableName, Item: massesSettingsItem(TENANT, traVinhMassesSettings) }));
    await openReview(deps, board, YEAR, { sessionsBy: '2021-11-15', baseReportBy: '2021-11-20', blocReportBy: '2021-11-30' });
    await saveWorkplace(deps, board, YEAR, probe.id, { name: 'Cơ quan thử', staff: { permanent: 20 } });
    const session = await recordMassesSession(deps, board, YEAR, probe.id, {
      startsAt: '2021-11-10T08:00', endsAt: '2021-11-10T10:00', place: 'Hội trường', chair: 'Chủ trì', clerk: 'Thư ký', committeeRepresentative: 'Cấp ủy', massesPresent: 20,
      members: probeMembers.slice(0, 3).map((m) => ({ memberId: m.id, present: true })),
    });
    const provinceMasses = async () => (await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.massesRollupTotal(TENANT, YEAR, 'p') }))).Item;
    const provinceComments = async () => Number((await provinceMasses())?.xc_total ?? 0);
    // Opening the review builds the year's Biểu 5 for every unit of the province, once, on the
    // stream (like step 2 for the ratings): measured apart, and waited for, so that the comments
    // below time a comment and not the build queued ahead of it on the same shard.
    t = performance.now();
    for (;;) {
      if (await provinceMasses()) break;
      if (performance.now() - t > 600_000) throw new Error('Biểu 5: the opened review was not built within 600 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    const bieu5BuildMs = performance.now() - t;
    console.log(`rollups: Biểu 5 of the opened review built for ${units.length} units in ${seconds(bieu5BuildMs)}`);
    // The first comment waits behind the build's own records (every Biểu 5 item it wrote is on the
    // stream, read and ignored): timed apart, as the catch-up, before the 20 that are measured.
    const bieu5Fresh: number[] = [];
    let bieu5CatchUpMs = 0;
    for (let i = -1; i < 20; i++) {
      await addComment(deps, board, YEAR, probe.id, session.id, { about: null, channel: 'oral', heading: 1, kind: 'strength', text: `Ý kiến ${i + 2}` });
      const committed = performance.now();
      for (;;) {
        if ((await provinceComments()) === i + 2) break;
        if (performance.now() - committed > 30_000) throw new Error('freshness: the province Biểu 5 did not count the comment within 30 s');
        await new Promise((r) => setTimeout(r, 10));
      }
      if (i < 0) bieu5CatchUpMs = performance.now() - committed;
      else bieu5Fresh.push(performance.now() - committed);
    }
    bieu5Fresh.sort((a, b) => a - b);

    // 7. What one read costs, in items: the province's roll-up (r2025's score bands are fields of
    // the same items) and its Biểu 5 — each the unit's own item plus its children's, whatever the
    // size of the subtree. Every item a read gets back is counted, per command.
    const itemsRead = async (readOnce: () => Promise<unknown>) => {
      const calls: string[] = [];
      const send = store.doc.send.bind(store.doc);
      const counting = async (command: { constructor: { name: string } }, ...rest: unknown[]) => {
        const out = (await (send as (...a: unknown[]) => Promise<{ Items?: unknown[]; Item?: unknown }>)(command, ...rest));
        calls.push(`${command.constructor.name.replace('Command', '')} ${(out.Items?.length ?? 0) + (out.Item ? 1 : 0)}`);
        return out;
      };
      (store.doc as unknown as { send: unknown }).send = counting;
      try {
        return { result: await readOnce(), calls };
      } finally {
        (store.doc as unknown as { send: unknown }).send = send;
      }
    };
    const rollupRead = await itemsRead(() => loadRollup(store, board, YEAR, 'p'));
    const massesRead = await itemsRead(() => loadMassesRollup(deps, board, YEAR, 'p'));
    const rollupChildren = (rollupRead.result as { children: unknown[]; scores?: unknown }).children.length;
    const hasScores = (rollupRead.result as { scores?: unknown }).scores !== undefined;
    const massesChildren = (massesRead.result as { children: unknown[] }).children.length;

    // Items a Query returned (Gets are the settings and the review, whatever the tree's size).
    const queried = (calls: string[]) => calls.filter((c) => c.startsWith('Query ')).reduce((n, c) => n + Number(c.slice(6)), 0);
    const rollupHolds = queried(rollupRead.calls) <= rollupChildren + 1;
    const bieu5Holds = queried(massesRead.calls) <= massesChildren + 1;
    const medianRecount = median(recounts);
    const medianRead = median(reads);
    const result = {
      members: members.length,
      cells: cells.length,
      units: units.length,
      items: items.length,
      generateSeconds: Number((generateMs / 1000).toFixed(1)),
      buildAllSeconds: Number((buildMs / 1000).toFixed(1)),
      apiP50Ms: Number(api.p50.toFixed(1)),
      apiP99Ms: Number(api.p99.toFixed(1)),
      apiRps: Number(api.rps.toFixed(0)),
      apiErrors: api.errors,
      queryP50Ms: Number(query.p50.toFixed(1)),
      queryP99Ms: Number(query.p99.toFixed(1)),
      p99Ratio: Number((api.p99 / query.p99).toFixed(2)),
      naiveRecountMedianMs: Number(medianRecount.toFixed(0)),
      rollupReadMedianMs: Number(medianRead.toFixed(1)),
      recountToReadRatio: Number((medianRecount / medianRead).toFixed(0)),
      freshnessP50Ms: Number(percentile(fresh, 50).toFixed(0)),
      freshnessP95Ms: Number(percentile(fresh, 95).toFixed(0)),
      bieu5BuildSeconds: Number((bieu5BuildMs / 1000).toFixed(1)),
      bieu5CatchUpMs: Math.round(bieu5CatchUpMs),
      bieu5FreshnessP50Ms: Number(percentile(bieu5Fresh, 50).toFixed(0)),
      bieu5FreshnessP95Ms: Number(percentile(bieu5Fresh, 95).toFixed(0)),
      rollupReadCalls: rollupRead.calls.join(', '),
      rollupChildren,
      bieu5ReadCalls: massesRead.calls.join(', '),
      bieu5Children: massesChildren,
      childrenPlusOneHolds: rollupHolds && bieu5Holds ? 'yes' : 'NO',
    };
    printTable(`Roll-ups (${members.length.toLocaleString('en')} members in ${cells.length.toLocaleString('en')} cells; in-memory DynamoDB Local; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')})`, [
      ['generate items (BatchWrite)', `${seconds(generateMs)} (${items.length} items)`],
      ['build every roll-up (reconcile)', seconds(buildMs)],
      ['province read via API, 20 in flight', `p50 ${ms(api.p50)} · p99 ${ms(api.p99)} · ${api.rps.toFixed(0)} req/s · ${api.errors} errors`],
      ['bare Query of the same items, 20 in flight', `p50 ${ms(query.p50)} · p99 ${ms(query.p99)}`],
      ['p99 API / p99 Query (≤ 2)', result.p99Ratio.toFixed(2)],
      ['naive recount, median of 5', ms(medianRecount)],
      ['roll-up read, median of 50 sequential', ms(medianRead)],
      ['recount / read (≥ 50)', String(result.recountToReadRatio)],
      ['freshness, 50-row upload → province', `p50 ${ms(result.freshnessP50Ms)} · p95 ${ms(result.freshnessP95Ms)} (≤ 2000 ms)`],
      ['Biểu 5 of an opened review, built on the stream (once)', `${seconds(bieu5BuildMs)} beside every ratings roll-up built: ${seconds(buildMs)}; the first comment after it ${ms(bieu5CatchUpMs)} (the stream catching up)`],
      ['Biểu 5 freshness, a comment → province', `p50 ${ms(result.bieu5FreshnessP50Ms)} · p95 ${ms(result.bieu5FreshnessP95Ms)} (beside the 50-row upload's p50 ${ms(result.freshnessP50Ms)} · p95 ${ms(result.freshnessP95Ms)}; ≤ 2000 ms)`],
      [`province roll-up read (Biểu 1, 2, 4 with r2025 score bands${hasScores ? '' : ' — MISSING'}): items per command`, `${result.rollupReadCalls} (children ${rollupChildren} + 1)`],
      ['province Biểu 5 read: items per command', `${result.bieu5ReadCalls} (children with masses data ${massesChildren} + 1; the rest are settings and the review)`],
      ['every roll-up read ≤ children + 1 items (Query)', `${result.childrenPlusOneHolds} — ratings ${queried(rollupRead.calls)} ≤ ${rollupChildren + 1}, Biểu 5 ${queried(massesRead.calls)} ≤ ${massesChildren + 1}, of ${members.length.toLocaleString('en')} members`],
    ]);
    return result;
  } finally {
    await poller?.stop();
    await dynamo.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchRollups().then(
    (r) => {
      console.log('\nJSON:', JSON.stringify(r));
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
