import { dynamoEndpoint } from './dynamo';
import { randomUUID } from 'node:crypto';
import { createStore, type Store } from '@kd/data/client';
import { ensureTable } from '@kd/data/ensure-table';

/** A fresh table on the run's DynamoDB Local, isolated from every other test file. */
export async function createTestStore(prefix = 'test'): Promise<Store> {
  const store = createStore({ tableName: `${prefix}-${randomUUID().slice(0, 8)}`, endpoint: dynamoEndpoint() });
  await ensureTable(store);
  return store;
}
