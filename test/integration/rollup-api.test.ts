import { beforeAll, describe, expect, it } from 'vitest';
// The app first: @hono/zod-openapi extends zod before any schema the routes describe is built.
import { createTestApp, type TestApp } from '../support/app';
import ExcelJS from 'exceljs';
import { commitResults, listYearRollups, moveUnit, requireUnit, type Store } from '@kd/data';
import { MemberFacts } from '@kd/domain';
import { reconcileTenant } from '@kd/jobs';
import { createTestStore } from '../support/store';
import { identities, seedFixture } from '../support/fixture';
import { putTestCampaign, streamConsumer } from '../support/rollups';

let store: Store;
let t: TestApp;
let consumer: ReturnType<typeof streamConsumer>;
let itemsRead = 0;
const actor = { sub: 's', name: 'Lê Hồng Vũ', role: 'cell_secretary', unit: 'c1' };

beforeAll(async () => {
  store = await createTestStore('rollupapi', { stream: true });
  // Counts every item DynamoDB returns to this store's client, whatever the command.
  store.raw.middlewareStack.add(
    (next) => async (args) => {
      const out = await next(args);
      const o = out.output as { Item?: unknown; Items?: unknown[]; Responses?: Record<string, unknown[]> };
      if (o.Item) itemsRead++;
      if (Array.isArray(o.Items)) itemsRead += o.Items.length;
      for (const list of Object.values(o.Responses ?? {})) if (Array.isArray(list)) itemsRead += list.length;
      return out;
    },
    { step: 'initialize', name: 'countItemsRead' },
  );
  await seedFixture(store);
  await putTestCampaign(store, 't1', 2021);
  const decided = ['excellent', 'excellent', 'good', 'good', 'good', 'good', 'complete', 'incomplete', 'good'] as const;
  await commitResults(store, 't1', 'c1', 2021, decided.map((d, i) => ({ memberId: `M00${i + 1}`, facts: MemberFacts.parse({ decided: d }) })), { actor, at: '2021-12-20T01:00:00Z' });
  await commitResults(store, 't1', 'c3', 2021, [{ memberId: 'M011', facts: MemberFacts.parse({ decided: 'good' }) }], { actor, at: '2021-12-20T01:00:00Z' });
  consumer = streamConsumer(store);
  await consumer.drain();
  t = await createTestApp(store);
});

describe('GET /campaigns/{year}/units/{unitId}/rollup', () => {
  it('answers the roll-up (docs/api.md) for the unit and its direct children', async () => {
    const res = await t.request('/api/v1/campaigns/2021/units/bc1/rollup', { as: identities.province });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(['asOf', 'children', 'kind', 'members', 'name', 'quota', 'scores', 'unitId', 'units', 'workflow', 'year']);
    expect(body).toMatchObject({
      unitId: 'bc1', name: 'Đảng ủy Sở Y tế', kind: 'baseCommittee', year: 2021,
      members: { total: 10, exempt: 0, suspended: 0, newMember: 0, absent: 0, pending: 1, rated: 9, excellent: 2, good: 5, complete: 1, incomplete: 1, disciplined: 0 },
      units: { total: 3, notRated: 3, rated: 0 },
      workflow: { draft: 3, submitted: 0, returned: 0, approved: 0 },
      // R-QUOTA-01 over the base committee's subtree: floor(20 % × 5) = 1 < 2 excellent.
      quota: { excellent: 2, good: 5, cap: 1, withinCap: false, breaches: 1 },
    });
    expect(body.children.map((c: { unitId: string }) => c.unitId)).toEqual(['c1', 'c2']);
    expect(Object.keys(body.children[0]).sort()).toEqual(['kind', 'members', 'name', 'quota', 'scores', 'unitId', 'units', 'workflow']);
    // Biểu 4 beside the ratings: nothing is scored under r2019.
    expect(body.scores).toEqual({ members: { scored: 0, from90: 0, from70: 0, from50: 0, below50: 0 }, units: { scored: 0, from90: 0, from70: 0, from50: 0, below50: 0 } });
    const province = await (await t.request('/api/v1/campaigns/2021/units/p1/rollup', { as: identities.province })).json();
    // Sums over the base organisations: bc1 (2, 5, cap 1, over) and bc2 (0, 1, cap 0).
    expect(province.quota).toEqual({ excellent: 2, good: 6, cap: 1, withinCap: false, breaches: 1 });
  });

  it('reads at most its direct children plus one item, and nothing else', async () => {
    for (const [unitId, children] of [['p1', 1], ['b1', 2], ['bc1', 2], ['c1', 1]] as const) {
      itemsRead = 0;
      const res = await t.request(`/api/v1/campaigns/2021/units/${unitId}/rollup`, { as: identities.province });
      expect(res.status).toBe(200);
      expect(itemsRead, unitId).toBeLessThanOrEqual(children + 1);
    }
  });

  it('exports Biểu 1 and Biểu 2 with the columns of docs/rulebooks.md ("Report tables") in Vietnamese', async () => {
    const res = await t.request('/api/v1/campaigns/2021/units/b1/bieu-2.xlsx', { as: identities.bloc });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = wb.worksheets[0]!;
    // The party header above the table, the signature block below it (printed on A4).
    const rowOf = (first: string, column = 1) => [...Array(sheet.rowCount).keys()].map((i) => i + 1).find((n) => sheet.getRow(n).getCell(column).value === first)!;
    const headers = (sheet.getRow(rowOf('(1) STT')).values as unknown[]).slice(1);
    expect(headers).toHaveLength(18);
    expect(headers[2]).toBe('(3) Tổng số đảng viên');
    expect(headers[7]).toBe('(8) Số được đánh giá, xếp loại');
    const totalRow = rowOf('Tổng cộng Đảng ủy Khối các cơ quan tỉnh', 2);
    const total = (sheet.getRow(totalRow).values as unknown[]).slice(1);
    expect(total[2]).toBe(11);
    expect(total[8]).toBe(2);
    expect(sheet.getRow(totalRow).getCell(10).numFmt).toBe('[$-42A]0.0 %');
    expect(sheet.pageSetup.paperSize).toBe(9);
    const b1 = await t.request('/api/v1/campaigns/2021/units/b1/bieu-1.xlsx', { as: identities.bloc });
    expect(b1.status).toBe(200);
  });
});

describe('a campaign rolls up against its own tree', () => {
  it('leaves 2021 unchanged when a cell moves to another base committee in the 2022 campaign', async () => {
    const snapshot = async () => {
      const { own, total } = await listYearRollups(store, 't1', 2021);
      return JSON.stringify([...total.values(), ...own.values()].map((r) => [r.unitId, r.parentId, r.path, r.counts]).sort());
    };
    const before = await snapshot();
    await putTestCampaign(store, 't1', 2022);
    await moveUnit(store, 't1', await requireUnit(store, 't1', 'c1'), await requireUnit(store, 't1', 'bc2'), undefined, actor, '2022-03-01T00:00:00Z');
    await consumer.drain();
    await reconcileTenant(store, 't1');
    expect(await snapshot()).toBe(before);
    const bc1In2021 = await (await t.request('/api/v1/campaigns/2021/units/bc1/rollup', { as: identities.province })).json();
    expect(bc1In2021.children.map((c: { unitId: string }) => c.unitId)).toEqual(['c1', 'c2']);
    const bc2In2022 = await (await t.request('/api/v1/campaigns/2022/units/bc2/rollup', { as: identities.province })).json();
    expect(bc2In2022.children.map((c: { unitId: string }) => c.unitId).sort()).toEqual(['c1', 'c3']);
    expect(bc2In2022.members.total).toBe(10);
  });
});
