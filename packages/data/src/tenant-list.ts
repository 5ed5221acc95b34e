import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import { parseKey } from './key-parse';

/** The tenants of the table, from their marker items (`keys.tenantMeta`): a scan of keys only, for the nightly reconcile. */
export async function listTenants(store: Store): Promise<string[]> {
  const tenants: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await store.doc.send(
      new ScanCommand({ TableName: store.tableName, FilterExpression: 'sk = :s', ExpressionAttributeValues: { ':s': 'TENANT' }, ProjectionExpression: 'pk, sk', ExclusiveStartKey }),
    );
    for (const item of out.Items ?? []) {
      const key = parseKey({ pk: String(item.pk), sk: String(item.sk) });
      if (key?.item === 'tenant') tenants.push(key.tenant);
    }
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return tenants;
}
