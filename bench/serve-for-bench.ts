// A child process of the benchmark: the real app over DynamoDB Local (in memory, demo province
// seeded) and a bare Hono handler, each on its own 127.0.0.1 port. Prints one JSON line when ready.
import '../packages/local/src/no-network-env';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { createStore, ensureTable } from '@kd/data';
import { startDynamoLocal } from '../packages/local/src/dynamo-local';
import { seedTenant } from '../packages/local/src/seed';
import { generateDemo } from '../packages/local/src/demo';
import { createLocalApp } from '../packages/local/src/local-app';

const dynamo = await startDynamoLocal({ steady: true });
const store = createStore({ tableName: 'bench-api', endpoint: dynamo.endpoint });
await ensureTable(store);
const tenant = generateDemo().tenants[0]!;
await seedTenant(store, tenant, new Date().toISOString());
const { app, signer } = await createLocalApp({ store, dataDir: null, identities: tenant.identities });
const bare = new Hono().get('/units/:id', (c) => c.json({ id: c.req.param('id'), name: 'Chi bộ', children: [] }));
const listen = (fetch: (r: Request) => Response | Promise<Response>) =>
  new Promise<number>((resolve) => serve({ fetch, port: 0, hostname: '127.0.0.1' }, (i: AddressInfo) => resolve(i.port)));
const appPort = await listen(app.fetch);
const barePort = await listen(bare.fetch);
const province = tenant.identities.find((i) => i.role === 'province_board')!;
const token = await signer.sign(province);
console.log(JSON.stringify({ appPort, barePort, token, unitId: 'tv-duk-syt', endpoint: dynamo.endpoint }));
const stop = async () => {
  await dynamo.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
