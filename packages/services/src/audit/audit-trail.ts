import { z } from 'zod';
import { DomainError, LocalDate, matchesTyped, startOfDayInVietnam, type Caller } from '@kd/domain';
import { getMembers, getUnits, listAudit, type AuditEntry } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';
import { AuditPositionSchema, encodeCursor, positionOf } from '../cursor';

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

/** The texts of a change (names, notes, values), for a typed text to match. */
function textsIn(value: unknown, into: string[], depth = 0): void {
  if (depth > 3 || value === null || value === undefined || into.length > 200) return;
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const v of value.slice(0, 50)) textsIn(v, into, depth + 1);
  else if (typeof value === 'object') for (const v of Object.values(value)) textsIn(v, into, depth + 1);
}

/** What the audit trail page narrows to: an action, who did it (a typed name), a date range (Vietnam days), a typed text. */
export const AuditFilter = z.object({
  action: z.string().max(100).optional(),
  who: z.string().max(100).optional(),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  q: z.string().max(100).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

/** Entries read from the table for one filtered page at most: a rare action over years of entries stops here and offers "Trang sau". */
const SCAN_BUDGET = 2000;
const CHUNK = 200;

function matches(e: AuditEntry, f: AuditFilter): boolean {
  if (f.action && e.action !== f.action) return false;
  if (f.who && !matchesTyped(f.who, e.actor.name)) return false;
  if (f.q) {
    const texts = [e.target, e.reason ?? ''];
    textsIn(e.before, texts);
    textsIn(e.after, texts);
    if (!matchesTyped(f.q, ...texts)) return false;
  }
  return true;
}

/**
 * A page of a unit's audit trail for people to read, newest first: the entries the filter keeps
 * (the date range is a range of the sort key; action, who and text are checked on each entry, at
 * most SCAN_BUDGET entries a page), and the names of the units and members they mention (targets
 * such as `c1/2021` or `M001`, fields such as `groupId`), looked up in two batch reads, so that
 * the page says "Chi bộ Bệnh viện Phổi" rather than an id. The cursor is bound to the unit and the filter.
 */
export async function auditTrail(deps: ServiceDeps, caller: Caller, unitId: string, page: { limit?: number; cursor?: string | undefined; filter?: AuditFilter }) {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const filter = AuditFilter.parse(page.filter ?? {});
  if (filter.from && filter.to && filter.from > filter.to) throw new DomainError('DATE_RANGE_INVALID', 'Ngày đầu của khoảng thời gian sau ngày cuối.', { from: filter.from, to: filter.to });
  const since = filter.from ? startOfDayInVietnam(filter.from).toISOString() : null;
  const before = filter.to ? new Date(startOfDayInVietnam(filter.to).getTime() + 86_400_000).toISOString() : null;
  const narrowed = Boolean(filter.action || filter.who || filter.q || since || before);
  const query = narrowed ? `audit:${unit.id}:${JSON.stringify([filter.action, filter.who, filter.from, filter.to, filter.q])}` : `audit:${unit.id}`;
  const limit = page.limit ?? 50;
  let position = positionOf(deps, caller.tenant, query, page.cursor, AuditPositionSchema);
  const entries: AuditEntry[] = [];
  let scanned = 0;
  let more = true;
  while (more && entries.length < limit && scanned < SCAN_BUDGET) {
    const chunk = await listAudit(deps.store, caller.tenant, unit.id, { limit: narrowed ? CHUNK : limit, after: position, since, before });
    more = chunk.next !== null;
    for (const [i, e] of chunk.entries.entries()) {
      scanned += 1;
      position = { sk: `AUDIT#${e.at}#${e.id}` };
      if (matches(e, filter)) entries.push(e);
      if (entries.length === limit) {
        more ||= i < chunk.entries.length - 1;
        break;
      }
    }
  }
  // The next page starts after the last entry looked at, kept or not.
  const cursor = more && position ? encodeCursor(deps, caller.tenant, query, position) : null;
  const ids = new Set<string>();
  for (const e of entries) {
    for (const part of e.target.split('/')) if (part && !/^\d{4}$/.test(part)) ids.add(part);
    idsIn(e.before, '', ids);
    idsIn(e.after, '', ids);
  }
  const list = [...ids].slice(0, 500);
  const [units, members] = await Promise.all([getUnits(deps.store, caller.tenant, list), getMembers(deps.store, caller.tenant, list)]);
  const names = new Map<string, string>();
  for (const [id, u] of units) names.set(id, u.name);
  for (const [id, m] of members) names.set(id, `${m.fullName} (${id})`);
  return { unit, entries, cursor, names, filter, narrowed, scanned };
}
