import { addMonthsClamped, formatVietnameseDate, type LocalDate } from '../local-date';
import type { Member } from '../member';
import { attachmentsIn, monthsAtPreviousCell } from '../tree/member-history';
import { totalScore, type MemberFacts } from '../member-facts';
import { disciplineLabels } from '../discipline';
import { isAbove, type Rating } from '../rating';
import type { MemberCheckName, MemberCheckParams } from '../rulebook/check-vocabulary';
import type { NotRatedReason } from './member-evaluation';
import { label } from './messages';
import { overrideCircumstanceLabels, type Override } from './override';
import { bandDetail, bandLevel, formatNumber, missedConditions, taskFacts } from './score-bands';

export interface MemberContext {
  readonly member: Member;
  readonly facts: MemberFacts;
  readonly year: number;
  readonly ratingDate: LocalDate;
  /** The rating of the collective this member heads, when the member is its secretary. */
  readonly collectiveRating: Rating | null;
  /** The vote that counts: the upper level's adjustment if any, else the cell's decision. */
  readonly vote: Rating | null;
  /** The upper level's adjustment alone. */
  readonly adjusted: Rating | null;
  /** Set by force rules before cap and require rules run. */
  readonly forced: Rating | null;
  /** Set by cap rules before require rules run. */
  readonly maxAllowed: Rating | null;
  /** The override in effect (the rulebook permits its circumstance), known to require rules. */
  readonly override: Override | null;
}

/** The results file's headers, so a missing value is named as the results file names it. */
const scoreColumnNames = {
  generalScore: 'Điểm tiêu chí chung',
  taskScore: 'Điểm kết quả thực hiện nhiệm vụ',
  taskCompletionPercent: 'Tỷ lệ hoàn thành nhiệm vụ (%)',
} as const;

/** What is missing among the scores (and the task share, when asked); empty when all is on file. */
export function missingScores(f: { generalScore?: number | null; taskScore?: number | null; taskCompletionPercent?: number | null }, taskShare: boolean): string[] {
  const missing: string[] = [];
  if (f.generalScore === null || f.generalScore === undefined) missing.push(scoreColumnNames.generalScore);
  if (f.taskScore === null || f.taskScore === undefined) missing.push(scoreColumnNames.taskScore);
  if (taskShare && (f.taskCompletionPercent === null || f.taskCompletionPercent === undefined)) missing.push(scoreColumnNames.taskCompletionPercent);
  return missing;
}

/** What a check found. The rule's effect decides what that does to the rating. */
export interface Finding {
  /** What was found, in Vietnamese, appended to the rule's explanation in a violation. */
  readonly detail: string;
  /** For exclude rules. */
  readonly reason?: NotRatedReason;
  /** A level found at run time (the collective's rating for R-HEAD-01); the rule's `level` wins. */
  readonly level?: Rating;
  /** Report a violation even though the effect alone would not (absent: schedule a make-up rating). */
  readonly report?: boolean;
  /** False when the rule's `interpretation` played no part in this finding (a score under every band). */
  readonly interpreted?: boolean;
}

type MemberCheck<K extends MemberCheckName> = (ctx: MemberContext, params: MemberCheckParams<K>) => Finding | null;

/** One implementation per check name; `Record` over the vocabulary makes a missing one a type error. */
export const memberChecks: { [K in MemberCheckName]: MemberCheck<K> } = {
  exempt: ({ member }) => (member.exempt ? { detail: 'Đảng viên thuộc diện miễn công tác và sinh hoạt đảng.', reason: 'exempt' } : null),

  suspended: ({ member }) => (member.suspended ? { detail: 'Đảng viên đang bị đình chỉ sinh hoạt đảng.', reason: 'suspended' } : null),

  newMember: ({ member, year, ratingDate }, p) => {
    const cutoff = p.cutoff === 'yearEnd' ? `${year}-12-31` : ratingDate;
    const due = addMonthsClamped(member.admittedOn, p.months);
    if (due <= cutoff) return null;
    return {
      detail: `Ngày vào Đảng ${formatVietnameseDate(member.admittedOn)}, đến ${formatVietnameseDate(cutoff)} chưa đủ ${p.months} tháng (đủ vào ngày ${formatVietnameseDate(due)}).`,
      reason: 'newMember',
    };
  },

  absentFromRatingMeeting: ({ facts }, p) =>
    facts.absentFromRatingMeeting ? { detail: 'Đảng viên vắng họp xếp loại: cần tổ chức xếp loại bổ sung.', reason: 'absent', report: p.followUp } : null,

  decision: ({ vote, forced }) => (vote === null && forced === null ? { detail: 'Còn thiếu kết quả biểu quyết xếp loại của chi bộ.' } : null),

  sickLeave: ({ facts }, p) =>
    facts.sickLeaveDays >= p.thresholdDays
      ? { detail: `Số ngày nghỉ ốm trong năm: ${facts.sickLeaveDays} ngày làm việc (ngưỡng 03 tháng: ${p.thresholdDays} ngày).` }
      : null,

  maternity: ({ facts }) => (facts.maternityLeave ? { detail: 'Đảng viên nghỉ thai sản trong năm.' } : null),

  transferComment: ({ member, facts, year, ratingDate }, p) => {
    // The dated periods decide when they record a transfer of the year; the uploaded number otherwise.
    const fromDates = monthsAtPreviousCell(member, year, ratingDate);
    const months = fromDates ?? facts.monthsAtPreviousCell;
    if (months === null || months < p.months || facts.previousCellComment) return null;
    const transfer = fromDates !== null ? [...(member.cells ?? [])].reverse().find((s) => s.via === 'transfer' && s.from !== null && s.from <= ratingDate)?.from ?? null : member.transferredInOn;
    const since = transfer ? `, chuyển đến ngày ${formatVietnameseDate(transfer)}` : '';
    return { detail: `Còn thiếu nhận xét của chi bộ nơi chuyển đi (${months} tháng ở chi bộ cũ${since}${fromDates !== null ? ', theo ngày chuyển sinh hoạt' : ''}).` };
  },

  temporaryComment: ({ member, facts, year, ratingDate }) => {
    if (facts.temporaryCellComment) return null;
    const dated = attachmentsIn(member, year, ratingDate).map((a) => `${a.at}, từ ${formatVietnameseDate(a.from)}${a.to ? ` đến ${formatVietnameseDate(a.to)}` : ''}`);
    const where = dated.length > 0 ? dated.join('; ') : member.temporaryAttachmentAt?.trim();
    if (!where) return null;
    return { detail: `Còn thiếu nhận xét của chi bộ nơi sinh hoạt tạm thời (${where}).` };
  },

  discipline: ({ facts, vote }, p) => {
    if (!facts.discipline) return null;
    const form = disciplineLabels[facts.discipline].toLocaleLowerCase('vi');
    if (p.excludeFromVote && vote !== null) {
      return { detail: `Đảng viên bị kỷ luật ${form} trong năm không đưa vào danh sách biểu quyết, nhưng có kết quả biểu quyết ${label(vote)}.`, report: true };
    }
    return { detail: `Đảng viên bị kỷ luật ${form} trong năm.` };
  },

  civilServantExcellent: ({ member, facts }) => {
    const state = facts.civilServantRating;
    if (!member.civilServant && state === null) return null;
    if (state === 'excellent') return null;
    return { detail: state ? `Xếp loại công chức, viên chức: ${label(state)}.` : 'Chưa có xếp loại công chức, viên chức.' };
  },

  civilServantIncomplete: ({ facts }) =>
    facts.civilServantRating === 'incomplete' ? { detail: `Xếp loại công chức, viên chức: ${label('incomplete')}.` } : null,

  degradation: ({ facts }) => (facts.degradationConcluded ? { detail: 'Có kết luận về biểu hiện suy thoái trong năm.' } : null),

  taskCompletion: ({ facts }, p) => {
    const pct = facts.taskCompletionPercent;
    return pct !== null && pct < p.minPercent ? { detail: `Tỷ lệ hoàn thành nhiệm vụ: ${pct}% (dưới ${p.minPercent}%).` } : null;
  },

  attendance: ({ facts }, p) => {
    const reasons: string[] = [];
    if (facts.absences >= p.minAbsences) reasons.push(`vắng ${facts.absences} kỳ sinh hoạt`);
    if (facts.silentMeetings >= p.minSilentMeetings) reasons.push(`${facts.silentMeetings} kỳ không phát biểu`);
    return reasons.length ? { detail: `Trong năm: ${reasons.join(', ')}.` } : null;
  },

  scoresOnFile: ({ facts }, p) => {
    const missing = missingScores(facts, p.taskShare);
    return missing.length > 0 ? { detail: `Còn thiếu: ${missing.join(', ')}.` } : null;
  },

  scoreBand: ({ facts }, p) => {
    const score = totalScore(facts);
    const tasks = taskFacts(facts);
    if (score === null || tasks.completedPercent === null) return null; // scoresOnFile names what is missing
    const result = bandLevel(score, tasks, p.bands, p.fallback);
    return result.level === 'excellent' ? null : { detail: bandDetail(score, result), level: result.level, interpreted: result.reasons.length > 0 };
  },

  scoreBelow: ({ facts }, p) => {
    const score = totalScore(facts);
    return score !== null && score < p.minScore ? { detail: `Tổng điểm ${formatNumber(score)}/100 (dưới ${formatNumber(p.minScore)} điểm).` } : null;
  },

  prohibitions: ({ facts }) => (facts.prohibitionsBreached ? { detail: 'Có vi phạm những điều đảng viên không được làm.' } : null),

  taskConditions: ({ facts }, p) => {
    const missed = missedConditions(taskFacts(facts), p);
    return missed.length > 0 ? { detail: `Chưa đạt điều kiện: ${missed.join(', ')}.` } : null;
  },

  override: ({ adjusted, maxAllowed, override }, p) => {
    if (adjusted === null || maxAllowed === null || !isAbove(adjusted, maxAllowed) || override !== null) return null;
    const allowed = p.circumstances.map((c) => overrideCircumstanceLabels[c].toLocaleLowerCase('vi')).join('; hoặc ');
    return {
      detail: `Cấp trên điều chỉnh ${label(adjusted)}, cao hơn mức cao nhất được phép (${label(maxAllowed)}), nhưng chưa nêu tình tiết (${allowed}) và lý do.`,
    };
  },

  head: ({ member, collectiveRating }) =>
    member.partyPosition === 'secretary' && collectiveRating !== null
      ? { detail: `Tập thể do đồng chí đứng đầu được xếp loại ${label(collectiveRating)}.`, level: collectiveRating }
      : null,
};
