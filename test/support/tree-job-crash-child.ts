/**
 * A bloc merge in a process of its own, for test/integration/tree-job-crash.test.ts: it asks the
 * real app to merge bloc BX into bloc BY and runs the job in-process, as `npm start` does; with
 * KD_FAULT_KILL_AT=treeJobStep#<n> it SIGKILLs itself at the n-th step, mid-job.
 *
 *   node --import tsx test/support/tree-job-crash-child.ts <dynamoEndpoint> <tableName> <tenant>
 */
import './env';
import { createStore, installKillAt } from '@kd/data';
import { localConfig } from '@kd/config';
import { createApp, loadLocalSigner, localClaims } from '@kd/api';
import { inProcessTreeJobs } from '@kd/jobs';

const [endpoint, tableName, tenant] = process.argv.slice(2);
if (!endpoint || !tableName || !tenant) throw new Error('usage: tree-job-crash-child <endpoint> <table> <tenant>');

installKillAt(localConfig(process.cwd()).faultKillAt);
const store = createStore({ tableName, endpoint });
const signer = await loadLocalSigner(null);
const treeJobs = inProcessTreeJobs(store);
const app = createApp({ store, clock: () => new Date('2025-07-10T03:00:00Z'), claims: localClaims(signer), treeJobs });
const token = await signer.sign({ tenant, unit: 'P', role: 'province_board', name: 'Ban Tổ chức Tỉnh ủy', sub: 'crash-child' });
const res = await app.request('/api/v1/units/BY/merge', {
  method: 'POST',
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  body: JSON.stringify({ sourceIds: ['BX'], on: '2025-07-01' }),
});
process.stdout.write(`${JSON.stringify({ status: res.status, body: await res.json() })}\n`);
await treeJobs.idle();
process.stdout.write('idle\n');
