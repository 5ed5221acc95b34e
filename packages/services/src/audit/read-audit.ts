import type { Caller } from '@kd/domain';
import { listAudit, type AuditEntry, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';

/** A unit's audit trail, newest first, a page at a time. */
export async function readAudit(deps: ServiceDeps, caller: Caller, unitId: string, page: { limit?: number; cursor?: string | undefined }): Promise<{ unit: StoredUnit; entries: AuditEntry[]; cursor: string | null }> {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  return { unit, ...(await listAudit(deps.store, caller.tenant, unit.id, page)) };
}
