import { afterEach, beforeAll, describe, expect, it } from 'vitest';
// The app first: @hono/zod-openapi extends zod before any schema the routes describe is built.
import { createTestApp, type TestApp } from '../support/app';
import { getTenantMeta, getUnit, installFaultHook, listAllUnits, listUnitMembers, type Store } from '@kd/data';
import { reconcileTenant } from '@kd/jobs';
import { ReportContent, lateUnits, reportEmail } from '@kd/domain';
import type { Identity } from '@kd/api';
import { generateDemo, reorganise2025 } from '@kd/local';
import { seedTenant } from '../../packages/local/src/seed';
import { seedDemoCampaigns } from '../../packages/local/src/seed-demo-campaigns';
import { createTestStore } from '../support/store';

/**
 * The demo's 2025 story on the demo itself (docs/tree-history.md): Trà Vinh merged into Vĩnh Long
 * as of 1/7/2025, interrupted in the province merge and again inside a tree job, resumed to the
 * counts it verifies; the new tree has ward committees above base organisations, the two
 * province-level committees in place of the blocs and merged departments with their predecessors;
 * Vĩnh Long's 2026 review is seeded on it and rolls up against it while Trà Vinh's 2021 keeps its own tree.
 */
let store: Store;
let t: TestApp;
let now = new Date('2026-11-30T03:00:00.000Z');
const deps = () => ({ store, clock: () => now });
const vlBoard: Identity = { tenant: 'vinh-long', unit: 'vl', role: 'province_board', name: 'Ban Tổ chức Tỉnh ủy Vĩnh Long', sub: 'demo-vl-province' };
const htBoard: Identity = { tenant: 'ha-tinh', unit: 'ht', role: 'province_board', name: 'Ban Tổ chức Tỉnh ủy Hà Tĩnh', sub: 'demo-ht-province' };
const tvSecretary: Identity = { tenant: 'tra-vinh', unit: 'tv-duk-syt-bvp', role: 'cell_secretary', name: 'Lê Hồng Vũ', sub: 'demo-tv-bvp' };

/** Throws at the n-th passage of a point: the runner stops there, as a crashed process would. */
function failAt(point: string, nth: number) {
  let seen = 0;
  installFaultHook((p) => {
    if (p === point && ++seen === nth) throw new Error(`stopped at ${point}#${nth}`);
  });
}
afterEach(() => installFaultHook(undefined));

beforeAll(async () => {
  store = await createTestStore('demo2025');
  for (const tenant of generateDemo().tenants) {
    await seedTenant(store, tenant, '2021-12-01T00:00:00.000Z', async () => void (await seedDemoCampaigns(store, tenant, '2021-12-01T00:00:00.000Z')));
    await reconcileTenant(store, tenant.tenantId);
  }
  t = await createTestApp(store, now.toISOString());
}, 1_200_000);

describe('the demo’s 2025 story', () => {
  it('is interrupted in the province merge and inside a tree job, and resumes to the same end', async () => {
    failAt('provinceMergeStep', 30);
    await expect(reorganise2025(deps())).rejects.toThrow('provinceMergeStep#30');
    expect((await getTenantMeta(store, 'tra-vinh'))!.frozen).toMatchObject({ successorTenant: 'vinh-long', on: '2025-07-01' });
    failAt('treeJobStep', 12);
    await expect(reorganise2025(deps())).rejects.toThrow('treeJobStep#12');
    // The stopped runner's lease runs out; the next run takes the job up where it stood.
    now = new Date(now.getTime() + 5 * 60_000);
    const done = await reorganise2025(deps());
    expect(done.counts).toEqual([{ tenant: 'tra-vinh', units: { expected: 200, copied: 200 }, members: { expected: 2927, copied: 2927 } }]);
    const tree = await listAllUnits(store, 'vinh-long');
    const again = await reorganise2025(deps());
    expect(again).toEqual({ counts: done.counts, steps: 0 });
    expect(await listAllUnits(store, 'vinh-long')).toEqual(tree);
  }, 1_200_000);

  it('builds the 2026 tree: ward committees above base organisations, two committees for the blocs, merged departments', async () => {
    const unit = (id: string) => getUnit(store, 'vinh-long', id);
    expect(await unit('vl-ptv')).toMatchObject({ kind: 'bloc', parentId: 'vl', foundedOn: '2025-07-01', predecessorIds: expect.arrayContaining(['tra-vinh-tv-ttv', 'tra-vinh-tv-ttv-p1', 'tra-vinh-tv-ttv-p9']) });
    expect(await unit('tra-vinh-tv-ttv-p7-k2')).toMatchObject({ kind: 'cell', parentId: 'vl-ptv', name: 'Chi bộ Khóm 2 (Phường 7 cũ)' });
    expect(await unit('tra-vinh-tv-ttv-vhtt')).toMatchObject({ kind: 'baseCell', parentId: 'vl-ptv' });
    expect(await unit('tra-vinh-tv-ttv')).toMatchObject({ closedOn: '2025-07-01', successorIds: ['vl-pld', 'vl-ptv'] });
    expect(await unit('vl-duk')).toMatchObject({ closedOn: '2025-07-01', successorIds: ['vl-dubnd', 'vl-dcqd'] });
    expect(await unit('tra-vinh-tv-duk-btv')).toMatchObject({ parentId: 'vl-dcqd' });
    expect(await unit('vl-dubnd-syt')).toMatchObject({ parentId: 'vl-dubnd', predecessorIds: ['vl-duk-syt', 'tra-vinh-tv-duk-syt'] });
    expect(await unit('tra-vinh-tv-duk-syt-bvp')).toMatchObject({ parentId: 'vl-dubnd-syt', lineage: [{ tenant: 'tra-vinh', unitId: 'tv-duk-syt-bvp' }] });
    const office = await listUnitMembers(store, 'vinh-long', 'vl-dubnd-syt-vp');
    const [vlOffice, tvOffice] = await Promise.all([getUnit(store, 'vinh-long', 'vl-duk-syt-vp'), getUnit(store, 'tra-vinh', 'tv-duk-syt-vp')]);
    const seeded = generateDemo().tenants.flatMap((x) => x.members.filter((m) => m.unitId === (x.tenantId === 'vinh-long' ? 'vl-duk-syt-vp' : 'tv-duk-syt-vp')));
    expect(office.map((m) => m.id).sort()).toEqual(seeded.map((m) => m.id).sort());
    expect(vlOffice).toMatchObject({ closedOn: '2025-07-01', successorIds: ['vl-dubnd-syt-vp'] });
    expect(tvOffice?.closedOn).toBeNull();
    // Each carried member's cells are dated: the old office until 1/7/2025, the merged one since.
    expect(office.every((m) => m.cells?.at(-1)?.from === '2025-07-01' && m.cells.at(-1)?.unitId === 'vl-dubnd-syt-vp')).toBe(true);
  });

  it('rolls the 2026 campaign up against the new tree while Trà Vinh’s 2021 keeps its own', async () => {
    await reconcileTenant(store, 'vinh-long');
    const children = async (year: number, unitId: string) => {
      const res = await t.request(`/api/v1/campaigns/${year}/units/${unitId}/rollup`, { as: vlBoard });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { members: { total: number }; children: { unitId: string; members: { total: number } }[] };
      return { total: body.members.total, ids: body.children.map((c) => c.unitId).sort(), byId: new Map(body.children.map((c) => [c.unitId, c.members.total])) };
    };
    const y2026 = await children(2026, 'vl');
    expect(y2026.ids).toEqual(['tra-vinh-tv-bchqs', 'tra-vinh-tv-bdbp', 'vl-dcqd', 'vl-dubnd', 'vl-pld', 'vl-ptv']);
    expect(y2026.total).toBe(100 + 2927);
    expect((await children(2026, 'vl-ptv')).ids).toContain('tra-vinh-tv-ttv-p7-k2');
    // The review in progress on the new tree: the merged departments' cells approved and submitted.
    const health = (await (await t.request('/api/v1/campaigns/2026/units/vl-dubnd-syt/rollup', { as: vlBoard })).json()) as { workflow: { approved: number; submitted: number } };
    expect(health.workflow.approved).toBeGreaterThanOrEqual(1);
    expect(health.workflow.submitted).toBeGreaterThanOrEqual(1);
    // Trà Vinh's 2021, read through the grant, keeps its own tree.
    const archived = (await (await t.request('/api/v1/archives/tra-vinh/campaigns/2021/units/tv/rollup', { as: vlBoard })).json()) as { members: { total: number }; children: { unitId: string }[] };
    expect(archived.children.map((c) => c.unitId).sort()).toEqual(['tv-bchqs', 'tv-bdbp', 'tv-duk', 'tv-ttv']);
    expect(archived.members.total).toBe(2927);
  });

  it('lets Vĩnh Long’s board read Trà Vinh’s 2020 and 2021; Trà Vinh reads but cannot write; Hà Tĩnh sees none of it', async () => {
    for (const year of [2020, 2021]) {
      expect((await t.request(`/api/v1/archives/tra-vinh/campaigns/${year}/units/tv/rollup`, { as: vlBoard })).status).toBe(200);
      expect((await t.request(`/api/v1/archives/tra-vinh/campaigns/${year}/units/tv/rollup`, { as: htBoard })).status).toBe(404);
    }
    expect((await t.request('/api/v1/units/tv-duk-syt-bvp', { as: tvSecretary })).status).toBe(200);
    const write = await t.request('/api/v1/units/tv-duk-syt-bvp', { as: tvSecretary, method: 'PATCH', body: JSON.stringify({ name: 'Tên mới' }) });
    expect(write.status).toBe(409);
    expect((await write.json()).error.code).toBe('TENANT_FROZEN');
    expect((await t.request('/api/v1/units/vl-ptv', { as: htBoard })).status).toBe(404);
    expect((await t.request('/api/v1/units/ht', { as: htBoard })).status).toBe(200);
  });

  it('mails Vĩnh Long’s 2026 deadline reports in under 100 lines, naming each unit’s direct parent (today, and after the last milestone)', async () => {
    const units = await listAllUnits(store, 'vinh-long');
    const byId = new Map(units.map((u) => [u.id, u]));
    for (const [at, atLeast] of [['2026-12-01T07:00:00+07:00', 50], ['2027-01-20T07:00:00+07:00', 100]] as const) {
      t.setNow(at);
      const res = await t.request('/api/v1/units/vl/reports?year=2026', { method: 'POST', as: vlBoard });
      expect(res.status, await res.clone().text()).toBe(201);
      const content = ReportContent.parse((await res.json()).content);
      const late = lateUnits(content);
      const lines = reportEmail(content, { report: 'http://localhost/r', lateUnits: 'http://localhost/l' }).text.split('\n');
      expect(late.length, at).toBeGreaterThan(atLeast);
      expect(lines.length, `${at}: ${late.length} late items`).toBeLessThan(100);
      const ranked = lines.filter((l) => /^ {2}\d+\. /.test(l));
      expect(ranked).toHaveLength(Math.min(10, new Set(late.map((l) => l.unitId)).size));
      for (const item of late) expect(item.parentName, item.unitId).toBe(byId.get(byId.get(item.unitId)!.parentId!)!.name);
      for (const l of ranked) expect(units.some((u) => l.includes(`${u.name} — trực thuộc ${byId.get(u.parentId ?? '')?.name}:`)), l).toBe(true);
    }
  });
});
