import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { foldVietnamese, vietnameseNameSortKey } from '@kd/domain';
import type { Store } from './client';
import { keys, indexNames } from './keys';
import { listAllUnits } from './unit-repository';
import { queryAll } from './query-all';

/** Whether the tenant's member-name index (GSI2, the search) has any entry yet. */
export async function memberNameIndexEmpty(store: Store, tenant: string): Promise<boolean> {
  const out = await store.doc.send(
    new QueryCommand({ TableName: store.tableName, IndexName: indexNames.byPath, KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': keys.memberNames(tenant) }, Limit: 1 }),
  );
  return (out.Items ?? []).length === 0;
}

/**
 * Members stored before the search existed carry no member-name keys: this adds them (the keys and
 * the folded name only; the member's fields and version are left as they are). Idempotent; one
 * Query per cell and one conditional update per member that lacks the keys.
 */
export async function indexMemberNames(store: Store, tenant: string): Promise<{ indexed: number }> {
  let indexed = 0;
  for (const unit of await listAllUnits(store, tenant)) {
    const items = await queryAll(store, { IndexName: indexNames.byParent, KeyConditionExpression: 'gsi1pk = :u', ExpressionAttributeValues: { ':u': keys.unitMembers(tenant, unit.id) } });
    for (const item of items) {
      if (item.gsi2pk !== undefined || typeof item.fullName !== 'string' || typeof item.id !== 'string') continue;
      await store.doc.send(
        new UpdateCommand({
          TableName: store.tableName,
          Key: keys.member(tenant, item.id),
          UpdateExpression: 'SET gsi2pk = :p, gsi2sk = :s, searchName = :n',
          ConditionExpression: 'attribute_exists(pk) AND fullName = :f',
          ExpressionAttributeValues: { ':p': keys.memberNames(tenant), ':s': keys.memberNameSort(vietnameseNameSortKey(item.fullName), item.id), ':n': foldVietnamese(item.fullName), ':f': item.fullName },
        }),
      ).then(
        () => (indexed += 1),
        (e: unknown) => {
          // Renamed meanwhile: the rename wrote the keys through memberItem.
          if ((e as { name?: string }).name !== 'ConditionalCheckFailedException') throw e;
        },
      );
    }
  }
  return { indexed };
}
