import { DomainError } from '../errors/index';
import { checkAdjustment } from '../evaluation/adjustment';
import type { Override } from '../evaluation/override';
import { emptyFacts } from '../member-facts';
import type { ResolvedRulebook } from '../rulebook/schema';
import type { LocalDate } from '../local-date';
import type { Adjustments } from './appraisal';
import { collectiveRatingOf, ratingDateOf, type UnitYear } from './unit-year';

/**
 * The appraising level's member adjustments checked against the year's rules before anything is
 * stored (QĐ 366-QĐ/TW Điều 11): every adjustment has a reason; one above `maxAllowed` or over a
 * forced level is an override, allowed only under a rulebook that has an `override` rule (r2025)
 * and only with a permitted circumstance and a reason (422 OVERRIDE_REASON_REQUIRED otherwise,
 * OVERRIDE_NOT_ALLOWED under earlier regimes, where such an adjustment is simply lowered to the cap).
 * Returns the override to store with each adjusted row (null where none applies). Pure.
 *
 * @example checkMemberAdjustments({ rulebook, year: 2026, campaignRatingDate, unitYear, adjustments, by: 'Đảng ủy Sở Y tế' })
 */
export function checkMemberAdjustments(input: {
  rulebook: ResolvedRulebook;
  year: number;
  campaignRatingDate: LocalDate;
  unitYear: UnitYear;
  adjustments: Adjustments;
  /** The appraising unit, as the evaluation and the audit name it. */
  by: string;
}): Map<string, Override | null> {
  const { rulebook, year, unitYear } = input;
  const ratingDate = ratingDateOf(input.campaignRatingDate, unitYear.meetingDate);
  const members = new Map(unitYear.members.map((m) => [m.id, m] as const));
  const out = new Map<string, Override | null>();
  for (const a of input.adjustments.members) {
    const member = members.get(a.memberId);
    if (!member) continue; // the store refuses it with the list (ADJUSTMENT_UNKNOWN_MEMBER)
    const override = a.circumstance && a.reason ? { by: input.by, circumstance: a.circumstance, reason: a.reason } : null;
    const evaluation = checkAdjustment({
      rulebook,
      member,
      facts: unitYear.rows.get(member.id)?.facts ?? emptyFacts(),
      year,
      ratingDate,
      adjusted: a.rating,
      override,
      collectiveRating: member.partyPosition === 'secretary' ? collectiveRatingOf(unitYear) : null,
    });
    if (!a.reason) {
      throw new DomainError('ADJUSTMENT_REASON_REQUIRED', `Điều chỉnh xếp loại của đảng viên ${member.fullName} phải ghi rõ lý do.`, { memberId: member.id });
    }
    out.set(member.id, evaluation.override ? override : null);
  }
  return out;
}
