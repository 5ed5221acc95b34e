import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { transactPut, keys, unitItem, StoredUnit, memberItem, type Store } from '@kd/data';
import type { Unit, Member } from '@kd/domain';

export interface SeedTenant {
  tenantId: string;
  name: string;
  units: Unit[];
  members: Member[];
}

/**
 * How far a tenant's seed got: nothing yet, its units (with the tenant marker: enough for the
 * login page), or complete (members, campaigns). The marker's `seededAt` means complete, as it
 * always has; `unitsSeededAt` marks the first part.
 */
export type SeedState = 'none' | 'units' | 'complete';

export async function seedState(store: Store, tenantId: string): Promise<SeedState> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.tenantMeta(tenantId), ConsistentRead: true }));
  return out.Item?.seededAt ? 'complete' : out.Item?.unitsSeededAt ? 'units' : 'none';
}

/** True once a tenant's seed has been written completely (the marker is written last). */
export async function isSeeded(store: Store, tenantId: string): Promise<boolean> {
  return (await seedState(store, tenantId)) === 'complete';
}

/**
 * Writes a tenant's units (with their member counts) and its marker with `unitsSeededAt`. Puts are
 * idempotent, so a seed cut off half-way is simply written again on the next start.
 */
export async function seedUnits(store: Store, tenant: SeedTenant, at: string): Promise<void> {
  const counts = new Map<string, number>();
  for (const m of tenant.members) counts.set(m.unitId, (counts.get(m.unitId) ?? 0) + 1);
  const units = tenant.units.map((u) => StoredUnit.parse({ ...u, memberCount: counts.get(u.id) ?? 0 }));
  await transactPut(store, units.map((u) => unitItem(tenant.tenantId, u)));
  await store.doc.send(
    new PutCommand({
      TableName: store.tableName,
      Item: { ...keys.tenantMeta(tenant.tenantId), type: 'tenant', tenant: tenant.tenantId, name: tenant.name, rootUnitId: units.find((u) => u.parentId === null)?.id, unitsSeededAt: at },
    }),
  );
}

/** Writes a tenant's members. */
export async function seedMembers(store: Store, tenant: SeedTenant): Promise<void> {
  await transactPut(store, tenant.members.map((m) => memberItem(tenant.tenantId, m)));
}

/** Marks a tenant's seed complete (`seededAt`), after whatever followed its units. */
export async function markSeeded(store: Store, tenantId: string, at: string): Promise<void> {
  await store.doc.send(new UpdateCommand({ TableName: store.tableName, Key: keys.tenantMeta(tenantId), UpdateExpression: 'SET seededAt = :at', ExpressionAttributeValues: { ':at': at } }));
}

/** Writes a tenant's units and members, then whatever `more` adds (campaigns, roll-ups), then marks it seeded. */
export async function seedTenant(store: Store, tenant: SeedTenant, at: string, more?: () => Promise<void>): Promise<void> {
  await seedUnits(store, tenant, at);
  await seedMembers(store, tenant);
  await more?.();
  await markSeeded(store, tenant.tenantId, at);
}
