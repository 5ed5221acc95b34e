import { compareVietnameseNames, displayOrder, isOverdue, vietnamDateOf, type Caller, type Member } from '@kd/domain';
import { countCodes, listComments, listRemediation, listSubtree, listUnitMembers, type StoredUnit, type Store } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { sessionOf } from './sessions';

/** The members who may stand before the masses at a unit's session: its own and its subtree's (R-MASS-01). */
export async function membersOfSubtree(store: Store, tenant: string, unit: StoredUnit): Promise<Member[]> {
  const units = (await listSubtree(store, tenant, unit)).filter((u) => u.memberCount > 0 || u.id === unit.id);
  const lists = await Promise.all(units.map((u) => listUnitMembers(store, tenant, u.id)));
  return lists.flat().sort((a, b) => compareVietnameseNames(a.fullName, b.fullName) || (a.id < b.id ? -1 : 1));
}

/** Everything the session page shows: the session, its comments in display order, codes, remediation, the members. */
export async function sessionPageData(deps: ServiceDeps, caller: Caller, year: number, unitId: string, sessionId: string) {
  const access = await sessionOf(deps, caller, year, unitId, sessionId);
  const { unit, session } = access;
  const [comments, codes, remediation, members] = await Promise.all([
    listComments(deps.store, caller.tenant, unit.id, year, session.id),
    countCodes(deps.store, caller.tenant, session.id),
    listRemediation(deps.store, caller.tenant, unit.id, year),
    membersOfSubtree(deps.store, caller.tenant, unit),
  ]);
  const ordered = displayOrder(comments, session.orderKey);
  const ids = new Set(ordered.map((c) => c.id));
  const today = vietnamDateOf(deps.clock());
  return {
    ...access,
    comments: ordered,
    codes,
    remediation: remediation.filter((r) => r.commentIds.some((id) => ids.has(id))).map((r) => ({ ...r, overdue: isOverdue(r, today) })),
    members,
    names: new Map(members.map((m) => [m.id, m.fullName] as const)),
  };
}
