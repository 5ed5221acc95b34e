// The app first: zod schemas get .openapi() only when built after @hono/zod-openapi is loaded.
import '../support/app';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { compareSequence, createStore, getDossier, listAudit, listDeliveries, readResults, readRollup, reportPk, type Store } from '@kd/data';
import type { Identity } from '@kd/api';
import { runTick } from '@kd/services';
import { applyStreamBatch, loadRollupYears, naiveRecount, sesMailer } from '@kd/jobs';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';
import { dynamoEndpoint } from '../support/dynamo';
import { identities, seedFixture } from '../support/fixture';
import { putTestCampaign, streamConsumer } from '../support/rollups';
import { injectFaults } from '../support/faults';
import { jobDeps, provinceBoard, seedReports } from './reports-setup';

/**
 * Faults injected where they happen — inside the SDK's retry loop of the Store's DynamoDB client,
 * in the stream consumer between its transactions, in the SES client — and what each must leave:
 * retried, reported when retries cannot help, never lost, never counted twice. One test per fault.
 */
let store: Store;
const secretaryOf = (unit: string, name: string): Identity => ({ tenant: 't1', unit, role: 'cell_secretary', name, sub: `id-${unit}` });
const c2 = secretaryOf('c2', 'Đỗ Văn Long');

beforeAll(async () => {
  store = await createTestStore('faults', { stream: true });
  await seedFixture(store);
  await putTestCampaign(store, 't1', 2021);
  await putTestCampaign(store, 't2', 2021);
  await seedReports(store);
});

afterEach(() => vi.restoreAllMocks());

/** The app over its own client of the same table, with the injector on that client. */
async function faultyApp(): Promise<{ t: TestApp; faults: ReturnType<typeof injectFaults>; client: Store }> {
  const client = createStore({ tableName: store.tableName, endpoint: dynamoEndpoint() });
  const faults = injectFaults(client.raw.middlewareStack);
  return { t: await createTestApp(client, '2021-12-15T03:00:00.000Z'), faults, client };
}

const csv = (rows: [string, string][]) => `Mã đảng viên,Chi bộ xếp loại\n${rows.map((r) => r.join(',')).join('\n')}\n`;
const c1Rows = (rating: string): [string, string][] => ['M001', 'M002', 'M003', 'M004', 'M005', 'M006', 'M007', 'M008', 'M009'].map((id) => [id, rating]);

function upload(t: TestApp, as: Identity, body: string) {
  return t.request(`/api/v1/campaigns/2021/units/${as.unit}/results?dryRun=false`, { method: 'POST', as, headers: { 'content-type': 'text/csv' }, body });
}

/** Every roll-up of the campaign equals a recount of the table, in both provinces. */
async function expectExact() {
  for (const [tenant, root] of [['t1', 'p1'], ['t2', 'p2']] as const) {
    const year = (await loadRollupYears(store, tenant)).find((y) => y.campaign.year === 2021)!;
    for (const [unitId, counts] of await naiveRecount(store, tenant, year, root)) {
      expect({ unitId, counts: (await readRollup(store, tenant, 2021, unitId)).rollup?.counts }).toEqual({ unitId, counts });
    }
  }
}

describe('faults at the DynamoDB client', () => {
  it('throttling: retried by the SDK, the commit lands once', async () => {
    const { t, faults } = await faultyApp();
    faults.plan(
      { command: /TransactWriteItems/, fault: 'throttle', times: 2 },
      { command: /^Query/, fault: 'throttle', times: 2 },
      { command: /BatchWriteItem/, fault: 'throttle', times: 1 },
      { command: /UpdateItem/, fault: 'throttle', times: 1 },
      { command: /GetItem/, fault: 'throttle', times: 1 },
    );
    const audits = (await listAudit(store, 't1', 'c1')).entries.length;
    const res = await upload(t, identities.cell, csv(c1Rows('HTNV')));
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ committed: true, version: 1, unchanged: false });
    expect(faults.counts.injected).toBe(7);
    expect([...(await readResults(store, 't1', 'c1', 2021)).values()].map((r) => r.facts.decided)).toEqual(Array(9).fill('complete'));
    expect((await listAudit(store, 't1', 'c1')).entries.length).toBe(audits + 1);
  });

  it('throttling that outlasts the retries: 503 STORE_BUSY with Retry-After, logged, nothing changed; sent again, it lands once', async () => {
    const { t, faults } = await faultyApp();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    faults.plan({ command: /TransactWriteItems/, fault: 'throttle', times: Infinity });
    const before = await getDossier(store, 't1', 'c1', 2021);
    const audits = (await listAudit(store, 't1', 'c1')).entries.length;
    const refused = await upload(t, identities.cell, csv(c1Rows('HTTNV')));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect((await refused.json()).error).toMatchObject({ code: 'STORE_BUSY', message: expect.stringContaining('gửi lại') });
    expect(warn.mock.calls.map((c) => String(c[0]))).toContainEqual(expect.stringContaining('"msg":"store.busy"'));
    const after = await getDossier(store, 't1', 'c1', 2021);
    expect(after.currentVersion).toBe(before.currentVersion);
    expect([...(await readResults(store, 't1', 'c1', 2021)).values()].every((r) => r.facts.decided === 'complete')).toBe(true);

    faults.clear();
    const again = await upload(t, identities.cell, csv(c1Rows('HTTNV')));
    expect(again.status).toBe(200);
    const answer = await again.json();
    expect(answer.version).toBeGreaterThan(before.currentVersion!);
    expect([...(await readResults(store, 't1', 'c1', 2021)).values()].map((r) => r.facts.decided)).toEqual(Array(9).fill('good'));
    expect((await listAudit(store, 't1', 'c1')).entries.length).toBe(audits + 1);
  });

  it('time-outs: a read that timed out and a commit whose answer was lost are sent again, and the commit is applied once', async () => {
    const { t, faults } = await faultyApp();
    faults.plan({ command: /^Query/, fault: 'timeout', times: 1 }, { command: /TransactWriteItems/, fault: 'lostAnswer', times: 1 });
    const audits = (await listAudit(store, 't1', 'c2')).entries.length;
    const res = await upload(t, c2, csv([['M010', 'HTXSNV']]));
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ committed: true, version: 1 });
    expect(faults.counts.byFault).toEqual({ timeout: 1, lostAnswer: 1 });
    expect((await getDossier(store, 't1', 'c2', 2021)).currentVersion).toBe(1);
    expect((await listAudit(store, 't1', 'c2')).entries.length).toBe(audits + 1);
  });

  it('transaction conflicts: the cancelled transaction is sent again; past the tries, 503 and nothing half-written', async () => {
    const { t, faults } = await faultyApp();
    faults.plan({ command: /TransactWriteItems/, fault: 'conflict', times: 2 });
    const res = await upload(t, identities.otherCell, csv([['M011', 'HTTNV']]));
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ committed: true, version: 1 });
    expect(faults.counts.byFault).toEqual({ conflict: 2 });

    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    faults.plan({ command: /TransactWriteItems/, fault: 'conflict', times: Infinity });
    const refused = await upload(t, identities.otherCell, csv([['M011', 'HTNV']]));
    expect(refused.status).toBe(503);
    expect((await refused.json()).error.code).toBe('STORE_BUSY');
    expect((await getDossier(store, 't1', 'c3', 2021)).currentVersion).toBe(1);
    expect([...(await readResults(store, 't1', 'c3', 2021)).values()].map((r) => r.facts.decided)).toEqual(['good']);
  });
});

describe('faults in the roll-up stream consumer', () => {
  /** One consumer of the table's stream for these tests, as Lambda's event source mapping is. */
  let consumer: ReturnType<typeof streamConsumer>;
  /** The records written since the last read, in one batch, as Lambda would deliver them. */
  async function pendingRecords(): Promise<{ dynamodb: { SequenceNumber: string } }[]> {
    const records: unknown[] = [];
    await consumer.reader.drain(async (batch) => void records.push(...batch));
    return records as { dynamodb: { SequenceNumber: string } }[];
  }

  beforeAll(async () => {
    consumer = streamConsumer(store);
    // Catch up with everything written so far (the campaigns' settings build the roll-ups).
    expect((await applyStreamBatch(store, await pendingRecords())).batchItemFailures).toEqual([]);
  });

  it('a crash between two transactions of a batch, then the batch redelivered: exact, and a third delivery writes nothing', async () => {
    const { t } = await faultyApp();
    expect((await upload(t, identities.cell, csv(c1Rows('HTXSNV')))).status).toBe(200);
    expect((await upload(t, { ...secretaryOf('c9', 'Ngô Văn Nam'), tenant: 't2' }, csv([['Q001', 'HTTNV']]))).status).toBe(200);
    const records = await pendingRecords();
    // Two provinces in the batch: one transaction each; the consumer dies before the second.
    let transactions = 0;
    const crash = applyStreamBatch(store, records, {
      beforeTransaction: () => {
        if (++transactions === 2) throw new Error('the consumer died here');
      },
    });
    await expect(crash).rejects.toThrow('the consumer died here');
    expect(transactions).toBe(2);
    // Lambda delivers the whole batch again: the province already written is not counted twice.
    const redelivered = await applyStreamBatch(store, records);
    expect(redelivered.batchItemFailures).toEqual([]);
    await expectExact();
    const third = await applyStreamBatch(store, records);
    expect(third.report.ownWrites + third.report.rollupWrites).toBe(0);
    await expectExact();
  });

  it('transactions that keep failing: the batch reports its earliest failed record, and redelivery from there is exact', async () => {
    const { t } = await faultyApp();
    expect((await upload(t, c2, csv([['M010', 'KHTNV']]))).status).toBe(200);
    const records = await pendingRecords();
    const faulty = createStore({ tableName: store.tableName, endpoint: dynamoEndpoint() });
    const faults = injectFaults(faulty.raw.middlewareStack);
    faults.plan({ command: /TransactWriteItems/, fault: 'conflict', times: Infinity });
    const result = await applyStreamBatch(faulty, records, { maxRounds: 2 });
    expect(result.report.failed).toContain('c2');
    const [failure] = result.batchItemFailures;
    expect(failure).toBeDefined();
    // Lambda redelivers from the reported record on.
    const from = records.filter((r) => compareSequence(r.dynamodb.SequenceNumber, failure!.itemIdentifier) >= 0);
    expect(from.length).toBeGreaterThan(0);
    expect((await applyStreamBatch(store, from)).batchItemFailures).toEqual([]);
    await expectExact();
  });
});

describe('faults in the mailer (SES)', () => {
  /** An SES client that never leaves the machine: the injector answers in place of the service. */
  function sesClient() {
    const client = new SESv2Client({ region: 'ap-southeast-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, endpoint: 'http://127.0.0.1:9' });
    let id = 0;
    const faults = injectFaults(client.middlewareStack, () => ({ MessageId: `ses-${++id}` }));
    return { client, faults, sent: () => faults.counts.applied };
  }

  it('throttled sends are retried by the SDK: each recipient gets the report once', async () => {
    const ses = sesClient();
    ses.faults.plan({ command: /SendEmail/, fault: 'tooManyRequests', times: 2 });
    const at = new Date('2021-12-28T07:00:00+07:00');
    const outcome = await runTick(jobDeps(store, sesMailer(ses.client), () => at), { kind: 'daily', at: at.toISOString() });
    const report = outcome.reports.find((r) => r.boardId === 'p1')!;
    const deliveries = await listDeliveries(store, reportPk('t1', report.reportId));
    expect(deliveries.map((d) => [d.recipient, d.status, d.attempts]).sort()).toEqual(provinceBoard.map((r) => [r, 'sent', 1]).sort());
    expect(ses.faults.counts.byFault).toEqual({ tooManyRequests: 2 });
    const all = (await Promise.all(outcome.reports.map((r) => listDeliveries(store, reportPk('t1', r.reportId))))).flat();
    expect(all.every((d) => d.status === 'sent' && d.attempts === 1)).toBe(true);
    expect(ses.sent()).toBe(all.length);
  });

  it('a refused send is recorded as failed with its reason, tried again on the next run, and sent once', async () => {
    const ses = sesClient();
    ses.faults.plan({ command: /SendEmail/, fault: 'reject', times: Infinity });
    const at = new Date('2021-12-29T07:00:00+07:00');
    const log = vi.fn();
    const deps = { ...jobDeps(store, sesMailer(ses.client), () => at), log };
    const first = await runTick(deps, { kind: 'daily', at: at.toISOString() });
    const report = first.reports.find((r) => r.boardId === 'p1')!;
    const failed = await listDeliveries(store, reportPk('t1', report.reportId));
    expect(failed.every((d) => d.status === 'failed' && d.lastError === 'Email address is not verified.')).toBe(true);
    expect(log).toHaveBeenCalledWith('send failed', expect.objectContaining({ error: 'Email address is not verified.' }));
    expect(ses.sent()).toBe(0);

    ses.faults.clear();
    const next = new Date('2021-12-30T07:00:00+07:00');
    await runTick({ ...deps, now: () => next }, { kind: 'daily', at: next.toISOString() });
    const delivered = await listDeliveries(store, reportPk('t1', report.reportId));
    expect(delivered.map((d) => d.status)).toEqual(['sent', 'sent']);
    const sentOf29 = delivered.length;
    // Later runs do not send the 29/12 report again.
    const later = new Date('2021-12-31T07:00:00+07:00');
    await runTick({ ...deps, now: () => later }, { kind: 'daily', at: later.toISOString() });
    expect((await listDeliveries(store, reportPk('t1', report.reportId))).filter((d) => d.status === 'sent')).toHaveLength(sentOf29);
  });
});
