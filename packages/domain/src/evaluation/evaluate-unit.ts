import type { LocalDate } from '../local-date';
import { isAbove, lowerOf, type Rating } from '../rating';
import { isUnitCheck, unitCheckParams, type UnitCheckName } from '../rulebook/check-vocabulary';
import type { ResolvedRulebook, Rule } from '../rulebook/schema';
import type { UnitKind } from '../unit-kind';
import type { AppliedInterpretation, MemberEvaluation } from './member-evaluation';
import { taskFacts } from './score-bands';
import { label, violationMessage } from './messages';
import { quotaFigures, unitChecks, type UnitContext, type UnitOutcome } from './unit-checks';
import type { QuotaFigures, UnitEvaluation, UnitNotRatedReason, UnitViolation } from './unit-evaluation';

export interface EvaluateUnitInput {
  readonly rulebook: ResolvedRulebook;
  readonly unit: { readonly id: string; readonly kind: UnitKind; readonly foundedOn: LocalDate | null };
  readonly year: number;
  readonly ratingDate: LocalDate;
  readonly collective: {
    readonly proposed: Rating | null;
    readonly decided: Rating | null;
    /** Disciplined as an organisation in the year (R-ORG19-HTNV), not counting what it found and remedied itself. */
    readonly disciplined?: boolean;
    /** Rating of the quality of cell meetings, when a rulebook uses it (R-ELIG-07). */
    readonly meetingQuality?: Rating | null;
    /** The collective's own scores (r2025, Phụ lục 1): general 0–30, tasks 0–70. */
    readonly scores?: { readonly general: number | null; readonly tasks: number | null } | null;
    /** The collective's task figures (late and exceeding empty = 0, remedied empty = yes). */
    readonly taskCompletionPercent?: number | null;
    readonly latePercent?: number | null;
    readonly exceedingPercent?: number | null;
    readonly shortcomingsRemedied?: boolean | null;
    /** A subordinate organisation disciplined in the year (R-ORG23-HTXS, r2025 excellent). */
    readonly subordinateDisciplined?: boolean;
    /** A member of the leadership collective (the committee) disciplined in the year. */
    readonly leadershipMemberDisciplined?: boolean;
  };
  /**
   * The share of `good` the competent level granted this base organisation by exception
   * (the `quota-exception` of the campaign API, e.g. 0.25); check it with `checkQuotaException` first.
   */
  readonly quotaExceptionShare?: number | null;
  /** The members the quota covers: a cell's own members, or a base committee's whole subtree. */
  readonly memberEvaluations: readonly MemberEvaluation[];
  /** Decided ratings of the subordinate organisations (null: not rated), for a committee's R-ORG19-HTXS. */
  readonly childCollectiveRatings?: readonly (Rating | null)[];
  /** The unit's secretary (R-HEAD-01). */
  readonly headMemberId?: string | null;
}

type Hit = { readonly rule: Rule; readonly outcome: UnitOutcome };

function run(rule: Rule, ctx: UnitContext): UnitOutcome | null {
  const check = unitChecks[rule.check as UnitCheckName] as { run: (c: UnitContext, p: unknown) => UnitOutcome | null };
  return check.run(ctx, rule.params);
}

/**
 * Evaluates a party organisation as a collective: its own rating (R-ELIG-04, R-ORG19-*), then the
 * constraints on its members' ratings that are checked at its level (R-QUOTA-01, R-HEAD-01). Pure.
 *
 * @example
 * evaluateUnit({ rulebook, unit: { id, kind: 'cell', foundedOn: null }, year: 2021, ratingDate: '2021-12-20',
 *   collective: { proposed: 'good', decided: 'good' }, memberEvaluations, headMemberId: 'DV01' });
 */
export function evaluateUnit(input: EvaluateUnitInput): UnitEvaluation {
  const { rulebook, unit, year, ratingDate, collective } = input;
  const rules = rulebook.rules.filter((r) => r.enabled && isUnitCheck(r.check));
  const stageOf = (r: Rule) => unitChecks[r.check as UnitCheckName].stage;
  const violations: UnitViolation[] = [];
  const report = (rule: Rule, memberId: string | null, detail: string) =>
    violations.push({ memberId, ruleId: rule.id, severity: rule.severity, message: violationMessage(rule, detail) });
  const interpretations: AppliedInterpretation[] = [];
  const interpreted = (rule: Rule, outcome?: UnitOutcome) => {
    if (rule.interpretation && outcome?.finding?.interpreted !== false && !interpretations.some((i) => i.ruleId === rule.id)) interpretations.push({ ruleId: rule.id, note: rule.interpretation });
  };
  const vote = collective.decided;
  const scores = { general: collective.scores?.general ?? null, tasks: collective.scores?.tasks ?? null };
  const share = input.quotaExceptionShare ?? null;
  let ctx: UnitContext = {
    unit,
    year,
    ratingDate,
    proposed: collective.proposed,
    decided: collective.decided,
    disciplined: collective.disciplined ?? false,
    meetingQuality: collective.meetingQuality ?? null,
    memberEvaluations: input.memberEvaluations,
    childCollectiveRatings: input.childCollectiveRatings ?? [],
    headMemberId: input.headMemberId ?? null,
    scores,
    tasks: taskFacts(collective),
    subordinateDisciplined: collective.subordinateDisciplined ?? false,
    leadershipMemberDisciplined: collective.leadershipMemberDisciplined ?? false,
    // Percent with three decimals: 0.29 × 100 is 28.999… in floating point.
    quotaExceptionPercent: share === null ? null : Math.round(share * 100_000) / 1000,
    forced: null,
    final: null,
  };
  const phase = (effect: Rule['effect']): Hit[] =>
    rules.filter((r) => stageOf(r) === 'rating' && r.effect === effect).flatMap((rule) => {
      const outcome = run(rule, ctx);
      return outcome?.finding ? [{ rule, outcome }] : [];
    });

  let notRatedReason: UnitNotRatedReason | null = null;
  let forced: Rating | null = null;
  let maxAllowed: Rating | null = null;
  let final: Rating | null = null;

  const excluded = phase('exclude');
  if (excluded.length > 0) {
    const first = excluded.find((h) => h.outcome.finding?.reason === 'newUnit') ?? excluded[0]!;
    notRatedReason = first.outcome.finding?.reason ?? 'pending';
    if (vote !== null) report(first.rule, null, `${first.outcome.finding?.detail ?? ''} Có kết quả xếp loại ${label(vote)} dù tổ chức không thuộc diện xếp loại.`);
  } else {
    for (const { rule, outcome } of phase('force')) {
      const level = rule.level ?? outcome.finding?.level;
      if (!level) continue;
      forced = forced === null ? level : lowerOf(forced, level);
      interpreted(rule, outcome);
      if (vote !== null && isAbove(vote, level)) report(rule, null, `${outcome.finding?.detail ?? ''} Kết quả xếp loại ${label(vote)}; mức xếp loại là ${label(level)}.`);
    }
    ctx = { ...ctx, forced };
    maxAllowed = forced ?? 'excellent';
    for (const { rule, outcome } of phase('cap')) {
      const level = rule.level ?? outcome.finding?.level;
      if (!level) continue;
      maxAllowed = lowerOf(maxAllowed, level);
      interpreted(rule, outcome);
      if (forced === null && vote !== null && isAbove(vote, level)) {
        report(rule, null, `${outcome.finding?.detail ?? ''} Kết quả xếp loại ${label(vote)}, mức cao nhất được phép: ${label(level)}.`);
      }
    }
    const missing = phase('require');
    for (const { rule, outcome } of missing) report(rule, null, outcome.finding?.detail ?? '');
    final = forced ?? (vote === null ? null : lowerOf(vote, maxAllowed));
    if (missing.length > 0 || final === null) {
      notRatedReason = 'pending';
      final = null;
    }
  }

  ctx = { ...ctx, final };
  let quota: QuotaFigures | null = null;
  for (const rule of rules.filter((r) => stageOf(r) === 'members')) {
    const outcome = run(rule, ctx);
    if (!outcome) continue;
    if (outcome.quota) interpreted(rule);
    quota ??= outcome.quota ?? null;
    for (const v of outcome.violations ?? []) report(rule, v.memberId, v.detail);
  }
  // Where no quota rule applies at this kind (a cell under plain r2019), the figures still inform.
  if (quota === null) {
    const rule = rules.find((r) => r.check === 'quota');
    if (rule) quota = quotaFigures(input.memberEvaluations, unitCheckParams.quota.parse(rule.params), ctx.quotaExceptionPercent);
  }

  return {
    unitId: unit.id,
    year,
    rated: notRatedReason === null,
    notRatedReason,
    proposed: collective.proposed,
    decided: collective.decided,
    score: scores.general === null || scores.tasks === null ? null : Math.round((scores.general + scores.tasks) * 1000) / 1000,
    maxAllowed,
    final,
    forced,
    quota,
    interpretations,
    violations,
  };
}
