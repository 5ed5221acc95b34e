import { dynamoEndpoint } from './dynamo';
import { randomUUID } from 'node:crypto';
import { createStore, ensureTable, type Store } from '@kd/data';

/**
 * A fresh table on the run's DynamoDB Local, isolated from every other test file. Its stream is
 * off unless the file reads it (`stream: true`): stream records slow every later write of the
 * instance, whichever table they came from (docs/local-machines.md, "DynamoDB Local").
 */
export async function createTestStore(prefix = 'test', options: { stream?: boolean } = {}): Promise<Store> {
  const store = createStore({ tableName: `${prefix}-${randomUUID().slice(0, 8)}`, endpoint: dynamoEndpoint() });
  await ensureTable(store, { stream: options.stream ?? false });
  return store;
}
