import { beforeAll, describe, expect, it } from 'vitest';
// The app first: @hono/zod-openapi extends zod before any schema the routes describe is built.
import { createTestApp, type TestApp } from '../support/app';
import { commitResults, getMember, getUnit, listYearRollups, lockTree, unlockTree, type Store } from '@kd/data';
import { MemberFacts, zeroCounts, type Unit } from '@kd/domain';
import { loadRollupYears, naiveRecount } from '@kd/jobs';
import { seedTenant } from '../../packages/local/src/seed';
import { createTestStore } from '../support/store';
import { identities, seedFixture } from '../support/fixture';
import type { Identity } from '@kd/api';
import { putTestCampaign, streamConsumer } from '../support/rollups';

/**
 * Merges, splits and large moves through the API (docs/tree-history.md): each answers 202 with a
 * job that runs in the app's process, the tree and the members end where the event puts them,
 * both ways linked and audited, and a campaign rolls up against its tree on its rating date.
 */
let store: Store;
let t: TestApp;
let consumer: ReturnType<typeof streamConsumer>;
const actor = { sub: 's', name: 'Lê Hồng Vũ', role: 'cell_secretary', unit: 'c1' };

async function post(path: string, body: unknown, as: Identity = identities.bloc) {
  return t.request(path, { as, method: 'POST', body: JSON.stringify(body) });
}

async function runJob(res: Response, as: Parameters<TestApp['token']>[0] = identities.province) {
  expect(res.status, await res.clone().text()).toBe(202);
  const job = await res.json();
  await t.treeJobsIdle();
  const done = await (await t.request(job.statusUrl, { as })).json();
  expect(done).toMatchObject({ state: 'done', phase: 'done', flipped: true });
  return done;
}

async function expectExact(tenant: string, year: number, root: string) {
  await consumer.drain();
  const y = (await loadRollupYears(store, tenant)).find((c) => c.campaign.year === year)!;
  const oracle = await naiveRecount(store, tenant, y, root);
  const { total } = await listYearRollups(store, tenant, year, 'ROLLUP');
  // A frozen campaign has no items for units founded after it: they count nothing there.
  for (const [unitId, counts] of oracle) expect({ unitId, counts: total.get(unitId)?.counts ?? zeroCounts() }).toEqual({ unitId, counts });
  return oracle;
}

beforeAll(async () => {
  store = await createTestStore('treejobs', { stream: true });
  await seedFixture(store);
  await putTestCampaign(store, 't1', 2021);
  await commitResults(store, 't1', 'c1', 2021, ['M001', 'M002', 'M003'].map((memberId) => ({ memberId, facts: MemberFacts.parse({ decided: 'good' }) })), { actor, at: '2021-12-15T01:00:00Z' });
  await commitResults(store, 't1', 'c3', 2021, [{ memberId: 'M011', facts: MemberFacts.parse({ decided: 'excellent' }) }], { actor, at: '2021-12-15T01:00:00Z' });
  consumer = streamConsumer(store);
  await consumer.drain();
  t = await createTestApp(store);
});

describe('tree jobs', () => {
  it('merges two cells into a new one: children, members and links follow, dated and audited', async () => {
    expect((await post('/api/v1/units/bc1/children', { id: 'c12', name: 'Chi bộ Bệnh viện Phổi và Văn phòng', kind: 'cell', foundedOn: '2021-12-10' })).status).toBe(201);
    const job = await runJob(await post('/api/v1/units/c12/merge', { sourceIds: ['c1', 'c2'], on: '2021-12-10' }));
    expect(job.progress).toMatchObject({ membersCarried: 10, unitsStaged: job.units, unitsSettled: job.units });

    const bc1 = await (await t.request('/api/v1/units/bc1', { as: identities.bloc })).json();
    expect(bc1.children.map((c: { id: string }) => c.id)).toEqual(['c12']);
    const c12 = await (await t.request('/api/v1/units/c12', { as: identities.bloc })).json();
    expect(c12).toMatchObject({ memberCount: 10, predecessorIds: ['c1', 'c2'] });
    expect(c12.children.map((c: { id: string; path: string[] }) => [c.id, c.path])).toEqual([['g1', ['p1', 'b1', 'bc1', 'c12', 'g1']]]);
    const c1 = (await getUnit(store, 't1', 'c1'))!;
    expect(c1).toMatchObject({ closedOn: '2021-12-10', successorIds: ['c12'], memberCount: 0 });
    expect(c1.formerMemberIds?.sort()).toEqual(['M001', 'M002', 'M003', 'M004', 'M005', 'M006', 'M007', 'M008', 'M009']);
    const m1 = (await getMember(store, 't1', 'M001'))!;
    expect(m1).toMatchObject({ unitId: 'c12', groupId: 'g1' });
    expect(m1.cells).toEqual([{ unitId: 'c1', from: null, to: '2021-12-10', via: null }, { unitId: 'c12', from: '2021-12-10', to: null, via: 'merge' }]);
    const audit = await (await t.request('/api/v1/units/c12/audit', { as: identities.bloc })).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).toContain('unit.merge');
    const c1Audit = await (await t.request('/api/v1/units/c1/audit', { as: identities.bloc })).json();
    expect(c1Audit.entries[0]).toMatchObject({ action: 'unit.mergedInto', after: { successorId: 'c12', on: '2021-12-10' } });

    // Dated before the 2021 rating date: the 2021 campaign rolls up against the merged cell.
    const oracle = await expectExact('t1', 2021, 'p1');
    expect(oracle.get('c12')!.members.total).toBe(10);
    const bc1Rollup = await (await t.request('/api/v1/campaigns/2021/units/bc1/rollup', { as: identities.bloc })).json();
    expect(bc1Rollup.children.map((c: { unitId: string }) => c.unitId)).toEqual(['c12']);
  });

  it('a merge dated after the rating date belongs to the next campaign: the open 2021 campaign keeps its tree', async () => {
    t.setNow('2022-01-10T03:00:00.000Z');
    const before = await expectExact('t1', 2021, 'p1');
    expect((await post('/api/v1/units/bc2/children', { id: 'c39', name: 'Chi bộ Ngân sách và Kho bạc', kind: 'cell', foundedOn: '2022-01-05' })).status).toBe(201);
    await runJob(await post('/api/v1/units/c39/merge', { sourceIds: ['c3'], on: '2022-01-05' }));
    const after = await expectExact('t1', 2021, 'p1');
    expect(after.get('c3')).toEqual(before.get('c3'));
    expect(after.get('bc2')).toEqual(before.get('bc2'));
    expect(after.get('c3')!.members.excellent).toBe(1);
    const bc2Rollup = await (await t.request('/api/v1/campaigns/2021/units/bc2/rollup', { as: identities.bloc })).json();
    expect(bc2Rollup.children.map((c: { unitId: string }) => c.unitId)).toEqual(['c3']);
    // The 2022 campaign, once opened, rolls up against the tree after the merge.
    await putTestCampaign(store, 't1', 2022);
    const y2022 = await expectExact('t1', 2022, 'p1');
    expect(y2022.get('c39')!.members.total).toBe(1);
    expect(y2022.get('c3')!.members.total).toBe(0);

    // The successor's page tells its history: founded, the merge, and its predecessor with the
    // campaign the predecessor was rated in; the predecessor's page names its successor.
    const page = await (await t.request('/units/c39', { as: identities.bloc })).text();
    expect(page).toContain('data-testid="unit-history"');
    expect(page).toMatch(/data-testid="unit-periods"[\s\S]*05\/01\/2022/);
    expect(page).toMatch(/data-testid="predecessors"[\s\S]*href="\/units\/c3"[\s\S]*href="\/dashboard\/2021\/units\/c3"/);
    expect(page).not.toContain('href="/dashboard/2022/units/c3"');
    const c3Page = await (await t.request('/units/c3', { as: identities.bloc })).text();
    expect(c3Page).toMatch(/data-testid="successors"[\s\S]*href="\/units\/c39"/);
  });

  it('splits a cell: each member and group goes to the successor it is given, the rest is refused', async () => {
    for (const id of ['c12a', 'c12b']) expect((await post('/api/v1/units/bc1/children', { id, name: `Chi bộ ${id}`, kind: 'cell', foundedOn: '2022-01-08' })).status).toBe(201);
    const missing = await post('/api/v1/units/c12/split', { on: '2022-01-08', successors: [{ unitId: 'c12a', childIds: ['g1'], memberIds: ['M001'] }, { unitId: 'c12b' }] });
    expect(missing.status).toBe(422);
    expect((await missing.json()).error.code).toBe('SPLIT_UNASSIGNED');
    // The refusal released the tree.
    expect((await t.request('/api/v1/units/c12b', { as: identities.bloc, method: 'PATCH', body: JSON.stringify({ name: 'Chi bộ Văn phòng Sở', on: '2022-01-08' }) })).status).toBe(200);
    const first = ['M001', 'M002', 'M003', 'M004', 'M005'];
    const rest = ['M006', 'M007', 'M008', 'M009', 'M010'];
    const job = await runJob(await post('/api/v1/units/c12/split', { on: '2022-01-08', successors: [{ unitId: 'c12a', childIds: ['g1'], memberIds: first }, { unitId: 'c12b', memberIds: rest }] }));
    expect(job.progress.membersCarried).toBe(10);
    expect((await getUnit(store, 't1', 'c12'))).toMatchObject({ closedOn: '2022-01-08', successorIds: ['c12a', 'c12b'], memberCount: 0 });
    expect((await getUnit(store, 't1', 'c12a'))).toMatchObject({ memberCount: 5, predecessorIds: ['c12'] });
    expect((await getUnit(store, 't1', 'g1'))!.path).toEqual(['p1', 'b1', 'bc1', 'c12a', 'g1']);
    expect((await getMember(store, 't1', 'M007'))).toMatchObject({ unitId: 'c12b', groupId: null });
    await expectExact('t1', 2022, 'p1');
    await expectExact('t1', 2021, 'p1');
  });

  it('refuses structural changes while a job holds the tree', async () => {
    await lockTree(store, 't1', 'tj-held', '2022-01-10T03:00:00.000Z');
    const busy = await t.request('/api/v1/units/c39', { as: identities.bloc, method: 'PATCH', body: JSON.stringify({ name: 'Tên khác' }) });
    expect(busy.status).toBe(409);
    expect((await busy.json()).error.code).toBe('TREE_BUSY');
    expect((await post('/api/v1/units/c39/merge', { sourceIds: ['c12a'], on: '2022-01-09' })).status).toBe(409);
    await unlockTree(store, 't1', 'tj-held');
  });

  it('moves a subtree larger than one transaction as a job (202), descendants following', async () => {
    const u = (id: string, kind: Unit['kind'], path: string[]): Unit => ({ id, name: `Đơn vị ${id}`, kind, parentId: path.at(-2) ?? null, path, foundedOn: '2010-01-01', closedOn: null, sector: null, version: 1 });
    const cells = Array.from({ length: 110 }, (_, i) => u(`k${i}`, 'cell', ['P', 'X', 'BC', `k${i}`]));
    await seedTenant(store, { tenantId: 't3', name: 'Tỉnh lớn', units: [u('P', 'province', ['P']), u('X', 'bloc', ['P', 'X']), u('Y', 'bloc', ['P', 'Y']), u('BC', 'baseCommittee', ['P', 'X', 'BC']), ...cells], members: [] }, '2021-12-01T00:00:00Z');
    const board = { tenant: 't3', unit: 'P', role: 'province_board' as const, name: 'Ban Tổ chức', sub: 'id-t3' };
    const job = await runJob(await post('/api/v1/units/BC/move', { parentId: 'Y', on: '2022-01-10' }, board), board);
    expect(job).toMatchObject({ kind: 'move', units: 112 });
    const subtree = await (await t.request('/api/v1/units/Y/subtree', { as: board })).json();
    expect(subtree.units).toHaveLength(112);
    expect(subtree.units.every((x: { path: string[] }) => x.path[1] === 'Y')).toBe(true);
    expect((await getUnit(store, 't3', 'X'))!.formerChildIds).toEqual(['BC']);
  });
});
