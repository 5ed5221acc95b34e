import { dynamoEndpoint } from './dynamo';
import { randomUUID } from 'node:crypto';
import { createStore, ensureTable, type Store } from '@kd/data';

/** A fresh table on the run's DynamoDB Local, isolated from every other test file. */
export async function createTestStore(prefix = 'test'): Promise<Store> {
  const store = createStore({ tableName: `${prefix}-${randomUUID().slice(0, 8)}`, endpoint: dynamoEndpoint() });
  await ensureTable(store);
  return store;
}
