import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchWriteAll } from './batch';
import type { Store } from './client';
import { keys } from './keys';

/**
 * Deletes the rows of versions that never became current, after a commit made `current` the
 * current version in place of `previous`: versions are reserved from a counter that only goes up,
 * so every version strictly between the two was reserved by a commit that never flipped (cut off
 * by a crash, a timeout, or a lost race with this one). Versions that were current once are kept
 * (the history), and versions above `current` are never touched: they may belong to a commit
 * still writing. Not atomic and need not be: every row it deletes is invisible already.
 * Returns the number of rows deleted.
 */
export async function sweepResultVersions(
  store: Store,
  tenant: string,
  unitId: string,
  year: number,
  keep: { current: number; previous: number | null },
): Promise<number> {
  const from = (keep.previous ?? 0) + 1;
  const ranges: [number, number][] = from <= keep.current - 1 ? [[from, keep.current - 1]] : [];
  let deleted = 0;
  for (const [from, to] of ranges) {
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const out = await store.doc.send(
        new QueryCommand({
          TableName: store.tableName,
          KeyConditionExpression: 'pk = :pk AND sk BETWEEN :a AND :b',
          ExpressionAttributeValues: {
            ':pk': keys.unitYear(tenant, unitId, year),
            ':a': keys.resultVersionPrefix(from),
            // '~' sorts after every character of a member id, so the range ends after version `to`.
            ':b': `${keys.resultVersionPrefix(to)}~`,
          },
          ProjectionExpression: 'pk, sk',
          ExclusiveStartKey,
        }),
      );
      const found = (out.Items ?? []) as { pk: string; sk: string }[];
      await batchWriteAll(store, found.map((Key) => ({ DeleteRequest: { Key } })));
      deleted += found.length;
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  }
  return deleted;
}
