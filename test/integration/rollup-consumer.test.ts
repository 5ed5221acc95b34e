import { beforeAll, describe, expect, it } from 'vitest';
import { commitResults, updateDossier, getDossier, readRollup, moveUnit, requireUnit, requireMember, transferMember, type Store } from '@kd/data';
import { MemberFacts } from '@kd/domain';
import { loadRollupYears, naiveRecount, reconcileTenant } from '@kd/jobs';
import { createTestStore } from '../support/store';
import { seedFixture } from '../support/fixture';
import { putTestCampaign, streamConsumer } from '../support/rollups';

let store: Store;
let consumer: ReturnType<typeof streamConsumer>;
const actor = { sub: 's', name: 'Lê Hồng Vũ', role: 'cell_secretary', unit: 'c1' };
const at = '2021-12-20T01:00:00.000Z';

async function expectExact(year: number) {
  const y = (await loadRollupYears(store, 't1')).find((c) => c.campaign.year === year)!;
  const oracle = await naiveRecount(store, 't1', y, 'p1');
  for (const [unitId, counts] of oracle) {
    const { rollup } = await readRollup(store, 't1', year, unitId);
    expect({ unitId, counts: rollup?.counts }).toEqual({ unitId, counts });
  }
}

beforeAll(async () => {
  store = await createTestStore('rollup', { stream: true });
  await seedFixture(store);
  await putTestCampaign(store, 't1', 2021);
  consumer = streamConsumer(store);
});

describe('the roll-up stream consumer', () => {
  it('builds roll-ups from the stream and matches a full recount', async () => {
    const decided = ['excellent', 'good', 'good', 'good', 'good', 'good', 'complete', null, 'good'] as const;
    await commitResults(
      store, 't1', 'c1', 2021,
      decided.map((d, i) => ({ memberId: `M00${i + 1}`, facts: MemberFacts.parse({ decided: d, selfProposed: d }) })),
      { actor, at },
    );
    await consumer.drain();
    const { rollup, children } = await readRollup(store, 't1', 2021, 'p1');
    expect(rollup?.counts.members).toMatchObject({ total: 11, rated: 8, excellent: 1, good: 6, complete: 1, pending: 3 });
    expect(children.map((c) => c.unitId)).toEqual(['b1']);
    await expectExact(2021);
  });

  it('redelivered batches change nothing, and collective ratings and states count', async () => {
    const before = await readRollup(store, 't1', 2021, 'p1');
    const d = await getDossier(store, 't1', 'c1', 2021);
    await updateDossier(store, 't1', 'c1', 2021, { from: ['draft'], expectedRev: d.rev, patch: { collective: { proposed: 'good', decided: 'good' }, state: 'submitted' }, action: 'x' }, { actor, at });
    const batches = await consumer.drain();
    for (const batch of batches) {
      const again = await (await import('@kd/jobs')).applyStreamBatch(store, batch);
      expect(again.report.ownWrites + again.report.rollupWrites).toBe(0);
    }
    const after = await readRollup(store, 't1', 2021, 'p1');
    expect(after.rollup?.counts.units).toMatchObject({ total: 5, rated: 1, good: 1, notRated: 4 });
    expect(after.rollup?.counts.workflow).toMatchObject({ submitted: 1, draft: 4 });
    // The secretary (M001, decided excellent) is capped at the collective's good (R-HEAD-01), as in the review.
    const was = before.rollup!.counts.members;
    expect(after.rollup?.counts.members).toEqual({ ...was, excellent: was.excellent - 1, good: was.good + 1 });
    await expectExact(2021);
  });

  it('follows members and units moving in an open campaign', async () => {
    const m = await requireMember(store, 't1', 'M002');
    await transferMember(store, 't1', m, await requireUnit(store, 't1', 'c3'), m.version, actor, at);
    await moveUnit(store, 't1', await requireUnit(store, 't1', 'c2'), await requireUnit(store, 't1', 'bc2'), undefined, actor, at);
    await consumer.drain();
    await expectExact(2021);
    const bc2 = await readRollup(store, 't1', 2021, 'bc2');
    expect(bc2.children.map((c) => c.unitId).sort()).toEqual(['c2', 'c3']);
  });

  it('reconcile finds nothing to repair after the consumer, and repairs drift', async () => {
    const clean = await reconcileTenant(store, 't1');
    expect(clean[0]).toMatchObject({ ownRepaired: [], rollupRepaired: [], quotaRepaired: [] });
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const { keys } = await import('@kd/data');
    await store.doc.send(new UpdateCommand({ TableName: store.tableName, Key: keys.rollupTotal('t1', 2021, 'b1'), UpdateExpression: 'ADD m_total :x', ExpressionAttributeValues: { ':x': 7 } }));
    const repaired = await reconcileTenant(store, 't1');
    expect(repaired[0]?.rollupRepaired).toEqual(['b1']);
    await expectExact(2021);
  });

  it('splits a batch that needs more than one transaction, and still adds up', async () => {
    const { seedTenant } = await import('../../packages/local/src/seed');
    const { Member } = await import('@kd/domain');
    const { applyUnits } = await import('@kd/jobs');
    const unit = (id: string, kind: 'province' | 'baseCommittee' | 'cell', path: string[]) => ({ id, name: `Đơn vị ${id}`, kind, parentId: path.at(-2) ?? null, path, foundedOn: '2010-01-01', closedOn: null, sector: null, version: 1 });
    const cells = Array.from({ length: 120 }, (_, i) => unit(`k${i}`, 'cell', ['P', 'BC', `k${i}`]));
    const members = cells.map((c, i) => Member.parse({ id: `B${i}`, unitId: c.id, fullName: `Đảng viên ${i}`, admittedOn: '2015-01-01', officialOn: '2016-01-01' }));
    await seedTenant(store, { tenantId: 'big', name: 'Tỉnh lớn', units: [unit('P', 'province', ['P']), unit('BC', 'baseCommittee', ['P', 'BC']), ...cells], members }, at);
    await putTestCampaign(store, 'big', 2021);
    for (const [i, c] of cells.entries()) {
      if (i % 3 === 0) await commitResults(store, 'big', c.id, 2021, [{ memberId: `B${i}`, facts: MemberFacts.parse({ decided: i % 2 ? 'excellent' : 'good' }) }], { actor, at });
    }
    const [year] = await loadRollupYears(store, 'big');
    const report = await applyUnits(store, 'big', year!, cells.map((c) => c.id));
    expect(report.failed).toEqual([]);
    expect(report.splits).toBeGreaterThan(0);
    expect(report.transactions).toBeGreaterThan(1);
    const oracle = await naiveRecount(store, 'big', year!, 'P');
    for (const id of ['P', 'BC']) expect((await readRollup(store, 'big', 2021, id)).rollup?.counts).toEqual(oracle.get(id));
  }, 180_000);
});
