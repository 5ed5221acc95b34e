import { DomainError, nationalIdDigits, nationalIdLast4, type Caller } from '@kd/domain';
import { getIdentity, identityShown, saveIdentity, staleError } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { changeBy } from '../actor';
import { memberInScope } from '../access/scope';
import { hasherOf } from './national-id-keys';

/** What anyone is shown of a member's identity: the card number and the national id's last four digits. */
export async function readMemberIdentity(deps: ServiceDeps, caller: Caller, memberId: string) {
  const { member } = await memberInScope(deps.store, caller, memberId, 'member.read');
  const identity = await getIdentity(deps.store, caller.tenant, member.id);
  return { memberId: member.id, ...identityShown(identity), hasNationalId: identity.nationalIdHash !== null, version: identity.version };
}

/**
 * Records a member's party card number and national id. The number is hashed with the tenant's key
 * at once and only its last four digits kept; `nationalId: null` removes it.
 */
export async function saveMemberIdentity(
  deps: ServiceDeps,
  caller: Caller,
  memberId: string,
  input: { partyCardNumber?: string | null; nationalId?: string | null; version: number },
) {
  const { member, unit } = await memberInScope(deps.store, caller, memberId, 'member.write');
  const current = await getIdentity(deps.store, caller.tenant, member.id);
  if (current.version !== input.version) throw staleError();
  let nationalIdHash = current.nationalIdHash;
  let last4 = current.nationalIdLast4;
  if (input.nationalId === null) {
    nationalIdHash = null;
    last4 = null;
  } else if (input.nationalId !== undefined) {
    const digits = nationalIdDigits(input.nationalId);
    if (!digits) throw new DomainError('NATIONAL_ID_INVALID', 'Số định danh cá nhân không hợp lệ (12 chữ số, hoặc 9 chữ số với chứng minh nhân dân cũ).');
    nationalIdHash = (await hasherOf(deps.nationalIdKeys, caller.tenant))(digits);
    last4 = nationalIdLast4(digits);
  }
  const partyCardNumber = input.partyCardNumber === undefined ? current.partyCardNumber : input.partyCardNumber?.replace(/\s+/g, '') || null;
  const saved = await saveIdentity(deps.store, caller.tenant, unit.id, current, { memberId: member.id, partyCardNumber, nationalIdHash, nationalIdLast4: last4 }, changeBy(deps, caller));
  return { memberId: member.id, ...identityShown(saved), hasNationalId: saved.nationalIdHash !== null, version: saved.version };
}
