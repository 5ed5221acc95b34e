import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { backoff } from './backoff';
import type { Store } from './client';
import { isRetryableCancellation } from './store-faults';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB accepts at most 100 actions in one transaction. */
export const MAX_TRANSACTION_ITEMS = 100;

/** Sends of one transaction cancelled by a conflict or throttling before the error goes up (503 STORE_BUSY at the edge). */
export const TRANSACTION_TRIES = 5;

/**
 * Runs one transaction. When a condition fails, `onConditionFailed` receives the indexes of the
 * failed items and returns the error to throw (a 409, a 404 …). A transaction cancelled only for
 * a conflict with another one or for throttling changed nothing: it is sent again, up to
 * TRANSACTION_TRIES times.
 */
export async function transact(store: Store, items: TransactItem[], onConditionFailed: (failed: number[]) => Error): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      // One token per send: the SDK's own retries of this send (a time-out) reuse it; a send that
      // was cancelled applied nothing, so the next one is a new request.
      await store.doc.send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: randomUUID() }));
      return;
    } catch (error) {
      if (isRetryableCancellation(error) && attempt + 1 < TRANSACTION_TRIES) {
        await backoff(attempt, { baseMs: 25, capMs: 800, jitter: true });
        continue;
      }
      if (error instanceof TransactionCanceledException) {
        const failed = (error.CancellationReasons ?? [])
          .map((r, i) => (r.Code === 'ConditionalCheckFailed' ? i : -1))
          .filter((i) => i >= 0);
        if (failed.length > 0) throw onConditionFailed(failed);
      }
      throw error;
    }
  }
}
