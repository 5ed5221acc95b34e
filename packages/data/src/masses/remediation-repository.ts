import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError, RemediationItem } from '@kd/domain';
import type { Store } from '../client';
import { keys } from '../keys';
import { auditPut, type Actor } from '../audit';
import { staleError } from '../dossier';
import { transact } from '../transaction';
import { parseRemediation, type StoredRemediation } from './masses-unit-year';

type Change = { actor: Actor; at: string };

export const remediationNotFound = () => new DomainError('REMEDIATION_NOT_FOUND', 'Không tìm thấy nội dung khắc phục.');

export function remediationItemOf(tenant: string, item: RemediationItem, rev: number): Record<string, unknown> {
  const r = RemediationItem.parse(item);
  return { ...keys.remediationItem(tenant, r.unitId, r.year, r.id), type: 'remediationItem', tenant, rev, ...r };
}

export async function getRemediation(store: Store, tenant: string, unitId: string, year: number, itemId: string): Promise<StoredRemediation | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.remediationItem(tenant, unitId, year, itemId), ConsistentRead: true }));
  return out.Item ? parseRemediation(out.Item) : null;
}

export async function listRemediation(store: Store, tenant: string, unitId: string, year: number): Promise<StoredRemediation[]> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.unitYear(tenant, unitId, year), ':p': keys.remediationPrefix },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map(parseRemediation).sort((a, b) => a.deadline.localeCompare(b.deadline) || a.text.localeCompare(b.text, 'vi'));
}

/** A new item or a status change, on the revision read, with its audit entry. */
export async function saveRemediation(store: Store, tenant: string, item: RemediationItem, before: StoredRemediation | null, change: Change): Promise<StoredRemediation> {
  const { rev: _rev, ...previous } = before ?? { rev: 0 };
  await transact(
    store,
    [
      {
        Put: {
          TableName: store.tableName,
          Item: remediationItemOf(tenant, item, (before?.rev ?? 0) + 1),
          ...(before
            ? { ConditionExpression: '#rev = :rev', ExpressionAttributeNames: { '#rev': 'rev' }, ExpressionAttributeValues: { ':rev': before.rev } }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      },
      auditPut(store, tenant, { unitId: item.unitId, at: change.at, actor: change.actor, action: before ? 'masses.remediation.status' : 'masses.remediation.add', target: item.id, before: before ? previous : null, after: item }),
    ],
    staleError,
  );
  return { ...item, rev: (before?.rev ?? 0) + 1 };
}
