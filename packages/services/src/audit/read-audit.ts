import type { Caller } from '@kd/domain';
import { listAudit, type AuditEntry, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';
import { AuditPositionSchema, encodeCursor, positionOf } from '../cursor';

/** A unit's audit trail, newest first, a page at a time (the cursor is bound to the tenant and the unit). */
export async function readAudit(deps: ServiceDeps, caller: Caller, unitId: string, page: { limit?: number; cursor?: string | undefined }): Promise<{ unit: StoredUnit; entries: AuditEntry[]; cursor: string | null }> {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const query = `audit:${unit.id}`;
  const after = positionOf(deps, caller.tenant, query, page.cursor, AuditPositionSchema);
  const { entries, next } = await listAudit(deps.store, caller.tenant, unit.id, { limit: page.limit, after });
  return { unit, entries, cursor: next ? encodeCursor(deps, caller.tenant, query, next) : null };
}
