import { evaluateMember, evaluateUnit, type MemberEvaluation } from '../evaluation/index';
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
  /** The unit's meeting date if set, else the campaign's (docs/api.md, "Evaluations"). */
  ratingDate: LocalDate;
  unit: { id: string; kind: UnitKind; foundedOn: LocalDate | null };
  /** The unit's roster: every valid row names one of them. */
  members: ReadonlyMap<string, Member>;
  /** The rows of the file that had no error. */
  rows: readonly ResultsRow[];
  /** The collective's own rating as the dossier holds it (R-HEAD-01, R-ORG19-*; under r2025 with its scores). */
  collective: { proposed: Rating | null; decided: Rating | null } & Partial<CollectiveFacts>;
  /** A base cell's quota exception granted by the competent level (e.g. 0.25). */
  quotaExceptionShare?: number | null;
}

/**
 * What the rulebook says about an upload's rows: one member evaluation per valid row, in file
 * order, and every violation — each member's, then the unit's (quota, head, the collective's own
 * rating). Rows with errors are not evaluated: their facts are not known. Pure.
 *
 * @example
 * const { evaluations, violations } = evaluateUpload({ rulebook, year: 2021, ratingDate: '2021-12-20', unit, members, rows, collective });
 */
export function evaluateUpload(input: EvaluateUploadInput): { evaluations: MemberEvaluation[]; violations: UploadViolation[] } {
  const { rulebook, year, ratingDate, members, collective } = input;
  const evaluations: MemberEvaluation[] = [];
  for (const row of input.rows) {
    const member = members.get(row.memberId);
    if (!member) continue; // validation already refused rows outside the roster
    evaluations.push(evaluateMember({ rulebook, member, facts: row.facts, year, ratingDate, collectiveRating: collective.decided }));
  }
  const head = [...members.values()].find((m) => m.partyPosition === 'secretary');
  const unitEvaluation = evaluateUnit({
    rulebook,
    unit: input.unit,
    year,
    ratingDate,
    collective,
    quotaExceptionShare: input.quotaExceptionShare ?? null,
    memberEvaluations: evaluations,
    headMemberId: head?.id ?? null,
  });
  const violations: UploadViolation[] = [
    ...evaluations.flatMap((e) => e.violations.map((v) => ({ memberId: e.memberId, ...v }))),
    ...unitEvaluation.violations,
  ];
  return { evaluations, violations };
}
