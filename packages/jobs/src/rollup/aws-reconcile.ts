import middy from '@middy/core';
import { z } from 'zod';
import { lambdaConfig } from '@kd/config';
import { createStore, type Store } from '@kd/data';
import { reconcileAll, type ReconcileReport } from './reconcile';

/** The schedule sends nothing; a manual run may name tenants. */
const ReconcileEvent = z.object({ tenants: z.array(z.string().min(1)).optional() }).loose().nullish();

let store: Store | undefined;

/** The nightly reconcile: recomputes every roll-up, repairs drift and logs what it repaired. */
export const reconcileHandler = middy<unknown, { reports: Omit<ReconcileReport, 'apply'>[] }>().handler(async (event) => {
  const env = lambdaConfig('reconcile');
  store ??= createStore({ tableName: env.TABLE_NAME, region: env.AWS_REGION });
  const input = ReconcileEvent.parse(event ?? null);
  const reports = await reconcileAll(store, {
    tenants: input?.tenants,
    onMasses: (m) => console.log(JSON.stringify({ msg: 'rollup.masses.reconcile', tenant: m.tenant, year: m.year, built: m.built, ownRepaired: m.ownRepaired.length, rollupRepaired: m.rollupRepaired.length, skipped: m.skipped.length })),
  });
  const summary = reports.map(({ apply: _apply, ...r }) => r);
  for (const r of summary) {
    console.log(JSON.stringify({ msg: 'rollup.reconcile', tenant: r.tenant, year: r.year, frozen: r.frozen, built: r.built, ownRepaired: r.ownRepaired.length, rollupRepaired: r.rollupRepaired.length, quotaRepaired: r.quotaRepaired.length, skipped: r.skipped.length, ms: r.ms }));
  }
  return { reports: summary };
});
