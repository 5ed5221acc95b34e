/**
 * `npm run bench -- capacity`: one province at real size (165,000 members by default;
 * KD_CAPACITY_MEMBERS to scale) replayed through its December against in-memory DynamoDB Local,
 * through the real services and the real roll-up consumer (`applyStreamBatch`, one shard read like
 * Lambda's event source: batches of ≤ 100, one at a time). Measures per committed result row the
 * items and capacity units written and read by the services and by the consumer, the writes on the
 * hottest keys (the province's ROLLUP item and the roll-up year's GSI2 key), the stream's batches
 * and their lag; then prints docs/capacity.md's national tables from those ratios (capacity/national.ts).
 * Baseline in the same run: 2,000 result rows written bare (BatchWriteItem), their rate and units per row.
 */
// The app first: its OpenAPI schemas extend zod before any other module builds one.
import '@kd/api';
import { loadavg } from 'node:os';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { batchPut, createStore, decodeRecord, ensureTable, keys, massesSettingsItem, ResultRow, rowItem, StreamRecord } from '@kd/data';
import { Campaign, MemberFacts, traVinhMassesSettings, type Caller } from '@kd/domain';
import { openReview, recordMassesSession, saveWorkplace } from '@kd/services';
import { applyStreamBatch, reconcileAll } from '@kd/jobs';
import { startDynamoLocal } from '../packages/local/src/dynamo-local';
import { TableStreamReader } from '../packages/local/src/stream-poller';
import { itemBytes, meter, peakPerSecond, writeUnits } from './capacity/meter';
import { generateProvince, provinceItems, shapeFor } from './capacity/province';
import { december, replay, DAY_SECONDS, DAY_SHARES } from './capacity/december';
import { nationalPicture, NATION, PRICES, type Measured } from './capacity/national';
import { percentile, printTable } from './measure';

for (const [k, v] of Object.entries({ AWS_EC2_METADATA_DISABLED: 'true', AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' })) {
  process.env[k] ??= v;
}

const TENANT = 'sim';
const YEAR = 2026;
const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const n2 = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 2, minimumFractionDigits: 2 });
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

export async function benchCapacity(): Promise<Record<string, number | string>> {
  const members = Number(process.env.KD_CAPACITY_MEMBERS ?? 165_000);
  const inFlight = Number(process.env.KD_CAPACITY_IN_FLIGHT ?? 6);
  const loadAtStart = load();
  const started = performance.now();
  const dynamo = await startDynamoLocal({ steady: true });
  const tableName = 'capacity';
  const plain = createStore({ tableName, endpoint: dynamo.endpoint });
  const api = createStore({ tableName, endpoint: dynamo.endpoint });
  const consumer = createStore({ tableName, endpoint: dynamo.endpoint });
  const baseStore = createStore({ tableName: 'capacity-baseline', endpoint: dynamo.endpoint });
  try {
    await ensureTable(plain);
    await ensureTable(baseStore);
    const shape = shapeFor(members);
    const p = generateProvince(shape);
    const parentOf = (id: string) => p.parentOf.get(id) ?? null;
    const apiMeter = meter(api, parentOf, 'api');
    const consumerMeter = meter(consumer, parentOf, 'consumer');
    const baseMeter = meter(baseStore, parentOf, 'baseline');

    // 1. The province as items (November: the campaign opened, rosters in place).
    let t = performance.now();
    const campaign = Campaign.parse({ year: YEAR, rulebookId: 'r2019', overlayIds: ['s000-2021'], ratingDate: '2026-12-31' });
    await batchPut(plain, provinceItems(TENANT, campaign, p), 16);
    const generateMs = performance.now() - t;
    console.log(`capacity: ${p.units.length} units (${shape.blocs} blocs × ${shape.basesPerBloc} base organisations × ${shape.cellsPerBase} cells), ${p.members.length} members in ${s1(generateMs)} · load ${load()}`);

    // 2. November: the masses review opened before the tree's roll-ups exist, one session in every 20th cell.
    const board: Caller = { tenant: TENANT, unit: 'p', role: 'province_board', name: 'Mô phỏng', sub: 'sim' };
    const deps = { store: api, clock: () => new Date() };
    const novemberDeps = { store: plain, clock: () => new Date('2026-11-10T05:00:00.000Z') };
    await plain.doc.send(new PutCommand({ TableName: tableName, Item: massesSettingsItem(TENANT, traVinhMassesSettings) }));
    await openReview(novemberDeps, board, YEAR, { sessionsBy: '2026-11-30', baseReportBy: '2026-12-10', blocReportBy: '2026-12-20' });
    const sessions = new Map<string, string>();
    for (const cell of p.cells.filter((_, i) => i % 20 === 0)) {
      await saveWorkplace(novemberDeps, board, YEAR, cell.id, { name: `Cơ quan ${cell.id}`, staff: { permanent: 20 } });
      const session = await recordMassesSession(novemberDeps, board, YEAR, cell.id, {
        startsAt: '2026-11-10T08:00', endsAt: '2026-11-10T10:00', place: 'Hội trường', chair: 'Chủ trì', clerk: 'Thư ký', committeeRepresentative: 'Cấp ủy', massesPresent: 20,
        members: (p.membersOf.get(cell.id) ?? []).slice(0, 3).map((m) => ({ memberId: m.id, present: true })),
      });
      sessions.set(cell.id, session.id);
    }

    // 3. Every ratings roll-up built once (the reconcile of the opened campaign), metered on its own.
    t = performance.now();
    await reconcileAll(consumer, { tenants: [TENANT], concurrency: 32 });
    const buildMs = performance.now() - t;
    const build = { items: consumerMeter.itemsWritten, wcu: consumerMeter.wcu, rollupUpdates: { ...consumerMeter.rollupUpdates }, gsi2Peak: peakPerSecond(consumerMeter.keys.get(`gsi2:T#${TENANT}#ROLLUPS#Y#${YEAR}`)?.at ?? []) };
    consumerMeter.reset();
    console.log(`capacity: every roll-up built in ${s1(buildMs)} (${build.items} items; GSI2 year key ${build.gsi2Peak} writes in its busiest second) · load ${load()}`);

    // 4. The consumer: one shard read from now on, batches of ≤ 100, one at a time (Lambda's event source).
    const reader = new TableStreamReader({ endpoint: dynamo.endpoint, tableName, start: 'LATEST' });
    await reader.pin();
    const batches: { records: number; ms: number }[] = [];
    const lags: number[] = [];
    const committedAt = new Map<string, number>();
    let replaying = true;
    let idle = 0;
    const consume = (async () => {
      for (;;) {
        const batch = await reader.next(100);
        if (!batch || batch.records.length === 0) {
          if (!replaying && ++idle > 20) return;
          await new Promise((r) => setTimeout(r, 50));
          continue;
        }
        idle = 0;
        const t0 = performance.now();
        const result = await applyStreamBatch(consumer, batch.records, { now: () => new Date() });
        const done = performance.now();
        batches.push({ records: batch.records.length, ms: done - t0 });
        for (const raw of batch.records) {
          const parsed = StreamRecord.safeParse(raw);
          const change = parsed.success ? decodeRecord(parsed.data) : null;
          if (change && (change.kind === 'dossier' || change.kind === 'row') && committedAt.has(change.unitId)) {
            lags.push(done - committedAt.get(change.unitId)!);
            committedAt.delete(change.unitId);
          }
        }
        const failure = result.batchItemFailures[0]?.itemIdentifier;
        if (failure) await reader.retryFrom(batch.shardId, failure);
        else reader.ack(batch.shardId, batch.records.at(-1)!.dynamodb!.SequenceNumber!);
      }
    })();

    // 5. December, replayed in its order.
    const events = december(p, sessions);
    t = performance.now();
    const counters = await replay(deps, TENANT, YEAR, p, events, {
      inFlight,
      committedAt,
      onProgress: (done) => console.log(`capacity: ${done}/${events.length} events in ${s1(performance.now() - t)}, ${batches.length} batches · load ${load()}`),
    });
    const replayMs = performance.now() - t;
    replaying = false;
    await consume;
    const drainMs = performance.now() - t - replayMs;
    console.log(`capacity: December replayed in ${s1(replayMs)}, stream drained ${s1(drainMs)} later · load ${load()}`);

    // 6. Baseline: result rows written bare (2,000 of them: the rate and the units per row are what count).
    const bareRows = Array.from({ length: Math.min(counters.committedRows, 2_000) }, (_, i) =>
      rowItem(TENANT, `c${i % 500}`, YEAR, 1, ResultRow.parse({ memberId: `B${i}`, facts: MemberFacts.parse({ decided: 'good' }) })),
    );
    t = performance.now();
    await batchPut(baseStore, bareRows, 16);
    const bareMs = performance.now() - t;

    // 7. Checks and sizes.
    const province = (await plain.doc.send(new GetCommand({ TableName: tableName, Key: keys.rollupTotal(TENANT, YEAR, 'p') }))).Item ?? {};
    // Roll-up items are priced at the province's size (the largest: every count it holds is non-zero).
    const rollupBytes = itemBytes(province);
    const rollupKb = Math.ceil(rollupBytes / 1024);
    const apiWcu = writeUnits(apiMeter, rollupBytes);
    const consumerWcu = writeUnits(consumerMeter, rollupBytes);
    const buildWcu = build.wcu + (build.rollupUpdates.transactional * 2 + build.rollupUpdates.plain) * rollupKb * 3;
    const expectedExcellent = [...counters.excellent.values()].reduce((a, b) => a + b, 0);
    const described = await plain.raw.send(new DescribeTableCommand({ TableName: tableName }));
    const tableBytes = Number(described.Table?.TableSizeBytes ?? 0);
    const rows = counters.committedRows;
    const provinceKey = apiMeter.keys.get(`T:${keys.rollupTotal(TENANT, YEAR, 'p').pk}#ROLLUP`) ?? consumerMeter.keys.get(`T:${keys.rollupTotal(TENANT, YEAR, 'p').pk}#ROLLUP`);
    const gsi2Key = consumerMeter.keys.get(`gsi2:T#${TENANT}#ROLLUPS#Y#${YEAR}`);
    const hottest = [...consumerMeter.keys.entries()].sort((a, b) => b[1].units - a[1].units).slice(0, 3);
    const calls = [...counters.done.values()].reduce((a, b) => a + b, 0) + (counters.done.get('submit') ?? 0);
    const allLatencies = [...counters.latency.values()].flat();
    const simulatedSeconds = DAY_SHARES.length * DAY_SECONDS;
    const b = sorted(batches.map((x) => x.ms));
    const recs = sorted(batches.map((x) => x.records));
    const l = sorted(lags);
    const measured: Measured = {
      members: p.members.length,
      committedRows: rows,
      apiWcuPerRow: apiWcu / rows,
      apiRcuPerRow: apiMeter.rcu / rows,
      consumerWcuPerRow: consumerWcu / rows,
      consumerRcuPerRow: consumerMeter.rcu / rows,
      rollupItemsPerRow: consumerMeter.itemsWritten / rows,
      provinceKeyUnitsPerRow: ((provinceKey?.units ?? 0) * rollupKb) / rows,
      gsi2KeyUnitsPerRow: ((gsi2Key?.units ?? 0) * rollupKb) / rows,
      apiCallsPerMember: calls / p.members.length,
      apiMsPerCall: allLatencies.reduce((a, x) => a + x, 0) / Math.max(1, allLatencies.length),
      batchesPerRow: batches.length / rows,
      consumerMsPerBatch: b.reduce((a, x) => a + x, 0) / Math.max(1, b.length),
      bytesPerMember: tableBytes / p.members.length,
    };
    const picture = nationalPicture(measured);
    const tenX = nationalPicture(measured, 10);
    const loadAtEnd = load();

    printTable(`Capacity: one province of ${p.members.length.toLocaleString('en')} members replayed through its December (load average ${loadAtStart} → ${loadAtEnd}; 2 cores)`, [
      ['shape', `${p.units.length.toLocaleString('en')} units: ${shape.blocs} blocs × ${shape.basesPerBloc} base organisations × ${shape.cellsPerBase} cells (~${Math.round(p.members.length / p.cells.length)} members a cell)`],
      ['generate (BatchWrite) · build every roll-up (reconcile)', `${s1(generateMs)} · ${s1(buildMs)} (${build.items.toLocaleString('en')} items, ${buildWcu.toLocaleString('en')} WCU; GSI2 year key ${build.gsi2Peak} writes in its busiest second)`],
      ['events replayed (in flight)', `${events.length.toLocaleString('en')} (${inFlight}): ${[...counters.done].map(([k, v]) => `${k} ${v}`).join(', ')}`],
      ['failed events', counters.failed.size === 0 ? 'none' : [...counters.failed].map(([k, v]) => `${k} ×${v}`).join('; ')],
      ['December (21 working days) replayed in', `${s1(replayMs)} wall: a speed-up of ${Math.round(simulatedSeconds / (replayMs / 1000)).toLocaleString('en')}× (peak day ${Math.round((simulatedSeconds / (replayMs / 1000)) * (1 / 21) / (Math.max(...DAY_SHARES) / 100)).toLocaleString('en')}× real time); stream drained ${s1(drainMs)} after the last event`],
      ['committed result rows (uploads and edits)', `${rows.toLocaleString('en')}, ${n2(rows / p.members.length)} a member`],
      ['service calls: p50 / p95 by kind', [...counters.latency].map(([k, v]) => `${k} ${percentile(sorted(v), 50).toFixed(0)}/${percentile(sorted(v), 95).toFixed(0)} ms`).join(', ')],
      ['items written per committed row: services · consumer', `${n2(apiMeter.itemsWritten / rows)} · ${n2(consumerMeter.itemsWritten / rows)} (baseline, the row alone: 1.00)`],
      ['items read per committed row: services · consumer', `${n2(apiMeter.itemsRead / rows)} · ${n2(consumerMeter.itemsRead / rows)}`],
      ['WCU per committed row: services · consumer', `${n2(measured.apiWcuPerRow)} · ${n2(measured.consumerWcuPerRow)} (baseline, bare BatchWrite of the row: ${n2(baseMeter.wcu / bareRows.length)}); a roll-up item ${rollupBytes} B`],
      ['RCU per committed row: services · consumer', `${n2(measured.apiRcuPerRow)} · ${n2(measured.consumerRcuPerRow)}`],
      ['rows/s: replay (services, roll-ups kept) · bare BatchWrite', `${n2(rows / (replayMs / 1000))} · ${n2(bareRows.length / (bareMs / 1000))}`],
      ['province ROLLUP item: writes · per committed row · busiest second', `${provinceKey?.at.length ?? 0} · ${n2((provinceKey?.at.length ?? 0) / rows)} · ${peakPerSecond(provinceKey?.at ?? [])} (beside ${peakPerSecond(gsi2Key?.at ?? [])} on the GSI2 year key)`],
      ['hottest keys by write units (consumer)', hottest.map(([k, v]) => `${k.replace(`T#${TENANT}#`, '')} ${v.units * rollupKb}`).join(' · ')],
      ['stream batches: count · records p50/max · apply ms p50/p95', `${batches.length} · ${percentile(recs, 50)}/${recs.at(-1) ?? 0} · ${percentile(b, 50).toFixed(0)}/${percentile(b, 95).toFixed(0)}`],
      ['lag, commit → consumer applied: p50 / p95 / max', `${percentile(l, 50).toFixed(0)} / ${percentile(l, 95).toFixed(0)} / ${(l.at(-1) ?? 0).toFixed(0)} ms (beside a batch's own apply p50 ${percentile(b, 50).toFixed(0)} ms)`],
      ['check: province excellent = rows uploaded excellent', `${String(province.m_excellent)} = ${expectedExcellent} ${Number(province.m_excellent) === expectedExcellent ? 'yes' : 'NO'}`],
      ['table size at the end', `${(tableBytes / 1e6).toFixed(1)} MB, ${Math.round(measured.bytesPerMember)} B a member`],
    ]);
    printTable(`National: ${NATION.provinces} provinces, ${NATION.members.toLocaleString('en')} members — the measured ratios`, picture.rows);
    printTable('National December peak', picture.peak);
    printTable('Hottest keys at the national peak (partition limits 1,000 WCU/s, 3,000 RCU/s)', picture.keys);
    printTable('Limits at the national peak', picture.limits);
    printTable('At 10× the load', [...tenX.peak.slice(3), ...tenX.keys]);
    printTable('Limits at 10×', tenX.limits);
    printTable(`Cost a year, ap-southeast-1, USD (prices ${PRICES.asOf})`, picture.cost);
    console.log(`\nmeasured (npx tsx bench/capacity/national.ts '<this>' prints the national tables again): ${JSON.stringify(measured)}`);
    return {
      members: p.members.length,
      units: p.units.length,
      events: events.length,
      replaySeconds: Number((replayMs / 1000).toFixed(1)),
      speedUp: Math.round(simulatedSeconds / (replayMs / 1000)),
      committedRows: rows,
      apiWcuPerRow: Number(measured.apiWcuPerRow.toFixed(3)),
      consumerWcuPerRow: Number(measured.consumerWcuPerRow.toFixed(3)),
      rollupItemsPerRow: Number(measured.rollupItemsPerRow.toFixed(3)),
      provinceKeyWritesPerRow: Number(((provinceKey?.at.length ?? 0) / rows).toFixed(4)),
      batches: batches.length,
      lagP95Ms: Math.round(percentile(l, 95)),
      hottestShareAtPeak: Number(picture.hottestShare.toFixed(5)),
      costPerMemberYear: Number(picture.perMemberYear.toFixed(4)),
      costPerMemberYearAllSignIn: Number(picture.perMemberYearAllSignIn.toFixed(4)),
      failedEvents: [...counters.failed.values()].reduce((a, x) => a + x, 0),
      loadAverage: `${loadAtStart} → ${loadAtEnd}`,
      totalSeconds: Number(((performance.now() - started) / 1000).toFixed(0)),
    };
  } finally {
    await dynamo.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchCapacity().then(
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
