import { forbidden, notFound, DomainError } from '@kd/domain/errors';
import { requireUnit, type StoredUnit } from '@kd/data/unit-repository';
import { requireMember } from '@kd/data/member-repository';
import type { Member } from '@kd/domain/member';
import type { Store } from '@kd/data/client';
import type { Caller } from '../auth/claims';
import { roleMay, type Action } from './permissions';

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
  if (!unit.path.includes(caller.unit)) throw forbidden();
  if (!roleMay(caller.role, action)) {
    throw new DomainError('forbidden', 'ROLE_NOT_ALLOWED', 'Vai trò của bạn không được thực hiện thao tác này.');
  }
}

/** Changes to a unit's own place in the tree (move, close) are made from above it. */
export function assertStrictlyBelow(caller: Caller, unit: Pick<StoredUnit, 'path' | 'id'>): void {
  if (unit.id === caller.unit) throw forbidden('Thao tác này do cấp trên của đơn vị thực hiện.', 'UPPER_LEVEL_ONLY');
}

export async function memberInScope(
  store: Store,
  caller: Caller,
  memberId: string,
  action: Action,
): Promise<{ member: Member; unit: StoredUnit }> {
  const member = await requireMember(store, caller.tenant, memberId);
  const unit = await requireUnit(store, caller.tenant, member.unitId).catch(() => {
    throw notFound('Không tìm thấy đảng viên.', 'MEMBER_NOT_FOUND');
  });
  assertInScope(caller, unit, action);
  return { member, unit };
}
