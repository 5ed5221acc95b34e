import { Member, type Caller, type LocalDate } from '@kd/domain';
import { createMember, pageUnitMembers, transferMember, updateMember } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { memberInScope, unitInScope } from '../access/scope';
import { actorOf } from '../actor';
import { encodeCursor, MemberPositionSchema, positionOf } from '../cursor';

export interface MembersPage {
  members: Member[];
  total: number;
  /** Opaque: send it back as `cursor` for the next page; null on the last one. */
  cursor: string | null;
}

/** A page of a cell's members, its cursor signed for this tenant and this unit's list. */
export async function memberPage(deps: ServiceDeps, tenant: string, unitId: string, page: { limit: number; cursor?: string | null | undefined }): Promise<MembersPage> {
  const query = `members:${unitId}`;
  const after = positionOf(deps, tenant, query, page.cursor, MemberPositionSchema);
  const { members, total, next } = await pageUnitMembers(deps.store, tenant, unitId, { limit: page.limit, after });
  return { members, total, cursor: next ? encodeCursor(deps, tenant, query, next) : null };
}

/** A page of a cell's members in Vietnamese name order. */
export async function listMembers(deps: ServiceDeps, caller: Caller, unitId: string, page: { limit: number; cursor?: string | null | undefined }): Promise<MembersPage> {
  const unit = await unitInScope(deps.store, caller, unitId, 'member.read');
  return memberPage(deps, caller.tenant, unit.id, page);
}

export async function addMember(deps: ServiceDeps, caller: Caller, unitId: string, input: Omit<Member, 'unitId' | 'version'> | Record<string, unknown>): Promise<Member> {
  const unit = await unitInScope(deps.store, caller, unitId, 'member.write');
  return createMember(deps.store, caller.tenant, unit, Member.parse({ ...input, unitId: unit.id }), actorOf(caller), deps.clock().toISOString());
}

export async function readMember(deps: ServiceDeps, caller: Caller, memberId: string): Promise<Member> {
  return (await memberInScope(deps.store, caller, memberId, 'member.read')).member;
}

export async function changeMember(deps: ServiceDeps, caller: Caller, memberId: string, changes: Partial<Omit<Member, 'id' | 'unitId' | 'version'>>, version: number): Promise<Member> {
  const { member } = await memberInScope(deps.store, caller, memberId, 'member.write');
  return updateMember(deps.store, caller.tenant, member, changes, version, actorOf(caller), deps.clock().toISOString());
}

/** An official transfer to another cell in the caller's scope, on `on` (default today). */
export async function transfer(deps: ServiceDeps, caller: Caller, memberId: string, toUnitId: string, version: number, on?: LocalDate): Promise<Member> {
  const { member } = await memberInScope(deps.store, caller, memberId, 'member.write');
  const to = await unitInScope(deps.store, caller, toUnitId, 'member.write');
  return transferMember(deps.store, caller.tenant, member, to, version, actorOf(caller), deps.clock().toISOString(), on);
}
