import { DomainError, isCell, type Caller, type MemberEvaluation, type Member } from '@kd/domain';
import type { StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { memberOfUnit } from '../access/scope';
import { evaluatedUnit } from './unit-year';

/** A cell's members, each with the year's evaluation (422 NOT_A_CELL for any other unit). */
export async function cellMemberEvaluations(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<{ unit: StoredUnit; members: { member: Member; evaluation: MemberEvaluation | undefined }[] }> {
  const { unit, stored, evaluation } = await evaluatedUnit(deps, caller, year, unitId, 'member.read');
  if (!isCell(unit.kind)) throw new DomainError('NOT_A_CELL', 'Đơn vị này không có đảng viên sinh hoạt trực tiếp.');
  const byId = new Map(evaluation.members.map((e) => [e.memberId, e]));
  return { unit, members: stored.members.map((member) => ({ member, evaluation: byId.get(member.id) })) };
}

/** One member's evaluation of the year, as the review of the member's unit computes it. */
export async function memberEvaluation(deps: ServiceDeps, caller: Caller, year: number, unitId: string, memberId: string): Promise<{ unit: StoredUnit; member: Member; evaluation: MemberEvaluation; ratingDate: string }> {
  const { unit, evaluation } = await evaluatedUnit(deps, caller, year, unitId, 'member.read');
  const member = await memberOfUnit(deps.store, caller.tenant, unit, memberId);
  const found = evaluation.members.find((e) => e.memberId === member.id);
  if (!found) throw new DomainError('MEMBER_NOT_FOUND', 'Không tìm thấy kết quả đánh giá của đảng viên.');
  return { unit, member, evaluation: found, ratingDate: evaluation.ratingDate };
}
