import { DomainError, formatVietnameseDate } from '@kd/domain';
import { getTenantMeta, type FrozenTenant } from '@kd/data';
import type { ServiceDeps } from '../deps';

/** What the pages tell the users of a frozen province, and what every write answers them. */
export function frozenNotice(name: string, frozen: FrozenTenant): string {
  return `${name || 'Tỉnh'} đã hợp nhất vào ${frozen.successorName} từ ngày ${formatVietnameseDate(frozen.on)}. Dữ liệu của tỉnh cũ chỉ còn để xem; công việc tiếp theo làm trên hệ thống của ${frozen.successorName}.`;
}

/** The notice for a frozen province's users, or null. One GetItem. */
export async function tenantNotice(deps: ServiceDeps, tenant: string): Promise<string | null> {
  const meta = await getTenantMeta(deps.store, tenant);
  return meta?.frozen ? frozenNotice(meta.name, meta.frozen) : null;
}

/** Refuses any write in a frozen province (409 TENANT_FROZEN, saying where it went). */
export async function assertWritable(deps: ServiceDeps, tenant: string): Promise<void> {
  const meta = await getTenantMeta(deps.store, tenant);
  if (meta?.frozen) throw new DomainError('TENANT_FROZEN', frozenNotice(meta.name, meta.frozen), { successorTenant: meta.frozen.successorTenant, on: meta.frozen.on });
}
