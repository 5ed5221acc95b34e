import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { DomainError, LocalDate } from '@kd/domain';
import type { Store } from './client';
import { keys } from './keys';

/** Where a province merge stands (docs/tree-history.md, "Merging provinces"): the former province it is at, its phase and position. */
export const ProvinceMergeRecord = z.object({
  id: z.string(),
  tenant: z.string(),
  from: z.array(z.string()),
  on: LocalDate,
  index: z.number().int().nonnegative(),
  phase: z.enum(['freeze', 'units', 'members', 'grant']),
  position: z.number().int().nonnegative(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ProvinceMergeRecord = z.infer<typeof ProvinceMergeRecord>;

export async function getProvinceMerge(store: Store, tenant: string, mergeId: string): Promise<ProvinceMergeRecord | undefined> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.provinceMerge(tenant, mergeId), ConsistentRead: true }));
  return out.Item ? ProvinceMergeRecord.parse(out.Item) : undefined;
}

export async function putProvinceMerge(store: Store, record: ProvinceMergeRecord): Promise<void> {
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { ...keys.provinceMerge(record.tenant, record.id), type: 'provinceMerge', ...record } }));
}

/**
 * Puts an item a province merge copies: new, or already written by the same merge (written again
 * the same). An item of that key that is not this merge's stops the merge: ids collide.
 */
export async function putMergedItem(store: Store, item: Record<string, unknown>, mergeId: string, what: string): Promise<void> {
  try {
    await store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { ...item, provinceMerge: mergeId },
        ConditionExpression: 'attribute_not_exists(pk) OR provinceMerge = :m',
        ExpressionAttributeValues: { ':m': mergeId },
      }),
    );
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') {
      throw new DomainError('TENANT_MERGE_INVALID', `Tỉnh mới đã có ${what} không thuộc lệnh hợp nhất này: dừng lại, không ghi đè.`);
    }
    throw error;
  }
}
