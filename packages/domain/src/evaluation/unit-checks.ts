import { addMonthsClamped, formatVietnameseDate, type LocalDate } from '../local-date';
import { compareRatings, isAbove, type Rating } from '../rating';
import type { UnitCheckName, UnitCheckParams } from '../rulebook/check-vocabulary';
import { isCell, unitKindLabels, type UnitKind } from '../unit-kind';
import type { MemberEvaluation } from './member-evaluation';
import { label } from './messages';
import { quotaCap } from './quota';
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
  readonly forced: Rating | null;
  /** The collective's settled rating, known to the `members` stage only. */
  readonly final: Rating | null;
}

export interface UnitOutcome {
  /** Acts on the organisation's own rating through the rule's effect. */
  readonly finding?: { readonly detail: string; readonly reason?: UnitNotRatedReason; readonly level?: Rating };
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

/** Quota figures over `final` of the rated members given (exempt and other unrated members never count). */
export function quotaFigures(evaluations: readonly MemberEvaluation[], p: UnitCheckParams<'quota'>): QuotaFigures {
  const rated = evaluations.filter((e) => e.rated);
  const excellent = rated.filter((e) => e.final === 'excellent').length;
  const good = rated.filter((e) => e.final === 'good').length;
  const cap = quotaCap(good, p.ratioPercent, p.rounding);
  return { excellent, good, cap, withinCap: excellent <= cap };
}

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

  quota: {
    stage: 'members',
    run: ({ unit, memberEvaluations }, p) => {
      if (!p.unitKinds.includes(unit.kind)) return null;
      const quota = quotaFigures(memberEvaluations, p);
      if (quota.withinCap) return { quota };
      const detail = `${unitKindLabels[unit.kind]} có ${quota.excellent} đảng viên ${label('excellent')} trên ${quota.good} đảng viên ${label('good')}: tối đa ${quota.cap}.`;
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
