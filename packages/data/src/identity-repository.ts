import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { DomainError } from '@kd/domain';
import type { Store } from './client';
import { indexNames, keys } from './keys';
import { auditPut, type Actor } from './audit';
import { batchGetAll } from './batch';
import { queryAll } from './query-all';
import { transact, type TransactItem } from './transaction';

/**
 * A member's identity record, beside the member item: the party card number (where the province's
 * member id is not it) and the national id as a keyed hash for matching and its last four digits
 * for display — never the number (docs/reconciliation.md, "National identity numbers").
 */
export const MemberIdentity = z.object({
  memberId: z.string(),
  partyCardNumber: z.string().min(1).max(40).nullable().default(null),
  nationalIdHash: z.string().min(16).max(100).nullable().default(null),
  nationalIdLast4: z.string().regex(/^\d{4}$/).nullable().default(null),
  version: z.number().int().nonnegative().default(0),
  updatedAt: z.string().nullable().default(null),
});
export type MemberIdentity = z.infer<typeof MemberIdentity>;

/** What an audit entry or an answer may show of an identity: never the hash, never the number. */
export function identityShown(i: Pick<MemberIdentity, 'partyCardNumber' | 'nationalIdLast4'> | null | undefined) {
  return { partyCardNumber: i?.partyCardNumber ?? null, nationalIdLast4: i?.nationalIdLast4 ?? null };
}

export function identityItem(tenant: string, identity: MemberIdentity): Record<string, unknown> {
  return { ...keys.memberIdentity(tenant, identity.memberId), type: 'memberIdentity', tenant, gsi1pk: keys.identities(tenant), gsi1sk: identity.memberId, ...MemberIdentity.parse(identity) };
}

export async function getIdentity(store: Store, tenant: string, memberId: string): Promise<MemberIdentity> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.memberIdentity(tenant, memberId) }));
  return MemberIdentity.parse(out.Item ?? { memberId });
}

/** Every identity record of the tenant (one Query on GSI1), by member id. */
export async function listIdentities(store: Store, tenant: string): Promise<Map<string, MemberIdentity>> {
  const items = await queryAll(store, { IndexName: indexNames.byParent, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': keys.identities(tenant) } });
  return new Map(items.map((i) => MemberIdentity.parse(i)).map((i) => [i.memberId, i] as const));
}

export async function getIdentities(store: Store, tenant: string, memberIds: readonly string[]): Promise<Map<string, MemberIdentity>> {
  const items = await batchGetAll(store, memberIds.map((id) => keys.memberIdentity(tenant, id)));
  return new Map(items.map((i) => MemberIdentity.parse(i)).map((i) => [i.memberId, i] as const));
}

const identityConflict = () => new DomainError('VERSION_CONFLICT', 'Thông tin định danh của đảng viên đã được người khác thay đổi. Vui lòng tải lại và thử lại.');

/** The Put of an identity record on condition it is still the version read (absent: version 0). */
export function identityPut(store: Store, tenant: string, next: MemberIdentity, expectedVersion: number): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: identityItem(tenant, { ...next, version: expectedVersion + 1 }),
      ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk) OR version = :v' : 'version = :v',
      ExpressionAttributeValues: { ':v': expectedVersion },
    },
  };
}

/** Changes a member's identity record with its audit entry (which shows the last four digits only). */
export async function saveIdentity(
  store: Store,
  tenant: string,
  unitId: string,
  current: MemberIdentity,
  next: Omit<MemberIdentity, 'version' | 'updatedAt'>,
  context: { actor: Actor; at: string; reason?: string | null },
): Promise<MemberIdentity> {
  const saved = MemberIdentity.parse({ ...next, version: current.version + 1, updatedAt: context.at });
  await transact(
    store,
    [
      identityPut(store, tenant, { ...saved, version: current.version }, current.version),
      auditPut(store, tenant, { unitId, at: context.at, actor: context.actor, action: 'member.identity', target: current.memberId, before: identityShown(current), after: identityShown(saved), reason: context.reason ?? null }),
    ],
    identityConflict,
  );
  return saved;
}
