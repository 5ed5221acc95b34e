import { beforeAll, describe, expect, it } from 'vitest';
// The app first: @hono/zod-openapi extends zod before any schema the routes describe is built.
import { createTestApp, type TestApp } from '../support/app';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { commitResults, getTenantMeta, listAllUnits, type Store } from '@kd/data';
import { MemberFacts, type Unit } from '@kd/domain';
import { reconcileTenant } from '@kd/jobs';
import type { Identity } from '@kd/api';
import { seedTenant } from '../../packages/local/src/seed';
import { createTestStore } from '../support/store';
import { dynamoEndpoint } from '../support/dynamo';
import { identities, seedFixture } from '../support/fixture';
import { putTestCampaign } from '../support/rollups';

/**
 * Two small provinces (t1, t2 of the fixture, each with its 2020 and 2021 campaigns) merged into
 * a third (t9) by the operator's command, run in a child process killed part-way and run again:
 * it resumes, verifies by counts, and a third run changes nothing. The successor's board then
 * reads each former province's 2020/2021 history; a former province's user reads but cannot write.
 */
const root = resolve(import.meta.dirname, '../..');
let store: Store;
let t: TestApp;
const actor = { sub: 's', name: 'Thử', role: 'province_board', unit: 'p1' };
const board: Identity = { tenant: 't9', unit: 'p9', role: 'province_board', name: 'Ban Tổ chức Tỉnh ủy Mới', sub: 'id-p9' };

function command(killAt: string | null): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  const env = { ...process.env };
  if (killAt) env.KD_FAULT_KILL_AT = killAt;
  else delete env.KD_FAULT_KILL_AT;
  const args = ['--import', 'tsx', 'packages/local/src/merge-provinces.ts', '--into', 't9', '--from', 't1,t2', '--on', '2025-07-01', '--endpoint', dynamoEndpoint(), '--table', store.tableName];
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((done) => child.once('exit', (code, signal) => done({ code, signal, out })));
}

const countsOf = (out: string) => JSON.parse(/^COUNTS (.*)$/m.exec(out)![1]!) as { tenant: string; units: { expected: number; copied: number }; members: { expected: number; copied: number } }[];

beforeAll(async () => {
  store = await createTestStore('provmerge');
  await seedFixture(store);
  const u = (id: string, kind: Unit['kind'], path: string[]): Unit => ({ id, name: id === 'p9' ? 'Tỉnh ủy Mới' : `Đơn vị ${id}`, kind, parentId: path.at(-2) ?? null, path, foundedOn: '2025-07-01', closedOn: null, sector: null, version: 1 });
  await seedTenant(store, { tenantId: 't9', name: 'Tỉnh ủy Mới', units: [u('p9', 'province', ['p9']), u('x9', 'baseCommittee', ['p9', 'x9'])], members: [] }, '2025-07-01T00:00:00Z');
  for (const [tenant, cell, members] of [['t1', 'c1', ['M001', 'M002']], ['t2', 'c9', ['Q001']]] as const) {
    for (const year of [2020, 2021]) {
      await putTestCampaign(store, tenant, year);
      await commitResults(store, tenant, cell, year, members.map((memberId, i) => ({ memberId, facts: MemberFacts.parse({ decided: year === 2020 && i === 0 ? 'excellent' : 'good' }) })), { actor, at: `${year}-12-15T01:00:00Z` });
    }
    await reconcileTenant(store, tenant);
  }
  t = await createTestApp(store, '2025-08-01T03:00:00.000Z');
});

describe('merging provinces', () => {
  it('is interrupted, resumed to the counts it verifies, and idempotent', async () => {
    const killed = await command('provinceMergeStep#4');
    expect(killed.signal, killed.out).toBe('SIGKILL');
    expect((await getTenantMeta(store, 't1'))!.frozen).toMatchObject({ successorTenant: 't9', on: '2025-07-01' });

    const resumed = await command(null);
    expect(resumed.code, resumed.out).toBe(0);
    expect(countsOf(resumed.out)).toEqual([
      { tenant: 't1', units: { expected: 7, copied: 7 }, members: { expected: 11, copied: 11 } },
      { tenant: 't2', units: { expected: 3, copied: 3 }, members: { expected: 1, copied: 1 } },
    ]);
    const tree = await listAllUnits(store, 't9');
    expect(tree.find((u) => u.id === 't1-c1')).toMatchObject({ parentId: 't1-bc1', path: ['p9', 't1-b1', 't1-bc1', 't1-c1'], lineage: [{ tenant: 't1', unitId: 'c1' }], foundedOn: '2025-07-01', memberCount: 9 });

    const again = await command(null);
    expect(again.code, again.out).toBe(0);
    expect(countsOf(again.out)).toEqual(countsOf(resumed.out));
    expect(await listAllUnits(store, 't9')).toEqual(tree);
    console.log(`province merge: ${resumed.out.split('\n').filter((l) => l.includes('→')).join('; ')}`);
  });

  it('lets the merged board read each former province’s 2020 and 2021 history', async () => {
    for (const [tenant, rootId] of [['t1', 'p1'], ['t2', 'p2']] as const) {
      for (const year of [2020, 2021]) {
        const archived = await t.request(`/api/v1/archives/${tenant}/campaigns/${year}/units/${rootId}/rollup`, { as: board });
        expect(archived.status).toBe(200);
        const own = await t.request(`/api/v1/campaigns/${year}/units/${rootId}/rollup`, { as: tenant === 't1' ? identities.province : identities.otherTenant });
        expect(await archived.json()).toEqual(await own.json());
      }
    }
    const page = await t.request('/archives/t1/2020/units/bc1', { as: board });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Đảng ủy Sở Y tế — năm 2020');
    const home = await (await t.request('/units/p9', { as: board })).text();
    expect(home).toContain('href="/archives/t1/2021/units/p1"');
    expect(home).toContain('href="/archives/t2/2020/units/p2"');
    // Below the root, a unit reads what it continues, and only that.
    const continuing: Identity = { tenant: 't9', unit: 't1-bc1', role: 'base_committee', name: 'Đảng ủy Sở Y tế', sub: 'id-t9-bc1' };
    expect((await t.request('/api/v1/archives/t1/campaigns/2021/units/c1/rollup', { as: continuing })).status).toBe(200);
    expect((await t.request('/api/v1/archives/t1/campaigns/2021/units/bc2/rollup', { as: continuing })).status).toBe(403);
    expect((await t.request('/api/v1/archives/t1/campaigns/2021/units/p1/rollup', { as: identities.otherTenant })).status).toBe(404);
  });

  it('leaves a former province readable but not writable, its users told where it went', async () => {
    expect((await t.request('/api/v1/units/c1', { as: identities.province })).status).toBe(200);
    const write = await t.request('/api/v1/units/c1', { as: identities.province, method: 'PATCH', body: JSON.stringify({ name: 'Tên mới' }) });
    expect(write.status).toBe(409);
    const error = (await write.json()).error;
    expect(error.code).toBe('TENANT_FROZEN');
    expect(error.message).toContain('Tỉnh ủy Mới từ ngày 01/07/2025');
    const page = await (await t.request('/units/c1', { as: identities.cell })).text();
    expect(page).toContain('data-testid="tenant-notice"');
    expect(page).toContain('đã hợp nhất vào Tỉnh ủy Mới');
    // The successor's own pages carry no such notice, and it writes as before.
    expect(await (await t.request('/units/p9', { as: board })).text()).not.toContain('tenant-notice');
    expect((await t.request('/api/v1/units/x9', { as: board, method: 'PATCH', body: JSON.stringify({ name: 'Đảng ủy xã Mới' }) })).status).toBe(200);
  });
});
