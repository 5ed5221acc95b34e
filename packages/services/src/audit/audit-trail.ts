import type { Caller } from '@kd/domain';
import { getMembers, getUnits } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { readAudit } from './read-audit';

/** Values of these fields (and the parts of a target) may name a unit or a member. */
const ID_FIELD = /(^id$|Id$|Ids$|^unit$|^target$)/;

function idsIn(value: unknown, key: string, into: Set<string>, depth = 0): void {
  if (depth > 3 || value === null || value === undefined) return;
  if (typeof value === 'string') {
    if (ID_FIELD.test(key) && value.length <= 100) into.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value.slice(0, 200)) idsIn(v, key, into, depth + 1);
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) idsIn(v, k, into, depth + 1);
  }
}

/**
 * A page of a unit's audit trail for people to read: the entries, and the names of the units and
 * members they mention (targets such as `c1/2021` or `M001`, fields such as `groupId`), looked up
 * in two batch reads, so that the page says "Chi bộ Bệnh viện Phổi" rather than an id.
 */
export async function auditTrail(deps: ServiceDeps, caller: Caller, unitId: string, page: { limit?: number; cursor?: string | undefined }) {
  const read = await readAudit(deps, caller, unitId, page);
  const ids = new Set<string>();
  for (const e of read.entries) {
    for (const part of e.target.split('/')) if (part && !/^\d{4}$/.test(part)) ids.add(part);
    idsIn(e.before, '', ids);
    idsIn(e.after, '', ids);
  }
  const list = [...ids].slice(0, 500);
  const [units, members] = await Promise.all([getUnits(deps.store, caller.tenant, list), getMembers(deps.store, caller.tenant, list)]);
  const names = new Map<string, string>();
  for (const [id, u] of units) names.set(id, u.name);
  for (const [id, m] of members) names.set(id, `${m.fullName} (${id})`);
  return { ...read, names };
}
