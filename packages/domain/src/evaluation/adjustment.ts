import { DomainError } from '../errors/index';
import { isAbove } from '../rating';
import { evaluateMember, type EvaluateMemberInput } from './evaluate-member';
import type { MemberEvaluation } from './member-evaluation';
import { label } from './messages';
import { overrideCircumstanceLabels } from './override';

/**
 * The appraising level's adjustment of a member, checked before it is stored (QĐ 366-QĐ/TW Điều 11):
 * under a rulebook with an `override` rule (r2025), an adjustment above `maxAllowed` or over a
 * forced level must name a permitted circumstance with a reason, else 422
 * `OVERRIDE_REASON_REQUIRED`; an override under a rulebook without one is 422
 * `OVERRIDE_NOT_ALLOWED` (there, as under r2019, an adjustment above the cap is simply lowered).
 * Returns the evaluation with the adjustment applied. Pure.
 *
 * @example checkAdjustment({ rulebook, member, facts, year: 2026, ratingDate, adjusted: 'good', override: { by, circumstance: 'forceMajeure', reason } })
 */
export function checkAdjustment(input: EvaluateMemberInput): MemberEvaluation {
  const override = input.override ?? null;
  const rules = input.rulebook.rules.filter((r) => r.enabled && r.check === 'override');
  if (override !== null && rules.length === 0) {
    throw new DomainError('OVERRIDE_NOT_ALLOWED', `Bộ quy tắc ${input.rulebook.baseId} không cho phép cấp trên xếp loại cao hơn mức tối đa theo quy định.`);
  }
  const adjusted = input.adjusted ?? null;
  const without = evaluateMember({ ...input, override: null, adjusted: null });
  const limit = without.maxAllowed;
  if (rules.length === 0 || adjusted === null || limit === null || !isAbove(adjusted, limit)) return evaluateMember(input);
  const allowed = rules.flatMap((r) => (r.params.circumstances as (keyof typeof overrideCircumstanceLabels)[] | undefined) ?? []);
  if (override === null || !allowed.includes(override.circumstance)) {
    throw new DomainError('OVERRIDE_REASON_REQUIRED', `Mức điều chỉnh ${label(adjusted)} cao hơn mức cao nhất được phép (${label(limit)}): phải nêu tình tiết (${allowed.map((c) => overrideCircumstanceLabels[c].toLocaleLowerCase('vi')).join('; hoặc ')}) và lý do.`,
      { maxAllowed: limit, adjusted },
    );
  }
  return evaluateMember(input);
}
