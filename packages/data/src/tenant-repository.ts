import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { LocalDate } from '@kd/domain';
import type { Store } from './client';
import { keys } from './keys';

/** A province merged into this one (the successor's marker lists them). */
export const PredecessorProvince = z.object({ tenant: z.string(), name: z.string(), rootUnitId: z.string(), mergedOn: LocalDate });
export type PredecessorProvince = z.infer<typeof PredecessorProvince>;

/** Where a frozen province went (docs/tree-history.md, "Merging provinces"). */
export const FrozenTenant = z.object({ on: LocalDate, successorTenant: z.string(), successorName: z.string(), mergeId: z.string(), at: z.string() });
export type FrozenTenant = z.infer<typeof FrozenTenant>;

/** The tenant marker (`keys.tenantMeta`): its name and root, and what a province merge recorded on it. */
export const TenantMeta = z.object({
  tenant: z.string(),
  name: z.string().default(''),
  rootUnitId: z.string().nullable().default(null),
  seededAt: z.string().nullable().default(null),
  frozen: FrozenTenant.nullable().default(null),
  predecessorTenants: z.record(z.string(), PredecessorProvince).default({}),
});
export type TenantMeta = z.infer<typeof TenantMeta>;

export async function getTenantMeta(store: Store, tenant: string): Promise<TenantMeta | undefined> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.tenantMeta(tenant), ConsistentRead: true }));
  return out.Item ? TenantMeta.parse(out.Item) : undefined;
}

/** Freezes a province: read-only from now on, its users told where it went. Idempotent for the same merge. */
export async function freezeTenant(store: Store, tenant: string, frozen: FrozenTenant): Promise<void> {
  await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: keys.tenantMeta(tenant),
      UpdateExpression: 'SET frozen = :f',
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(frozen) OR frozen = :null OR frozen.mergeId = :m)',
      ExpressionAttributeValues: { ':f': frozen, ':null': null, ':m': frozen.mergeId },
    }),
  );
}

/** Records a former province on its successor's marker (idempotent: keyed by the former tenant). */
export async function addPredecessorProvince(store: Store, tenant: string, predecessor: PredecessorProvince): Promise<void> {
  await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: keys.tenantMeta(tenant),
      UpdateExpression: 'SET predecessorTenants = if_not_exists(predecessorTenants, :empty)',
      ExpressionAttributeValues: { ':empty': {} },
    }),
  );
  await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: keys.tenantMeta(tenant),
      UpdateExpression: 'SET predecessorTenants.#t = :p',
      ExpressionAttributeNames: { '#t': predecessor.tenant },
      ExpressionAttributeValues: { ':p': predecessor },
    }),
  );
}

/**
 * A former province's explicit grant to its successor: the successor's users read its archived
 * campaigns, from the successor's root down (or, below the root, through the lineage of their unit).
 * Kept in the former province's keys: it is that province's decision, read before any of its data.
 */
export const ArchiveGrant = z.object({
  tenant: z.string(),
  grantee: z.string(),
  predecessorRoot: z.string(),
  successorRoot: z.string(),
  mergeId: z.string(),
  grantedAt: z.string(),
  grantedBy: z.string(),
});
export type ArchiveGrant = z.infer<typeof ArchiveGrant>;

export async function putArchiveGrant(store: Store, grant: ArchiveGrant): Promise<void> {
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { ...keys.archiveGrant(grant.tenant, grant.grantee), type: 'archiveGrant', ...grant } }));
}

export async function getArchiveGrant(store: Store, tenant: string, grantee: string): Promise<ArchiveGrant | undefined> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.archiveGrant(tenant, grantee) }));
  return out.Item ? ArchiveGrant.parse(out.Item) : undefined;
}
