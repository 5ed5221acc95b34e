import type { MemberEvaluation } from '../evaluation/index';
import { evaluateUnitYear } from '../review/unit-year';
import type { LocalDate } from '../local-date';
import type { Member } from '../member';
import type { Rating } from '../rating';
import type { ResolvedRulebook } from '../rulebook/index';
import type { Severity } from '../rulebook/schema';
import type { UnitKind } from '../unit-kind';
import type { ResultsRow } from './results-rows';
import type { CollectiveFacts } from '../review/collective-facts';

/** A violation as an upload answer lists it (docs/api.md, "Upload answers"): unit-level ones have `memberId: null`. */
export interface UploadViolation {
  memberId: string | null;
  ruleId: string;
  severity: Severity;
  message: string;
}

export interface EvaluateUploadInput {
  rulebook: ResolvedRulebook;
  year: number;
  /** The campaign's rating date; the unit's meeting date wins when set (docs/api.md, "Evaluations"). */
  campaignRatingDate: LocalDate;
  meetingDate: LocalDate | null;
  unit: { id: string; kind: UnitKind; foundedOn: LocalDate | null };
  /** The unit's roster: every valid row names one of them. */
  members: ReadonlyMap<string, Member>;
  /** The rows of the file that had no error. */
  rows: readonly ResultsRow[];
  /** The collective's own rating as the dossier holds it (R-HEAD-01, R-ORG19-*; under r2025 with its scores), and the upper level's adjustment. */
  collective: { proposed: Rating | null; decided: Rating | null } & Partial<CollectiveFacts>;
  adjustedCollective: { rating: Rating } | null;
  /** A base cell's quota exception granted by the competent level (e.g. 0.25). */
  quotaExceptionShare?: number | null;
}

/**
 * What the rulebook says about an upload's rows: the unit-year as it will be once committed,
 * evaluated by `evaluateUnitYear` — the review page's evaluation — so the upload answer, the
 * review and the roll-ups cannot disagree. One member evaluation per valid row, in file order,
 * and every violation once — each member's, then the unit's (quota, head, the collective's own
 * rating). Rows with errors are not evaluated: their facts are not known. Pure.
 *
 * @example
 * const { evaluations, violations } = evaluateUpload({ rulebook, year: 2021, campaignRatingDate: '2021-12-20', meetingDate: null, unit, members, rows, collective, adjustedCollective: null });
 */
export function evaluateUpload(input: EvaluateUploadInput): { evaluations: MemberEvaluation[]; violations: UploadViolation[] } {
  const rows = input.rows.filter((row) => input.members.has(row.memberId)); // validation already refused rows outside the roster
  const evaluation = evaluateUnitYear({
    rulebook: input.rulebook,
    year: input.year,
    campaignRatingDate: input.campaignRatingDate,
    unitYear: {
      unit: input.unit,
      members: rows.map((row) => input.members.get(row.memberId)!),
      rows: new Map(rows.map((row) => [row.memberId, { facts: row.facts, adjusted: null }])),
      collective: input.collective,
      adjustedCollective: input.adjustedCollective,
      meetingDate: input.meetingDate,
      quotaExceptionShare: input.quotaExceptionShare ?? null,
    },
  });
  return { evaluations: evaluation.members, violations: evaluation.violations };
}
