// A child process of the load benchmark (bench/load.ts): the app as `npm start` serves it, over
// the parent's DynamoDB Local, with the roll-up stream consumer running. Prints one JSON line
// ({port}) when ready; the signing key is the parent's (`<dataDir>/jwt-es256.json`).
import '../packages/local/src/no-network-env';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createStore } from '@kd/data';
import { createLocalApp } from '../packages/local/src/local-app';
import { streamPoller } from '../packages/local/src/stream-poller';

const [endpoint, tableName, dataDir] = process.argv.slice(2) as [string, string, string];
const store = createStore({ tableName, endpoint });
const poller = await streamPoller({ start: 'LATEST', idleMs: 50, reconcileWhenFresh: false })({ store, endpoint, dataDir, clock: () => new Date() });
const { app } = await createLocalApp({ store, dataDir, identities: [] });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => console.log(JSON.stringify({ port: info.port })));
const stop = async () => {
  server.close();
  await poller.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
