import { evaluateMember, evaluateUnit, isRatedCollective, type MemberEvaluation, type UnitEvaluation } from '../evaluation/index';
import type { LocalDate } from '../local-date';
import type { Member } from '../member';
import { emptyFacts, type MemberFacts } from '../member-facts';
import type { Rating } from '../rating';
import type { ResolvedRulebook } from '../rulebook/schema';
import { isCell, type UnitKind } from '../unit-kind';
import type { Override } from '../evaluation/override';
import { leadershipDisciplined, type CollectiveFacts } from './collective-facts';

/** What the evaluation reads of one party organisation's year (plain data loaded by the caller). */
export interface UnitYear {
  readonly unit: { readonly id: string; readonly kind: UnitKind; readonly foundedOn: LocalDate | null };
  /** The unit's direct members (a cell's roster). */
  readonly members: readonly Member[];
  /** Rows of the current results version by member id; a member without a row has empty facts. */
  readonly rows: ReadonlyMap<string, { readonly facts: MemberFacts; readonly adjusted: Rating | null; readonly override?: Override | null }>;
  /** The collective's own record (under r2025 with its scores and task figures). */
  readonly collective: { readonly proposed: Rating | null; readonly decided: Rating | null } & Partial<CollectiveFacts>;
  readonly adjustedCollective: { readonly rating: Rating; readonly reason?: string } | null;
  readonly meetingDate: LocalDate | null;
  /** The share of `good` the competent level granted this base organisation by exception (e.g. 0.25). */
  readonly quotaExceptionShare?: number | null;
}

export interface Violation {
  readonly memberId: string | null;
  readonly ruleId: string;
  readonly severity: 'blocking' | 'warning';
  readonly message: string;
}

export interface UnitYearEvaluation {
  readonly ratingDate: LocalDate;
  readonly members: MemberEvaluation[];
  /** Null for units the rulebook does not rate as collectives (groups; blocs and the province before r2025). */
  readonly unit: UnitEvaluation | null;
  /** Every violation, member- then unit-level, each once (what an upload answer lists). */
  readonly violations: Violation[];
  /** Everything that stops the unit's own submission (member- and unit-level), each once. */
  readonly blocking: Violation[];
  readonly warnings: Violation[];
}

/** The unit's meeting date if set, else the campaign's (docs/api.md, "Evaluations"). */
export function ratingDateOf(campaignRatingDate: LocalDate, meetingDate: LocalDate | null): LocalDate {
  return meetingDate ?? campaignRatingDate;
}

/** The collective's rating as the record says now: the upper level's adjustment, else the unit's decision. */
export function collectiveRatingOf(y: Pick<UnitYear, 'collective' | 'adjustedCollective'>): Rating | null {
  return y.adjustedCollective?.rating ?? y.collective.decided;
}

/** Each member of the unit, evaluated with the facts of the current version and the unit's context. */
export function evaluateMembers(rulebook: ResolvedRulebook, year: number, campaignRatingDate: LocalDate, y: UnitYear): MemberEvaluation[] {
  const ratingDate = ratingDateOf(campaignRatingDate, y.meetingDate);
  const collectiveRating = collectiveRatingOf(y);
  return y.members.map((member) => {
    const row = y.rows.get(member.id);
    return evaluateMember({
      rulebook,
      member,
      facts: row?.facts ?? emptyFacts(),
      year,
      ratingDate,
      adjusted: row?.adjusted ?? null,
      override: row?.override ?? null,
      collectiveRating: member.partyPosition === 'secretary' ? collectiveRating : null,
    });
  });
}

/**
 * A unit's year: its members' evaluations and its own (docs/api.md, "Evaluations"). The one
 * evaluation of a unit-year: the review page, the upload answer, the roll-ups (and through them
 * the report tables) all call it, so they cannot disagree — R-HEAD-01 lowers the secretary to the
 * collective's rating in every one of them. For a cell the
 * quota covers its own members; for a committee (base or sub) it covers the members of its whole
 * subtree (`subtree`: every other organisation below it holding members), and R-ORG19-HTXS reads
 * the direct children's collective ratings. The blocking list is what stops THIS unit's submission:
 * a base-committee cap breach is on the base committee's list, never on its cells'.
 */
export function evaluateUnitYear(input: {
  rulebook: ResolvedRulebook;
  year: number;
  campaignRatingDate: LocalDate;
  unitYear: UnitYear;
  subtree?: readonly UnitYear[];
  childCollectiveRatings?: readonly (Rating | null)[];
  /** A direct subordinate organisation recorded as disciplined in the year (r2025 excellent of a collective). */
  subordinateDisciplined?: boolean;
}): UnitYearEvaluation {
  const { rulebook, year, campaignRatingDate, unitYear } = input;
  const ratingDate = ratingDateOf(campaignRatingDate, unitYear.meetingDate);
  const members = evaluateMembers(rulebook, year, campaignRatingDate, unitYear);
  const below = isCell(unitYear.unit.kind) ? [] : (input.subtree ?? []).flatMap((y) => evaluateMembers(rulebook, year, campaignRatingDate, y));
  // Which kinds are rated as collectives is the rulebook's (r2025 adds the committees above base organisations).
  const unit = isRatedCollective(rulebook, unitYear.unit.kind)
    ? evaluateUnit({
        rulebook,
        unit: unitYear.unit,
        year,
        ratingDate,
        collective: {
          ...unitYear.collective,
          decided: collectiveRatingOf(unitYear),
          subordinateDisciplined: input.subordinateDisciplined ?? false,
          leadershipMemberDisciplined: leadershipDisciplined({ leadershipMemberDisciplined: unitYear.collective.leadershipMemberDisciplined ?? false }, unitYear.members, unitYear.rows),
        },
        quotaExceptionShare: unitYear.quotaExceptionShare ?? null,
        memberEvaluations: [...members, ...below],
        childCollectiveRatings: input.childCollectiveRatings ?? [],
        headMemberId: unitYear.members.find((m) => m.partyPosition === 'secretary')?.id ?? null,
      })
    : null;
  const all: Violation[] = [
    ...members.flatMap((e) => e.violations.map((v) => ({ memberId: e.memberId, ...v }))),
    ...(unit?.violations ?? []),
  ];
  // R-HEAD-01 is seen from the member and from the unit: list a member's rule once.
  const seen = new Set<string>();
  const once = all.filter((v) => {
    if (v.memberId === null) return true;
    const key = `${v.memberId}|${v.ruleId}|${v.severity}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    ratingDate,
    members,
    unit,
    violations: once,
    blocking: once.filter((v) => v.severity === 'blocking'),
    warnings: once.filter((v) => v.severity === 'warning'),
  };
}
