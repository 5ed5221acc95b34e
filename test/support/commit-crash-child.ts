/**
 * A results commit in a process of its own, for test/integration/commit-crash.test.ts: it posts
 * a results file to the real app, and with KD_FAULT_KILL_AT=<point> it SIGKILLs itself at that
 * point of the commit, like a crash, a Lambda timeout or a lost connection would stop it.
 *
 *   npx tsx test/support/commit-crash-child.ts <dynamoEndpoint> <tableName> <csvFile> [year] [unitId] [tenant]
 *
 * (year 2021 and unit c1 of the fixture by default, posted by that cell's secretary).
 */
import { readFileSync } from 'node:fs';
import './env';
import { createStore, installKillAt } from '@kd/data';
import { localConfig } from '@kd/config';
import { createApp, loadLocalSigner, localClaims } from '@kd/api';
import { identities } from './fixture';

const [endpoint, tableName, csvFile, year = '2021', unitId = 'c1', tenant = 't1'] = process.argv.slice(2);
if (!endpoint || !tableName || !csvFile) throw new Error('usage: commit-crash-child <endpoint> <table> <csv>');

installKillAt(localConfig(process.cwd()).faultKillAt);
const signer = await loadLocalSigner(null);
const app = createApp({ store: createStore({ tableName, endpoint }), clock: () => new Date(), claims: localClaims(signer) });
const res = await app.request(`/api/v1/campaigns/${year}/units/${unitId}/results?dryRun=false`, {
  method: 'POST',
  headers: { authorization: `Bearer ${await signer.sign({ ...identities.cell, tenant, unit: unitId, sub: `crash-${tenant}-${unitId}` })}`, 'content-type': 'text/csv' },
  body: readFileSync(csvFile),
});
process.stdout.write(JSON.stringify({ status: res.status, body: await res.json() }));
