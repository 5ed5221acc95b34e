import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll, inChunks } from './batch';
import type { Store } from './client';

/**
 * Puts many items with BatchWriteItem (`batchWriteAll`). Not atomic: callers use it only where a
 * partial write is harmless (seeding, rows of a version that is not current yet).
 */
export async function batchPut(store: Store, items: readonly Record<string, unknown>[], inFlight = 16): Promise<void> {
  await batchWriteAll(store, items.map((Item) => ({ PutRequest: { Item } })), { inFlight });
}

/**
 * Puts many items in transactions of 100, `inFlight` at once. Used to load data into DynamoDB
 * Local, which commits a whole transaction to its file at once and so writes far faster this
 * way than item by item. (On DynamoDB, transactions cost twice the capacity: use `batchPut` there.)
 */
export async function transactPut(store: Store, items: readonly Record<string, unknown>[], inFlight = 4): Promise<void> {
  await inChunks(items, 100, inFlight, async (chunk) => {
    await store.doc.send(new TransactWriteCommand({ TransactItems: chunk.map((Item) => ({ Put: { TableName: store.tableName, Item } })) }));
  });
}
