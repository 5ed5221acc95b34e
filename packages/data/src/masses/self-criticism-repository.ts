import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { SelfCriticism } from '@kd/domain';
import type { Store } from '../client';
import { keys } from '../keys';
import { auditPut, type Actor } from '../audit';
import { staleError } from '../dossier';
import { transact } from '../transaction';
import { itemBody, revOf } from './item-body';

type Change = { actor: Actor; at: string };
export type StoredSelfCriticism = SelfCriticism & { rev: number };

const parse = (item: Record<string, unknown>): StoredSelfCriticism => ({ ...SelfCriticism.parse(itemBody(item)), rev: revOf(item) });

export async function getSelfCriticism(store: Store, tenant: string, unitId: string, year: number, memberId: string): Promise<StoredSelfCriticism | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.selfCriticism(tenant, unitId, year, memberId), ConsistentRead: true }));
  return out.Item ? parse(out.Item) : null;
}

export async function listSelfCriticisms(store: Store, tenant: string, unitId: string, year: number): Promise<StoredSelfCriticism[]> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.unitYear(tenant, unitId, year), ':p': keys.selfCriticismPrefix },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map(parse);
}

/** A member's self-criticism record (the form they fill, or the cell keys in), on the revision read. */
export async function saveSelfCriticism(store: Store, tenant: string, record: SelfCriticism, expectedRev: number, change: Change): Promise<StoredSelfCriticism> {
  const before = await getSelfCriticism(store, tenant, record.unitId, record.year, record.memberId);
  if ((before?.rev ?? 0) !== expectedRev) throw staleError();
  const next = SelfCriticism.parse(record);
  await transact(
    store,
    [
      {
        Put: {
          TableName: store.tableName,
          Item: { ...keys.selfCriticism(tenant, next.unitId, next.year, next.memberId), type: 'selfCriticism', tenant, rev: expectedRev + 1, ...next },
          ...(before
            ? { ConditionExpression: '#rev = :rev', ExpressionAttributeNames: { '#rev': 'rev' }, ExpressionAttributeValues: { ':rev': expectedRev } }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      },
      auditPut(store, tenant, { unitId: next.unitId, at: change.at, actor: change.actor, action: 'masses.selfCriticism.save', target: next.memberId, before: before ? { ...before, rev: undefined } : null, after: next }),
    ],
    staleError,
  );
  return { ...next, rev: expectedRev + 1 };
}
