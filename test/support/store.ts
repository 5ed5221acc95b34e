import { dynamoEndpoint } from './dynamo';
import { randomUUID } from 'node:crypto';
import { createStore, ensureTable, type Store } from '@kd/data';

/**
 * A fresh table on the run's DynamoDB Local, isolated from every other test file. Its stream is
 * off unless the file reads it (`stream: true`, the roll-up consumer's tests): DynamoDB Local
 * keeps every stream record of every table in one store for a day, and each write costs more the
 * more records it holds, whichever table they came from. Measured here: a 10 s workload took 35 s
 * after one demo-sized seed had written its stream records into the same instance
 * (docs/local-machines.md, "DynamoDB Local").
 */
export async function createTestStore(prefix = 'test', options: { stream?: boolean } = {}): Promise<Store> {
  const store = createStore({ tableName: `${prefix}-${randomUUID().slice(0, 8)}`, endpoint: dynamoEndpoint() });
  await ensureTable(store, { stream: options.stream ?? false });
  return store;
}
