import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RollupCounts } from '@kd/domain';
import { inChunks } from './batch';
import type { Store } from './client';
import { ownItem, totalItem, totalUpdate, type OwnRecord, type RollupCampaign, type RollupPlacement, type TotalChange } from './rollup-items';
import { MAX_TRANSACTION_ITEMS, type TransactItem } from './transaction';

/** An OWN item replacing the version the writer read (`previousRev`; null: none was written yet). */
export interface OwnWrite {
  own: OwnRecord;
  previousRev: number | null;
}

/**
 * Writes OWN items and ROLLUP differences in ONE transaction: every OWN item on condition that it
 * is still the version read, every ROLLUP item on the condition its change names. Whole or not
 * at all; a failed condition or a conflict throws (see `isTransientWriteError`).
 */
export async function writeRollupTransaction(
  store: Store,
  tenant: string,
  campaign: RollupCampaign,
  at: string,
  writes: { owns: readonly OwnWrite[]; totals: readonly TotalChange[] },
): Promise<void> {
  const items: TransactItem[] = [
    ...writes.owns.map(({ own, previousRev }): TransactItem => ({
      Put: {
        TableName: store.tableName,
        Item: ownItem(tenant, campaign, own, (previousRev ?? 0) + 1, at),
        ConditionExpression: previousRev !== null ? '#rev = :rev' : 'attribute_not_exists(pk)',
        ExpressionAttributeNames: previousRev !== null ? { '#rev': 'rev' } : undefined,
        ExpressionAttributeValues: previousRev !== null ? { ':rev': previousRev } : undefined,
      },
    })),
    ...writes.totals.map((change): TransactItem => ({ Update: { TableName: store.tableName, ...totalUpdate(tenant, campaign, change, at) } })),
  ];
  await store.doc.send(new TransactWriteCommand({ TransactItems: items }));
}

/** One ROLLUP item repaired in place; false when its condition failed (someone changed it since it was read). */
export async function updateRollupTotal(store: Store, tenant: string, campaign: RollupCampaign, change: TotalChange, at: string): Promise<boolean> {
  try {
    await store.doc.send(new UpdateCommand({ TableName: store.tableName, ...totalUpdate(tenant, campaign, change, at) }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    return false;
  }
}

/**
 * A campaign's roll-up items written from scratch: an OWN item per unit and a ROLLUP item per
 * total, in transactions of 100, each item on condition that it does not exist yet. False when
 * some transaction found an item there already (someone wrote roll-ups meanwhile).
 */
export async function createRollupItems(
  store: Store,
  tenant: string,
  campaign: RollupCampaign,
  at: string,
  owns: readonly OwnRecord[],
  totals: readonly { unit: RollupPlacement; counts: RollupCounts }[],
  inFlight = 4,
): Promise<boolean> {
  const items = [...owns.map((own) => ownItem(tenant, campaign, own, 1, at)), ...totals.map((t) => totalItem(tenant, campaign, t.unit, t.counts, at))];
  let clean = true;
  await inChunks(items, MAX_TRANSACTION_ITEMS, inFlight, async (chunk) => {
    try {
      await store.doc.send(
        new TransactWriteCommand({ TransactItems: chunk.map((Item) => ({ Put: { TableName: store.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' } })) }),
      );
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      clean = false;
    }
  });
  return clean;
}

/** A write that failed for contention or capacity and changed nothing: worth trying again. */
export function isTransientWriteError(error: unknown): boolean {
  const name = (error as { name?: string }).name ?? '';
  if (error instanceof TransactionCanceledException) return true;
  return /TransactionConflict|ProvisionedThroughputExceeded|Throttl|RequestLimitExceeded|InternalServerError|ServiceUnavailable|TransactionInProgress/.test(name);
}
