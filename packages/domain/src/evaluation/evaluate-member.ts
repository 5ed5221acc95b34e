import type { LocalDate } from '../local-date';
import type { Member } from '../member';
import { totalScore, type MemberFacts } from '../member-facts';
import { isAbove, lowerOf, type Rating } from '../rating';
import { isMemberCheck, type MemberCheckName } from '../rulebook/check-vocabulary';
import type { ResolvedRulebook, Rule } from '../rulebook/schema';
import { memberChecks, type Finding, type MemberContext } from './member-checks';
import { notRatedReasons, type AppliedInterpretation, type MemberEvaluation, type MemberViolation } from './member-evaluation';
import type { Override } from './override';
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
  /**
   * The upper level's statement when `adjusted` goes above what the rules allow; honoured only
   * where the rulebook has an `override` rule naming its circumstance (r2025), ignored otherwise.
   */
  readonly override?: Override | null;
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

/** The override in effect: the rulebook permits its circumstance and the adjustment goes above the limit. */
function overrideInEffect(rules: readonly Rule[], adjusted: Rating | null, limit: Rating, override: Override | null): Override | null {
  if (adjusted === null || override === null || !isAbove(adjusted, limit)) return null;
  const permits = rules.some((r) => r.check === 'override' && (r.params.circumstances as readonly string[] | undefined)?.includes(override.circumstance));
  return permits ? override : null;
}

/**
 * Evaluates one member for one year against a resolved rulebook, in four phases: exclude rules
 * (the first reason in contract order wins), force rules, cap rules, require rules. Pure.
 *
 * `final` (docs/api.md, "Evaluations"): the forced level if a force rule applies; otherwise `adjusted` if set,
 * else `decided`, lowered to `maxAllowed`. A vote above a cap is a violation of that cap's rule.
 * Under a rulebook with an `override` rule (r2025, QĐ 366-QĐ/TW Điều 11) the appraising level may set
 * `adjusted` above `maxAllowed` or a forced level by naming a permitted circumstance: `final` is
 * then `adjusted` and the evaluation shows the override; without one such an adjustment leaves
 * the member pending.
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
  const interpretations: AppliedInterpretation[] = [];
  const report = (rule: Rule, detail: string) => violations.push({ ruleId: rule.id, severity: rule.severity, message: violationMessage(rule, detail) });
  const interpreted = (rule: Rule, finding: Finding) => {
    if (rule.interpretation && finding.interpreted !== false && !interpretations.some((i) => i.ruleId === rule.id)) interpretations.push({ ruleId: rule.id, note: rule.interpretation });
  };
  const score = totalScore(facts);
  // Fields in the order docs/api.md gives them, so serialised evaluations read like the documentation.
  const shape = (
    outcome: Pick<MemberEvaluation, 'rated' | 'notRatedReason' | 'maxAllowed' | 'final' | 'reviewRequired' | 'forced' | 'override'>,
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
    score,
    maxAllowed: outcome.maxAllowed,
    final: outcome.final,
    reviewRequired: outcome.reviewRequired,
    forced: outcome.forced,
    override: outcome.override,
    interpretations,
    violations,
  });
  let ctx: MemberContext = {
    member, facts, year, ratingDate,
    collectiveRating: input.collectiveRating ?? null,
    vote, adjusted, forced: null, maxAllowed: null, override: null,
  };

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
      override: null,
    });
  }

  const forceHits = hits(rules, 'force', ctx);
  let forced: Rating | null = null;
  for (const { rule, finding } of forceHits) {
    const level = rule.level ?? finding.level;
    if (level) forced = forced === null ? level : lowerOf(forced, level);
  }
  ctx = { ...ctx, forced };
  const capHits = hits(rules, 'cap', ctx);
  let maxAllowed: Rating = forced ?? 'excellent';
  for (const { rule, finding } of capHits) {
    const level = rule.level ?? finding.level;
    if (!level) continue; // a cap that names no level lowers nothing (R-SPEC-02)
    maxAllowed = lowerOf(maxAllowed, level);
    interpreted(rule, finding);
  }
  const override = overrideInEffect(rules, adjusted, maxAllowed, input.override ?? null);

  // A vote above a level is reported unless the appraising level overrode that level on purpose.
  for (const { rule, finding } of forceHits) {
    const level = rule.level ?? finding.level;
    if (!level) continue;
    interpreted(rule, finding);
    if (finding.report) report(rule, finding.detail);
    else if (!override && vote !== null && isAbove(vote, level)) report(rule, `${finding.detail} ${voteText} ${label(vote)}; mức xếp loại là ${label(level)}.`);
  }
  for (const { rule, finding } of capHits) {
    const level = rule.level ?? finding.level;
    if (!level || override || forced !== null || vote === null || !isAbove(vote, level)) continue;
    report(rule, `${finding.detail} ${voteText} ${label(vote)}, mức cao nhất được phép: ${label(level)}.`);
  }

  ctx = { ...ctx, maxAllowed, override };
  const missing = hits(rules, 'require', ctx);
  for (const { rule, finding } of missing) report(rule, finding.detail);

  const final = override ? adjusted : (forced ?? (vote === null ? null : lowerOf(vote, maxAllowed)));
  const rated = missing.length === 0 && final !== null;
  return shape({
    rated,
    notRatedReason: rated ? null : 'pending',
    maxAllowed,
    final: rated ? final : null,
    reviewRequired: true,
    forced,
    override: rated && override ? { by: override.by, reason: override.reason, circumstance: override.circumstance } : null,
  });
}
