import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** DynamoDB accepts at most 100 actions in one transaction. */
export const MAX_TRANSACTION_ITEMS = 100;

/**
 * Runs one transaction. When a condition fails, `onConditionFailed` receives the indexes of the
 * failed items and returns the error to throw (a 409, a 404 …).
 */
export async function transact(
  store: Store,
  items: TransactItem[],
  onConditionFailed: (failed: number[]) => Error,
  clientRequestToken?: string,
): Promise<void> {
  try {
    await store.doc.send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: clientRequestToken }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const failed = (error.CancellationReasons ?? [])
        .map((r, i) => (r.Code === 'ConditionalCheckFailed' ? i : -1))
        .filter((i) => i >= 0);
      if (failed.length > 0) throw onConditionFailed(failed);
    }
    throw error;
  }
}
