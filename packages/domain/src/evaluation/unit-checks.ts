import { addMonthsClamped, formatVietnameseDate, type LocalDate } from '../local-date';
import { compareRatings, isAbove, type Rating } from '../rating';
import type { UnitCheckName, UnitCheckParams } from '../rulebook/check-vocabulary';
import { isCell, unitKindLabels, type UnitKind } from '../unit-kind';
import type { MemberEvaluation } from './member-evaluation';
import { label } from './messages';
import { missingScores } from './member-checks';
import { quotaCap } from './quota';
import { bandDetail, bandLevel, formatNumber, missedConditions, type TaskFacts } from './score-bands';
import type { QuotaFigures, UnitNotRatedReason } from './unit-evaluation';

export interface UnitContext {
  readonly unit: { readonly id: string; readonly kind: UnitKind; readonly foundedOn: LocalDate | null };
  readonly year: number;
  readonly ratingDate: LocalDate;
  readonly proposed: Rating | null;
  readonly decided: Rating | null;
  /** Disciplined as an organisation in the year, not counting what it found and remedied itself. */
  readonly disciplined: boolean;
  readonly meetingQuality: Rating | null;
  readonly memberEvaluations: readonly MemberEvaluation[];
  readonly childCollectiveRatings: readonly (Rating | null)[];
  readonly headMemberId: string | null;
  /** The collective's own scores and task figures (r2025; r2023 reads the task figures). */
  readonly scores: { readonly general: number | null; readonly tasks: number | null };
  readonly tasks: TaskFacts;
  /** A subordinate organisation, or a member of the leadership collective, disciplined in the year. */
  readonly subordinateDisciplined: boolean;
  readonly leadershipMemberDisciplined: boolean;
  /** The share the competent level granted this base organisation by exception (percent), if any. */
  readonly quotaExceptionPercent: number | null;
  readonly forced: Rating | null;
  /** The collective's settled rating, known to the `members` stage only. */
  readonly final: Rating | null;
}

export interface UnitOutcome {
  /** Acts on the organisation's own rating through the rule's effect. */
  readonly finding?: { readonly detail: string; readonly reason?: UnitNotRatedReason; readonly level?: Rating; readonly interpreted?: boolean };
  /** Reported as they are, with the rule's severity (quota, head). */
  readonly violations?: readonly { readonly memberId: string | null; readonly detail: string }[];
  readonly quota?: QuotaFigures;
}

interface UnitCheck<K extends UnitCheckName> {
  /** `rating` checks settle the organisation's own rating; `members` checks read it. */
  readonly stage: 'rating' | 'members';
  readonly run: (ctx: UnitContext, params: UnitCheckParams<K>) => UnitOutcome | null;
}

function percentText(part: number, whole: number): string {
  return `${String(Math.round((part * 1000) / whole) / 10).replace('.', ',')}% (${part}/${whole})`;
}

/**
 * Quota figures over `final` of the rated members given (exempt and other unrated members never
 * count). An exception share replaces the rule's ratio when the rule allows exceptions at all;
 * `checkQuotaException` refuses one above the rule's limit before it gets here.
 */
export function quotaFigures(evaluations: readonly MemberEvaluation[], p: UnitCheckParams<'quota'>, exceptionPercent: number | null = null): QuotaFigures {
  const rated = evaluations.filter((e) => e.rated);
  const excellent = rated.filter((e) => e.final === 'excellent').length;
  const good = rated.filter((e) => e.final === 'good').length;
  const cap = quotaCap(good, effectiveRatio(p, exceptionPercent), p.rounding);
  return { excellent, good, cap, withinCap: excellent <= cap };
}

/** The ratio in force: the exception's where the rule allows one (never above its limit), else the rule's. */
export function effectiveRatio(p: { ratioPercent: number; exceptionMaxPercent?: number | undefined }, exceptionPercent: number | null): number {
  if (exceptionPercent === null || p.exceptionMaxPercent === undefined) return p.ratioPercent;
  return Math.min(Math.max(exceptionPercent, p.ratioPercent), p.exceptionMaxPercent);
}

const totalOf = (s: UnitContext['scores']): number | null =>
  s.general === null || s.tasks === null ? null : Math.round((s.general + s.tasks) * 1000) / 1000;

export const unitChecks: { [K in UnitCheckName]: UnitCheck<K> } = {
  orgFounded: {
    stage: 'rating',
    run: ({ unit, ratingDate }, p) => {
      if (!unit.foundedOn) return null;
      const due = addMonthsClamped(unit.foundedOn, p.months);
      if (due <= ratingDate) return null;
      return {
        finding: {
          detail: `Ngày thành lập ${formatVietnameseDate(unit.foundedOn)}, đến ${formatVietnameseDate(ratingDate)} chưa đủ ${p.months} tháng.`,
          reason: 'newUnit',
        },
      };
    },
  },

  orgDecision: {
    stage: 'rating',
    run: ({ decided, forced }) => (decided === null && forced === null ? { finding: { detail: 'Còn thiếu kết quả xếp loại của tập thể.' } } : null),
  },

  orgDisciplined: {
    stage: 'rating',
    run: ({ disciplined }) => (disciplined ? { finding: { detail: 'Tổ chức đảng bị xử lý kỷ luật trong năm.' } } : null),
  },

  orgExcellent: {
    stage: 'rating',
    run: ({ unit, memberEvaluations, childCollectiveRatings }, p) => {
      const byMembers = isCell(unit.kind);
      const levels = byMembers
        ? memberEvaluations.flatMap((e) => (e.rated && e.final ? [e.final] : []))
        : childCollectiveRatings.filter((r): r is Rating => r !== null);
      const whole = levels.length;
      const atLeastComplete = levels.filter((r) => compareRatings(r, 'complete') >= 0).length;
      const atLeastGood = levels.filter((r) => compareRatings(r, 'good') >= 0).length;
      const ok = whole > 0 && atLeastComplete * 100 >= p.minShareAtLeastComplete * whole && atLeastGood * 100 >= p.minShareAtLeastGood * whole;
      if (ok) return null;
      const who = byMembers ? 'đảng viên' : 'tổ chức đảng trực thuộc';
      const detail =
        whole === 0
          ? `${unitKindLabels[unit.kind]} chưa có ${who} được xếp loại.`
          : `Tỷ lệ ${who} từ ${label('complete')} trở lên: ${percentText(atLeastComplete, whole)}; từ ${label('good')} trở lên: ${percentText(atLeastGood, whole)}.`;
      return { finding: { detail } };
    },
  },

  meetingQuality: {
    stage: 'rating',
    run: ({ meetingQuality }, p) =>
      p.used && meetingQuality !== null
        ? { finding: { detail: `Chất lượng sinh hoạt chi bộ: ${label(meetingQuality)}.`, level: meetingQuality } }
        : null,
  },

  collectiveScope: { stage: 'rating', run: () => null },

  orgScoresOnFile: {
    stage: 'rating',
    run: ({ scores, tasks }, p) => {
      const missing = missingScores({ generalScore: scores.general, taskScore: scores.tasks, taskCompletionPercent: tasks.completedPercent }, p.taskShare);
      return missing.length > 0 ? { finding: { detail: `Tập thể còn thiếu: ${missing.join(', ')}.` } } : null;
    },
  },

  orgScoreBand: {
    stage: 'rating',
    run: ({ scores, tasks }, p) => {
      const score = totalOf(scores);
      if (score === null || tasks.completedPercent === null) return null;
      const result = bandLevel(score, tasks, p.bands, p.fallback);
      return result.level === 'excellent' ? null : { finding: { detail: bandDetail(score, result), level: result.level, interpreted: result.reasons.length > 0 } };
    },
  },

  orgScoreBelow: {
    stage: 'rating',
    run: ({ scores }, p) => {
      const score = totalOf(scores);
      return score !== null && score < p.minScore ? { finding: { detail: `Tổng điểm của tập thể ${formatNumber(score)}/100 (dưới ${formatNumber(p.minScore)} điểm).` } } : null;
    },
  },

  orgTaskCompletion: {
    stage: 'rating',
    run: ({ tasks }, p) =>
      tasks.completedPercent !== null && tasks.completedPercent < p.minPercent
        ? { finding: { detail: `Tập thể hoàn thành ${formatNumber(tasks.completedPercent)}% nhiệm vụ (dưới ${formatNumber(p.minPercent)}%).` } }
        : null,
  },

  orgTaskConditions: {
    stage: 'rating',
    run: ({ tasks }, p) => {
      const missed = missedConditions(tasks, p);
      return missed.length > 0 ? { finding: { detail: `Tập thể chưa đạt điều kiện: ${missed.join(', ')}.` } } : null;
    },
  },

  subordinateDiscipline: {
    stage: 'rating',
    run: ({ subordinateDisciplined, leadershipMemberDisciplined }) => {
      const who = [subordinateDisciplined ? 'tổ chức trực thuộc' : null, leadershipMemberDisciplined ? 'thành viên tập thể lãnh đạo' : null].filter(Boolean);
      return who.length > 0 ? { finding: { detail: `Có ${who.join(' và ')} bị xử lý kỷ luật trong năm.` } } : null;
    },
  },

  quota: {
    stage: 'members',
    run: ({ unit, memberEvaluations, quotaExceptionPercent }, p) => {
      if (!p.unitKinds.includes(unit.kind)) return null;
      const quota = quotaFigures(memberEvaluations, p, quotaExceptionPercent);
      if (quota.withinCap) return { quota };
      const ratio = effectiveRatio(p, quotaExceptionPercent);
      const detail = `${unitKindLabels[unit.kind]} có ${quota.excellent} đảng viên ${label('excellent')} trên ${quota.good} đảng viên ${label('good')}: tối đa ${quota.cap} (${formatNumber(ratio)}%).`;
      return { quota, violations: [{ memberId: null, detail }] };
    },
  },

  head: {
    stage: 'members',
    run: ({ headMemberId, memberEvaluations, final }) => {
      if (headMemberId === null || final === null) return null;
      const head = memberEvaluations.find((e) => e.memberId === headMemberId);
      if (!head) return null;
      const vote = head.adjusted ?? head.decided;
      const over = [vote, head.final].find((r): r is Rating => r !== null && isAbove(r, final));
      if (!over) return null;
      return { violations: [{ memberId: headMemberId, detail: `Tập thể được xếp loại ${label(final)}, người đứng đầu được xếp loại ${label(over)}: tối đa ${label(final)}.` }] };
    },
  },
};
