import { BatchGetCommand, BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { backoff } from './backoff';
import type { Store } from './client';

/** The primary key of an item of the table. */
export interface TableKey {
  pk: string;
  sk: string;
}

export type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: TableKey } };

/** DynamoDB's limits per call: BatchGetItem 100 keys, BatchWriteItem 25 requests. */
const GET_KEYS_PER_CALL = 100;
const WRITES_PER_CALL = 25;

/** Runs `work` over `items` in chunks of `size`, `inFlight` chunks at a time. */
export async function inChunks<T>(items: readonly T[], size: number, inFlight: number, work: (chunk: T[]) => Promise<void>): Promise<void> {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) await work(chunks[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, chunks.length) }, worker));
}

/**
 * The items found for `keys` (missing ones are simply absent; a key asked twice is read once):
 * 100 keys per BatchGetItem, one call after another, unprocessed keys asked again with backoff.
 */
export async function batchGetAll(store: Store, keys: readonly TableKey[], options: { consistentRead?: boolean } = {}): Promise<Record<string, unknown>[]> {
  const unique = [...new Map(keys.map((k) => [`${k.pk}\u0000${k.sk}`, { pk: k.pk, sk: k.sk }])).values()];
  const items: Record<string, unknown>[] = [];
  await inChunks(unique, GET_KEYS_PER_CALL, 1, async (chunk) => {
    let pending: Record<string, unknown>[] = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await backoff(attempt - 1);
      const out = await store.doc.send(
        new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: pending, ...(options.consistentRead ? { ConsistentRead: true } : {}) } } }),
      );
      items.push(...(out.Responses?.[store.tableName] ?? []));
      pending = out.UnprocessedKeys?.[store.tableName]?.Keys ?? [];
    }
  });
  return items;
}

/**
 * Puts and deletes with BatchWriteItem: 25 requests per call, `inFlight` calls at once,
 * unprocessed requests sent again with backoff. Not atomic: only for writes where a partial
 * result is harmless (seeding, rows no one reads yet, rows no one reads any more).
 */
export async function batchWriteAll(store: Store, requests: readonly WriteRequest[], options: { inFlight?: number } = {}): Promise<void> {
  await inChunks(requests, WRITES_PER_CALL, options.inFlight ?? 16, async (chunk) => {
    let pending: WriteRequest[] = chunk;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await backoff(attempt - 1);
      const out = await store.doc.send(new BatchWriteCommand({ RequestItems: { [store.tableName]: pending } }));
      pending = (out.UnprocessedItems?.[store.tableName] ?? []) as WriteRequest[];
    }
  });
}
