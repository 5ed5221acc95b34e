import { beforeAll, describe, expect, it } from 'vitest';
import { readMassesRollup, type Store } from '@kd/data';
import { massesInvariantBreaks, recountMasses, traVinhMassesSettings, type Caller } from '@kd/domain';
import { loadMassesRollup } from '@kd/services';
import { naiveMassesRecount, reconcileAll, type MassesReconcileReport } from '@kd/jobs';
import { demoMasses2020, generateDemo, MASSES_DEMO_BLOC, seedCampaigns, seedMasses2020, seedTenant, SEEDS_CLOSED_AT } from '@kd/local';
import { createTestStore } from '../support/store';

/**
 * The demo's 2020 review before the masses (Trà Vinh's bloc, seed 002) seeded into a fresh table as
 * `npm start` seeds it (units, the closed campaigns, the masses items; members are not needed for
 * Biểu 5), then the reconcile the stream poller runs on a fresh database: the bloc's Biểu 5, read
 * through the service, equals a recount of its subtree from the table.
 */
const traVinh = generateDemo().tenants.find((t) => t.tenantId === 'tra-vinh')!;
const at = '2026-05-04T02:00:00.000Z';
const year = { year: 2020, settings: traVinhMassesSettings, frozen: true };
const board: Caller = { sub: 'demo-tv-bloc', name: 'Ban Tổ chức Đảng ủy Khối', tenant: 'tra-vinh', unit: MASSES_DEMO_BLOC, role: 'bloc_board' };
let store: Store;
const reports: MassesReconcileReport[] = [];

beforeAll(async () => {
  store = await createTestStore('masses-demo');
  await seedTenant(store, { ...traVinh, members: [] }, at, async () => {
    await seedCampaigns(store, traVinh, at, { results: false, closedAt: SEEDS_CLOSED_AT });
    await seedMasses2020(store, traVinh, at);
  });
  await reconcileAll(store, { tenants: [traVinh.tenantId], onMasses: (r) => reports.push(r) });
}, 120_000);

describe('the demo’s 2020 masses review through the table', () => {
  it('is picked up by the fresh-database reconcile, which builds its Biểu 5 whole', () => {
    expect(reports.map((r) => ({ year: r.year, built: r.built }))).toEqual([{ year: 2020, built: true }]);
  });

  it('gives the bloc a Biểu 5, through the service, equal to a recount of its subtree', async () => {
    const view = await loadMassesRollup({ store, clock: () => new Date(at) }, board, 2020, MASSES_DEMO_BLOC);
    const { year: _y, unitId: _u, name: _n, children, ...counts } = view;
    const oracle = await naiveMassesRecount(store, traVinh.tenantId, year, MASSES_DEMO_BLOC);
    expect(counts).toEqual(oracle);
    expect(massesInvariantBreaks(oracle)).toEqual([]);
    // …and to what the pure builder put in, so the recount is not of an empty table.
    const demo = demoMasses2020(traVinh, '2026-05-04');
    expect(oracle).toEqual(recountMasses(MASSES_DEMO_BLOC, { units: traVinh.units, ...demo }, demo.settings));
    expect(oracle.sessionsHeld).toBeGreaterThan(50);
    expect(oracle.comments.dissenting).toBeGreaterThan(0);
    expect(oracle.unitsRequired).toBeLessThan(oracle.units);
    for (const child of children) {
      const { unitId, name: _cn, ...childCounts } = child;
      expect({ unitId, counts: childCounts }).toEqual({ unitId, counts: await naiveMassesRecount(store, traVinh.tenantId, year, unitId) });
    }
  });

  it('adds up to the province, whose Biểu 5 is the bloc’s (no other masses review in the tenant)', async () => {
    const root = traVinh.units.find((u) => u.parentId === null)!;
    const { rollup } = await readMassesRollup(store, traVinh.tenantId, 2020, root.id);
    expect(rollup?.counts).toEqual(await naiveMassesRecount(store, traVinh.tenantId, year, MASSES_DEMO_BLOC));
  });
});
