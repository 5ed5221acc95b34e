import type { LocalDate } from '../local-date';
import type { Member } from '../member';
import type { MemberFacts } from '../member-facts';
import { isAbove, lowerOf, type Rating } from '../rating';
import { isMemberCheck, type MemberCheckName } from '../rulebook/check-vocabulary';
import type { ResolvedRulebook, Rule } from '../rulebook/schema';
import { memberChecks, type Finding, type MemberContext } from './member-checks';
import { notRatedReasons, type MemberEvaluation, type MemberViolation } from './member-evaluation';
import { label, violationMessage } from './messages';

export interface EvaluateMemberInput {
  readonly rulebook: ResolvedRulebook;
  readonly member: Member;
  readonly facts: MemberFacts;
  readonly year: number;
  /** The unit's meeting date if set, else the campaign's (docs/api.md, "Evaluations"). */
  readonly ratingDate: LocalDate;
  /** The upper level's rating when its appraisal changed the cell's decision. */
  readonly adjusted?: Rating | null;
  /** The rating of the collective the member heads (R-HEAD-01), for the unit's secretary. */
  readonly collectiveRating?: Rating | null;
}

interface Hit {
  readonly rule: Rule;
  readonly finding: Finding;
}

function run(rule: Rule, ctx: MemberContext): Finding | null {
  const check = memberChecks[rule.check as MemberCheckName] as (c: MemberContext, p: unknown) => Finding | null;
  return check(ctx, rule.params);
}

function hits(rules: readonly Rule[], effect: Rule['effect'], ctx: MemberContext): Hit[] {
  return rules.filter((r) => r.effect === effect).flatMap((rule) => {
    const finding = run(rule, ctx);
    return finding ? [{ rule, finding }] : [];
  });
}

/**
 * Evaluates one member for one year against a resolved rulebook, in four phases: exclude rules
 * (the first reason in contract order wins), force rules, cap rules, require rules. Pure.
 *
 * `final` (docs/api.md, "Evaluations"): the forced level if a force rule applies; otherwise `adjusted` if set,
 * else `decided`, lowered to `maxAllowed`. A vote above a cap is a violation of that cap's rule.
 *
 * @example
 * evaluateMember({ rulebook: resolveRulebook('r2019'), member, facts, year: 2021, ratingDate: '2021-12-20' });
 */
export function evaluateMember(input: EvaluateMemberInput): MemberEvaluation {
  const { rulebook, member, facts, year, ratingDate } = input;
  const adjusted = input.adjusted ?? null;
  const vote = adjusted ?? facts.decided;
  const voteText = adjusted !== null ? 'Cấp trên điều chỉnh' : 'Chi bộ xếp loại';
  const rules = rulebook.rules.filter((r) => r.enabled && isMemberCheck(r.check));
  const violations: MemberViolation[] = [];
  const report = (rule: Rule, detail: string) => violations.push({ ruleId: rule.id, severity: rule.severity, message: violationMessage(rule, detail) });
  // Fields in the order docs/api.md gives them, so serialised evaluations read like the documentation.
  const shape = (
    outcome: Pick<MemberEvaluation, 'rated' | 'notRatedReason' | 'maxAllowed' | 'final' | 'reviewRequired' | 'forced'>,
  ): MemberEvaluation => ({
    memberId: member.id,
    year,
    unitId: member.unitId,
    rated: outcome.rated,
    notRatedReason: outcome.notRatedReason,
    selfProposed: facts.selfProposed,
    groupProposed: facts.groupProposed,
    decided: facts.decided,
    adjusted,
    maxAllowed: outcome.maxAllowed,
    final: outcome.final,
    reviewRequired: outcome.reviewRequired,
    forced: outcome.forced,
    violations,
  });
  let ctx: MemberContext = { member, facts, year, ratingDate, collectiveRating: input.collectiveRating ?? null, vote, forced: null };

  const excluded = hits(rules, 'exclude', ctx)
    .map((h) => ({ ...h, reason: h.finding.reason ?? 'pending' }))
    .sort((a, b) => notRatedReasons.indexOf(a.reason) - notRatedReasons.indexOf(b.reason))[0];
  if (excluded) {
    const { rule, finding, reason } = excluded;
    if (finding.report || vote !== null) {
      report(rule, vote !== null ? `${finding.detail} ${voteText} ${label(vote)} dù đảng viên không thuộc diện xếp loại.` : finding.detail);
    }
    const reviewRequired = rule.params.reviewRequired;
    return shape({
      rated: false,
      notRatedReason: reason,
      maxAllowed: null,
      final: null,
      reviewRequired: typeof reviewRequired === 'boolean' ? reviewRequired : false,
      forced: null,
    });
  }

  let forced: Rating | null = null;
  for (const { rule, finding } of hits(rules, 'force', ctx)) {
    const level = rule.level ?? finding.level;
    if (!level) continue;
    forced = forced === null ? level : lowerOf(forced, level);
    if (finding.report) report(rule, finding.detail);
    else if (vote !== null && isAbove(vote, level)) report(rule, `${finding.detail} ${voteText} ${label(vote)}; mức xếp loại là ${label(level)}.`);
  }
  ctx = { ...ctx, forced };

  let maxAllowed: Rating = forced ?? 'excellent';
  for (const { rule, finding } of hits(rules, 'cap', ctx)) {
    const level = rule.level ?? finding.level;
    if (!level) continue; // a cap that names no level lowers nothing (R-SPEC-02)
    maxAllowed = lowerOf(maxAllowed, level);
    if (forced === null && vote !== null && isAbove(vote, level)) {
      report(rule, `${finding.detail} ${voteText} ${label(vote)}, mức cao nhất được phép: ${label(level)}.`);
    }
  }

  const missing = hits(rules, 'require', ctx);
  for (const { rule, finding } of missing) report(rule, finding.detail);

  const final = forced ?? (vote === null ? null : lowerOf(vote, maxAllowed));
  const rated = missing.length === 0 && final !== null;
  return shape({ rated, notRatedReason: rated ? null : 'pending', maxAllowed, final: rated ? final : null, reviewRequired: true, forced });
}
