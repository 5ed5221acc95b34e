import { BatchWriteCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';

/** Runs `write` over `items` in chunks of `size`, `inFlight` chunks at a time. */
async function inChunks<T>(items: readonly T[], size: number, inFlight: number, write: (chunk: T[]) => Promise<void>): Promise<void> {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) await write(chunks[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, chunks.length) }, worker));
}

/**
 * Puts many items with BatchWriteItem: 25 per call, `inFlight` calls at once, unprocessed items
 * retried with backoff. Not atomic: callers use it only where a partial write is harmless
 * (seeding, rows of a version that is not current yet).
 */
export async function batchPut(store: Store, items: readonly Record<string, unknown>[], inFlight = 16): Promise<void> {
  await inChunks(items, 25, inFlight, async (chunk) => {
    let pending = chunk.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      const out = await store.doc.send(new BatchWriteCommand({ RequestItems: { [store.tableName]: pending } }));
      pending = (out.UnprocessedItems?.[store.tableName] ?? []) as typeof pending;
      if (pending.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
    }
  });
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
