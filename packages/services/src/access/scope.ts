import { DomainError, outsideSubtree, roleMay, type Member, type Action, type Caller } from '@kd/domain';
import { requireUnit, getMember, requireMember, type StoredUnit, type Store } from '@kd/data';

/**
 * The one place that decides whether a caller may touch a unit. The tenant comes from the token
 * only, so a unit of another tenant is simply not found (404, nothing leaks); a unit of the same
 * tenant outside the caller's subtree is 403.
 */
export async function unitInScope(store: Store, caller: Caller, unitId: string, action: Action): Promise<StoredUnit> {
  const unit = await requireUnit(store, caller.tenant, unitId);
  assertInScope(caller, unit, action);
  return unit;
}

export function assertInScope(caller: Caller, unit: Pick<StoredUnit, 'path' | 'id'>, action: Action): void {
  if (!unit.path.includes(caller.unit)) throw outsideSubtree();
  if (!roleMay(caller.role, action)) throw new DomainError('ROLE_NOT_ALLOWED', 'Vai trò của bạn không được thực hiện thao tác này.');
}

/** Changes to a unit's own place in the tree (move, close) and appraisals are made from above it. */
export function assertStrictlyBelow(caller: Caller, unit: Pick<StoredUnit, 'path' | 'id'>): void {
  if (unit.id === caller.unit) throw new DomainError('UPPER_LEVEL_ONLY', 'Thao tác này do cấp trên của đơn vị thực hiện.');
}

/** A member and its unit, the unit in the caller's scope for `action`. */
export async function memberInScope(store: Store, caller: Caller, memberId: string, action: Action): Promise<{ member: Member; unit: StoredUnit }> {
  const member = await requireMember(store, caller.tenant, memberId);
  const unit = await requireUnit(store, caller.tenant, member.unitId).catch(() => {
    throw new DomainError('MEMBER_NOT_FOUND', 'Không tìm thấy đảng viên.');
  });
  assertInScope(caller, unit, action);
  return { member, unit };
}

/**
 * A member's own record: a party member signed in for themselves (role `member`, `unit` their cell,
 * `sub` their member id) reaches their own and nothing else of the cell (403 NOT_YOUR_RECORD); any
 * other role reaches a member of a unit in its scope for `action` (the cell and the levels above
 * read it, and key it in for the member).
 */
export async function ownRecordInScope(store: Store, caller: Caller, unitId: string, memberId: string, action: Action, refusal = 'Đồng chí chỉ xem và viết hồ sơ kiểm điểm của chính mình.'): Promise<{ unit: StoredUnit; member: Member; own: boolean }> {
  if (caller.role === 'member') {
    if (caller.unit !== unitId || caller.sub !== memberId) throw new DomainError('NOT_YOUR_RECORD', refusal);
    const unit = await requireUnit(store, caller.tenant, unitId);
    return { unit, member: await memberOfUnit(store, caller.tenant, unit, memberId), own: true };
  }
  const unit = await unitInScope(store, caller, unitId, action);
  return { unit, member: await memberOfUnit(store, caller.tenant, unit, memberId), own: false };
}

/** A member of `unit` (already in scope): 404 for anyone else, wherever they are. */
export async function memberOfUnit(store: Store, tenant: string, unit: Pick<StoredUnit, 'id'>, memberId: string): Promise<Member> {
  const member = await getMember(store, tenant, memberId);
  if (!member || member.unitId !== unit.id) throw new DomainError('MEMBER_NOT_FOUND', 'Không tìm thấy đảng viên trong đơn vị này.');
  return member;
}
