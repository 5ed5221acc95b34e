import type { Counts } from '../report/completion';
import type { ReportContent } from '../report/report-content';
import { formatCount, formatPercent, share } from './format';
import type { MemberCounts, UnitCounts } from './counts';

/**
 * One figure as every page, report and Biểu shows it: what it counts, out of what, and the share
 * formatted once. The dashboard, the deadline report and Biểu 2 read these functions, so the same
 * campaign at the same moment shows the same numbers everywhere.
 */
export interface Figure {
  key: string;
  label: string;
  count: number;
  /** The denominator and what it is. */
  of: number;
  ofLabel: string;
  /** "80,9 %" ("—" without a denominator). */
  percent: string;
  /** The fraction for a spreadsheet cell formatted as a percentage; null without a denominator. */
  share: number | null;
}

const figure = (key: string, label: string, count: number, of: number, ofLabel: string): Figure => ({ key, label, count, of, ofLabel, percent: formatPercent(count, of), share: share(count, of) });

export const ratingFigureKeys = ['excellent', 'good', 'complete', 'incomplete'] as const;
export const ratingFigureLabels: Record<(typeof ratingFigureKeys)[number], string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  complete: 'Hoàn thành nhiệm vụ',
  incomplete: 'Không hoàn thành nhiệm vụ',
};

/** Members by rating, each out of the members rated: the four add up to `rated` (100 %). */
export function memberRatingFigures(m: MemberCounts): Figure[] {
  return ratingFigureKeys.map((k) => figure(k, ratingFigureLabels[k], m[k], m.rated, 'đảng viên đã xếp loại'));
}

/**
 * Every member counted once, out of all members: rated, not rated yet (absent from the rating
 * meeting, pending) and not rated this year (exempt, suspended, admitted under six months) — the
 * three add up to `total` (100 %).
 */
export function memberCoverageFigures(m: MemberCounts): Figure[] {
  const of = 'đảng viên';
  return [
    figure('rated', 'Đã xếp loại', m.rated, m.total, of),
    figure('notYet', 'Chưa xếp loại (vắng họp xếp loại, đang chờ)', m.absent + m.pending, m.total, of),
    figure('notRated', 'Không xếp loại (miễn, đình chỉ, mới kết nạp dưới 6 tháng)', m.exempt + m.suspended + m.newMember, m.total, of),
  ];
}

/** Party organisations by rating, out of those rated: they add up to `rated`. */
export function unitRatingFigures(u: UnitCounts): Figure[] {
  return ratingFigureKeys.map((k) => figure(k, ratingFigureLabels[k], u[k], u.rated, 'tổ chức đảng đã đánh giá, xếp loại'));
}

/** Party organisations to rate (`total`): rated and not rated yet, adding up to 100 %. */
export function unitCoverageFigures(u: UnitCounts): Figure[] {
  const of = 'tổ chức đảng phải đánh giá, xếp loại';
  return [figure('rated', 'Đã đánh giá, xếp loại', u.rated, u.total, of), figure('notRated', 'Chưa đánh giá, xếp loại', u.notRated, u.total, of)];
}

/** A milestone's progress as the deadline report counts it: units that acted, out of the units expected to. */
export interface MilestoneFigure {
  milestoneId: string;
  title: string;
  deadline: string;
  recordable: boolean;
  counts: Counts;
  done: Figure;
}

export function milestoneFigures(content: Pick<ReportContent, 'milestones'>): MilestoneFigure[] {
  return content.milestones.map((m) => ({
    milestoneId: m.milestoneId,
    title: m.title,
    deadline: m.deadline,
    recordable: m.recordable,
    counts: m.counts,
    done: figure('done', 'Đã thực hiện', m.counts.done, m.counts.expected, 'đơn vị phải thực hiện'),
  }));
}

/** "397 / 2.927 (13,6 %)": a figure with its denominator, as pages print it. */
export function figureText(f: Pick<Figure, 'count' | 'of' | 'percent'>): string {
  return `${formatCount(f.count)} / ${formatCount(f.of)} (${f.percent})`;
}

/** Members of each tổ đảng of a cell: the cell's members with that group (the group holds none of its own). */
export function groupMemberCounts(members: readonly { groupId: string | null }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of members) if (m.groupId) counts.set(m.groupId, (counts.get(m.groupId) ?? 0) + 1);
  return counts;
}
