import { Member, type Caller, type LocalDate } from '@kd/domain';
import { createMember, pageUnitMembers, transferMember, updateMember, type MemberPage } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { memberInScope, unitInScope } from '../access/scope';
import { actorOf } from '../actor';

/** A page of a cell's members in Vietnamese name order. */
export async function listMembers(deps: ServiceDeps, caller: Caller, unitId: string, page: { limit: number; cursor?: string | null | undefined }): Promise<MemberPage> {
  const unit = await unitInScope(deps.store, caller, unitId, 'member.read');
  return pageUnitMembers(deps.store, caller.tenant, unit.id, { limit: page.limit, cursor: page.cursor ?? null });
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
