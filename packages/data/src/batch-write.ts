import { BatchWriteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';

/**
 * Puts many items with BatchWriteItem: 25 per call, `inFlight` calls at once, unprocessed items
 * retried with backoff. Not atomic: callers use it only where a partial write is harmless
 * (seeding, rows of a version that is not current yet).
 */
export async function batchPut(store: Store, items: readonly Record<string, unknown>[], inFlight = 16): Promise<void> {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  let next = 0;
  async function worker() {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        const out = await store.doc.send(new BatchWriteCommand({ RequestItems: { [store.tableName]: pending } }));
        pending = (out.UnprocessedItems?.[store.tableName] ?? []) as typeof pending;
        if (pending.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(inFlight, chunks.length) }, worker));
}

/**
 * Puts many items in transactions of 100, `inFlight` at once. Used to load data into DynamoDB
 * Local, which commits a whole transaction to its file at once and so writes far faster this
 * way than item by item. (On DynamoDB, transactions cost twice the capacity: use `batchPut` there.)
 */
export async function transactPut(store: Store, items: readonly Record<string, unknown>[], inFlight = 4): Promise<void> {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 100) chunks.push(items.slice(i, i + 100));
  let next = 0;
  async function worker() {
    while (next < chunks.length) {
      const chunk = chunks[next++]!;
      await store.doc.send(new TransactWriteCommand({ TransactItems: chunk.map((Item) => ({ Put: { TableName: store.tableName, Item } })) }));
    }
  }
  await Promise.all(Array.from({ length: Math.min(inFlight, chunks.length) }, worker));
}
