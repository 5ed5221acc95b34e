import { z } from 'zod';
import { Rating } from '../rating';
import { UnitKind } from '../unit-kind';
import { RewardAward, RewardSubject } from '../rewards/award';

/**
 * The words a rulebook may use in `check`, each with the shape of its `params`. A check is
 * implemented once in the engine (evaluation/member-checks.ts, evaluation/unit-checks.ts); what it
 * does to a rating (exclude, force, cap, require), at which level and how severely is the rule's
 * data, so a new year or a local overlay is a JSON change, not a code change.
 *
 * The 100-point regime (r2025) added the score checks (`scoreBand`, `scoreBelow`, `scoresOnFile`
 * and their collective twins), `prohibitions`, `override` and the group check `collectiveQuota`;
 * r2023's conditions for excellent are `taskConditions` / `orgTaskConditions`.
 */

const none = z.strictObject({});
const percent = z.number().min(0).max(100);

/**
 * What tasks must show for a level (QĐ 366-QĐ/TW Điều 11, QĐ 124-QĐ/TW Điều 12): share completed,
 * share late at most, share exceeding requirements at least, earlier shortcomings all remedied.
 */
const taskConditionShape = {
  minCompletedPercent: percent.default(100),
  maxLatePercent: percent.optional(),
  minExceedingPercent: percent.optional(),
  requireRemedied: z.boolean().default(false),
};
export const TaskConditions = z.strictObject(taskConditionShape);
export type TaskConditions = z.infer<typeof TaskConditions>;

/** A score band: from `minScore` up, `level` when its task conditions hold too. */
export const ScoreBand = z.strictObject({ level: Rating.exclude(['incomplete']), minScore: z.number().min(0).max(100), ...taskConditionShape });
export type ScoreBand = z.infer<typeof ScoreBand>;

/** Bands best first; `fallback` is the level when no band's score and conditions both hold. */
const scoreBands = z
  .strictObject({ bands: z.array(ScoreBand).min(1), fallback: Rating.default('incomplete') })
  .refine((p) => p.bands.every((b, i) => i === 0 || b.minScore < p.bands[i - 1]!.minScore), 'Các khung điểm xếp theo điểm giảm dần');

export const overrideCircumstances = ['forceMajeure', 'selfReportedRemedied'] as const;
export const OverrideCircumstance = z.enum(overrideCircumstances);
export type OverrideCircumstance = z.infer<typeof OverrideCircumstance>;

const quotaShape = {
  ratioPercent: percent,
  rounding: z.enum(['floor', 'round', 'ceil']).default('floor'),
  /** The highest share the competent level may grant by exception; absent: no exception. */
  exceptionMaxPercent: percent.optional(),
};

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
  /** QĐ 366 Điều 10: both group scores (and the task share, when `taskShare`) are on file. */
  scoresOnFile: z.strictObject({ taskShare: z.boolean().default(true) }),
  /** QĐ 366 Điều 11: the level whose score band and conditions both hold (a dynamic cap). */
  scoreBand: scoreBands,
  /** QĐ 366 Điều 11: a total under `minScore`. */
  scoreBelow: z.strictObject({ minScore: z.number().min(0).max(100) }),
  /** QĐ 366 Điều 11: breached what party members must not do. */
  prohibitions: none,
  /** QĐ 124 Điều 12: the task conditions of a level (r2023's excellent). */
  taskConditions: TaskConditions,
  /** QĐ 366 Điều 11: the appraising level may rate above the rules for these circumstances, with a reason. */
  override: z.strictObject({ circumstances: z.array(OverrideCircumstance).min(1) }),
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
  quota: z.strictObject({ ...quotaShape, unitKinds: z.array(UnitKind).min(1) }),
  /** R-ORG19-HTXS: shares of members (cells) or subordinate organisations (committees) needed for excellent. */
  orgExcellent: z.strictObject({ minShareAtLeastComplete: percent, minShareAtLeastGood: percent }),
  /** R-ORG19-HTNV: the organisation was disciplined in the year. */
  orgDisciplined: none,
  /** R-ELIG-07 (LOCAL): whether the quality of cell meetings bounds the organisation's rating this year. */
  meetingQuality: z.strictObject({ used: z.boolean() }),
  /** R-HEAD-01 seen from the unit: its head's vote may not exceed the collective's rating. */
  head: none,
  /** HD 43 mục 3: the kinds of unit rated as collectives (a predicate; the check itself finds nothing). */
  collectiveScope: z.strictObject({ unitKinds: z.array(UnitKind).min(1) }),
  /** QĐ 366 Điều 10, Phụ lục 1: the collective's two group scores are on file. */
  orgScoresOnFile: z.strictObject({ taskShare: z.boolean().default(true) }),
  /** QĐ 366 Điều 11: the collective's level by score band and conditions. */
  orgScoreBand: scoreBands,
  /** QĐ 366 Điều 11: the collective's total under `minScore`. */
  orgScoreBelow: z.strictObject({ minScore: z.number().min(0).max(100) }),
  /** QĐ 366 Điều 11: the collective completed less than `minPercent` of its tasks. */
  orgTaskCompletion: z.strictObject({ minPercent: percent }),
  /** QĐ 124 Điều 12: the collective's task conditions (r2023's excellent). */
  orgTaskConditions: TaskConditions,
  /** QĐ 124 Điều 12, QĐ 366 Điều 11: a subordinate organisation or a leadership member disciplined. */
  subordinateDiscipline: none,
} as const;

/** Checks over a group of collectives of similar function, run by the level that rates them. */
export const groupCheckParams = {
  /** R-QUOTA-02: collectives rated excellent ≤ ratio × those rated good, per group. */
  collectiveQuota: z.strictObject(quotaShape),
} as const;

/**
 * Checks over the ratings of several years (rewards, R-CONS-01), run by the rewards list and never
 * by an evaluation. `notRatedBreaksChain`: whether a year without a rating (exempt, suspended, new,
 * absent) breaks a run of consecutive years or is passed over — a reading the texts leave open.
 */
export const historyCheckParams = {
  /** R-REW-01: rated excellent this year and in each of the `years` − 1 years before. */
  excellentStreak: z.strictObject({
    subject: RewardSubject,
    years: z.number().int().min(1).max(10),
    awards: z.array(RewardAward).min(1),
    notRatedBreaksChain: z.boolean().default(true),
  }),
  /** R-CONS-01: rated incomplete this year and in each of the `years` − 1 years before. */
  incompleteStreak: z.strictObject({ years: z.number().int().min(2).max(10), notRatedBreaksChain: z.boolean().default(true) }),
} as const;

export type MemberCheckName = keyof typeof memberCheckParams;
export type UnitCheckName = keyof typeof unitCheckParams;
export type GroupCheckName = keyof typeof groupCheckParams;
export type HistoryCheckName = keyof typeof historyCheckParams;
export type CheckName = MemberCheckName | UnitCheckName | GroupCheckName | HistoryCheckName;

export const checkNames = [
  ...new Set([...Object.keys(memberCheckParams), ...Object.keys(unitCheckParams), ...Object.keys(groupCheckParams), ...Object.keys(historyCheckParams)]),
] as [CheckName, ...CheckName[]];
export const CheckName = z.enum(checkNames);

export type MemberCheckParams<K extends MemberCheckName> = z.infer<(typeof memberCheckParams)[K]>;
export type UnitCheckParams<K extends UnitCheckName> = z.infer<(typeof unitCheckParams)[K]>;
export type GroupCheckParams<K extends GroupCheckName> = z.infer<(typeof groupCheckParams)[K]>;
export type HistoryCheckParams<K extends HistoryCheckName> = z.infer<(typeof historyCheckParams)[K]>;

export function isMemberCheck(name: CheckName): name is MemberCheckName {
  return Object.hasOwn(memberCheckParams, name);
}
export function isUnitCheck(name: CheckName): name is UnitCheckName {
  return Object.hasOwn(unitCheckParams, name);
}
export function isGroupCheck(name: CheckName): name is GroupCheckName {
  return Object.hasOwn(groupCheckParams, name);
}
export function isHistoryCheck(name: CheckName): name is HistoryCheckName {
  return Object.hasOwn(historyCheckParams, name);
}
