import { z } from 'zod';
import { UnitKind } from '../unit-kind';

/**
 * The words a rulebook may use in `check`, each with the shape of its `params`. A check is
 * implemented once in the engine (evaluation/member-checks.ts, evaluation/unit-checks.ts); what it
 * does to a rating (exclude, force, cap, require), at which level and how severely is the rule's
 * data, so a new year or a local overlay is a JSON change, not a code change.
 *
 * Extending to r2025 (QĐ 366/HD 43, 100-point scale) needs one new member check and data only:
 * add `score` (0–100) to the member facts and a check `scoreBand` with params
 * `{ bands: [{ min: 90, level: 'excellent', minExceededPercent: 30 }, { min: 70, level: 'good' },
 * { min: 50, level: 'complete', maxLatePercent: 20 }] }` that returns the level of the band the
 * score falls in as a dynamic cap (below the last band: a force to incomplete via a second rule).
 * Quota, head, discipline and eligibility rules carry over unchanged.
 */

const none = z.strictObject({});
const percent = z.number().min(0).max(100);

export const memberCheckParams = {
  /** R-ELIG-01: miễn công tác và sinh hoạt đảng. */
  exempt: z.strictObject({ reviewRequired: z.boolean().default(false) }),
  /** R-ELIG-02: đình chỉ sinh hoạt đảng (not a suspension from committee work only). */
  suspended: z.strictObject({ reviewRequired: z.boolean().default(false) }),
  /** R-ELIG-03: admitted less than `months` calendar months (clamped) before the cut-off. */
  newMember: z.strictObject({
    months: z.number().int().positive().default(6),
    reviewRequired: z.boolean(),
    cutoff: z.enum(['ratingDate', 'yearEnd']).default('ratingDate'),
  }),
  /** R-ELIG-05: absent from the rating meeting; `followUp` reports it so a make-up rating is scheduled. */
  absentFromRatingMeeting: z.strictObject({ reviewRequired: z.boolean().default(true), followUp: z.boolean().default(true) }),
  /** R-ELIG-05: the cell's vote (or the upper level's adjustment) is on file, unless a force rule rates the member. */
  decision: none,
  /** R-SPEC-01: sick leave in working days at or above `thresholdDays` ("03 tháng", provisional). */
  sickLeave: z.strictObject({ thresholdDays: z.number().int().positive() }),
  /** R-SPEC-02: fires for maternity leave; with no level it lowers nothing (the point of the rule). */
  maternity: none,
  /** R-SPEC-03: at least `months` at the sending cell this year ⇒ its written comments are required. */
  transferComment: z.strictObject({ months: z.number().int().min(0).max(12).default(6) }),
  /** R-SPEC-04: temporarily attached elsewhere ⇒ comments of the temporary cell are required. */
  temporaryComment: none,
  /** R-SPEC-05: disciplined in the year; `excludeFromVote` (LOCAL S0) makes any recorded vote a violation. */
  discipline: z.strictObject({ excludeFromVote: z.boolean().default(false) }),
  /** R-SPEC-08: a civil servant needs the state rating excellent to be rated excellent. */
  civilServantExcellent: none,
  /** R-SPEC-08 / R-IND19-KHTNV (c): state rating incomplete. */
  civilServantIncomplete: none,
  /** R-IND19-KHTNV (a): a competent level concluded signs of degradation. */
  degradation: none,
  /** R-IND19-KHTNV (b): completed less than `minPercent` of assigned targets. */
  taskCompletion: z.strictObject({ minPercent: percent.default(50) }),
  /** R-CAP-LOCAL-01: `minAbsences` regular meetings missed or `minSilentMeetings` attended without speaking. */
  attendance: z.strictObject({ minAbsences: z.number().int().positive(), minSilentMeetings: z.number().int().positive() }),
  /** R-HEAD-01: the unit's secretary is capped at the collective's rating (a dynamic level). */
  head: none,
} as const;

export const unitCheckParams = {
  /** R-ELIG-04: organisation founded less than `months` before the rating date. */
  orgFounded: z.strictObject({ months: z.number().int().positive().default(6) }),
  /** R-ELIG-05: the collective's own decided rating is on file. */
  orgDecision: none,
  /**
   * R-QUOTA-01: excellent ≤ ratio × good over `final` of the rated members in scope, checked at the
   * organisations whose kind is in `unitKinds` (a base organisation's whole subtree, or a cell's own members).
   */
  quota: z.strictObject({
    ratioPercent: percent,
    unitKinds: z.array(UnitKind).min(1),
    rounding: z.enum(['floor', 'round', 'ceil']).default('floor'),
  }),
  /** R-ORG19-HTXS: shares of members (cells) or subordinate organisations (committees) needed for excellent. */
  orgExcellent: z.strictObject({ minShareAtLeastComplete: percent, minShareAtLeastGood: percent }),
  /** R-ORG19-HTNV: the organisation was disciplined in the year. */
  orgDisciplined: none,
  /** R-ELIG-07 (LOCAL): whether the quality of cell meetings bounds the organisation's rating this year. */
  meetingQuality: z.strictObject({ used: z.boolean() }),
  /** R-HEAD-01 seen from the unit: its head's vote may not exceed the collective's rating. */
  head: none,
} as const;

export type MemberCheckName = keyof typeof memberCheckParams;
export type UnitCheckName = keyof typeof unitCheckParams;
export type CheckName = MemberCheckName | UnitCheckName;

export const checkNames = [...new Set([...Object.keys(memberCheckParams), ...Object.keys(unitCheckParams)])] as [CheckName, ...CheckName[]];
export const CheckName = z.enum(checkNames);

export type MemberCheckParams<K extends MemberCheckName> = z.infer<(typeof memberCheckParams)[K]>;
export type UnitCheckParams<K extends UnitCheckName> = z.infer<(typeof unitCheckParams)[K]>;

export function isMemberCheck(name: CheckName): name is MemberCheckName {
  return Object.hasOwn(memberCheckParams, name);
}
export function isUnitCheck(name: CheckName): name is UnitCheckName {
  return Object.hasOwn(unitCheckParams, name);
}
