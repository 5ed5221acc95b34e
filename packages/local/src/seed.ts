import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { transactPut, keys, unitItem, StoredUnit, memberItem, type Store } from '@kd/data';
import type { Unit, Member } from '@kd/domain';

export interface SeedTenant {
  tenantId: string;
  name: string;
  units: Unit[];
  members: Member[];
}

/** True once a tenant's seed has been written completely (the marker is written last). */
export async function isSeeded(store: Store, tenantId: string): Promise<boolean> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.tenantMeta(tenantId) }));
  return Boolean(out.Item?.seededAt);
}

/**
 * Writes a tenant's units and members, then whatever `more` adds (campaigns, roll-ups), then the
 * tenant marker. Puts are idempotent, so a seed cut off half-way is simply written again on the
 * next start.
 */
export async function seedTenant(store: Store, tenant: SeedTenant, at: string, more?: () => Promise<void>): Promise<void> {
  const counts = new Map<string, number>();
  for (const m of tenant.members) counts.set(m.unitId, (counts.get(m.unitId) ?? 0) + 1);
  const units = tenant.units.map((u) => StoredUnit.parse({ ...u, memberCount: counts.get(u.id) ?? 0 }));
  await transactPut(store, [
    ...units.map((u) => unitItem(tenant.tenantId, u)),
    ...tenant.members.map((m) => memberItem(tenant.tenantId, m)),
  ]);
  await more?.();
  await store.doc.send(
    new PutCommand({
      TableName: store.tableName,
      Item: { ...keys.tenantMeta(tenant.tenantId), type: 'tenant', tenant: tenant.tenantId, name: tenant.name, rootUnitId: units.find((u) => u.parentId === null)?.id, seededAt: at },
    }),
  );
}
