import { z } from 'zod';
import { ScoreBandCounts, scoreCountKeys, type RollupCounts } from './counts';
import type { MemberEvaluation } from '../evaluation/member-evaluation';
import type { UnitEvaluation } from '../evaluation/unit-evaluation';
import { share } from './format';
import type { ReportTable, ReportTableCell } from './report-tables';
import type { RollupResponse } from './view';

/**
 * Biểu 4 (the 100-point regime): how the scores of rated members and rated collectives spread
 * over the bands of QĐ 366-QĐ/TW Điều 11. Plain additive counts, like the roll-up's: a unit's
 * distribution is the sum of the own contributions of its subtree, a change is a delta added to
 * each ancestor, and `scored = from90 + from70 + from50 + below50` in every sum.
 */
export const scoreBandKeys = ['from90', 'from70', 'from50', 'below50'] as const;
export type ScoreBandKey = (typeof scoreBandKeys)[number];

export const ScoreCounts = z.object({ members: ScoreBandCounts, units: ScoreBandCounts });
export type ScoreCounts = z.infer<typeof ScoreCounts>;
type BandCounts = ScoreBandCounts;

/** The Biểu 4 part of roll-up counts (the roll-up keeps them beside the ratings, `memberScores` and `unitScores`). */
export function scoreCountsOf(counts: Pick<RollupCounts, 'memberScores' | 'unitScores'>): ScoreCounts {
  return { members: { ...counts.memberScores }, units: { ...counts.unitScores } };
}

/** The band headings as Biểu 4 prints them. */
export const scoreBandLabels: Record<ScoreBandKey, string> = {
  from90: 'Từ 90 điểm trở lên',
  from70: 'Từ 70 đến dưới 90 điểm',
  from50: 'Từ 50 đến dưới 70 điểm',
  below50: 'Dưới 50 điểm',
};

/** The band of a total on 100; the bounds are the regulation's (≥ 90, ≥ 70, ≥ 50), no rounding up. */
export function scoreBandOf(score: number): ScoreBandKey {
  if (score >= 90) return 'from90';
  if (score >= 70) return 'from70';
  if (score >= 50) return 'from50';
  return 'below50';
}

const zeroBands = (): BandCounts => ({ scored: 0, from90: 0, from70: 0, from50: 0, below50: 0 });

export function zeroScoreCounts(): ScoreCounts {
  return { members: zeroBands(), units: zeroBands() };
}

const groups = ['members', 'units'] as const;

function combine(a: ScoreCounts, b: ScoreCounts, sign: 1 | -1): ScoreCounts {
  const out = zeroScoreCounts();
  for (const g of groups) for (const k of scoreCountKeys) out[g][k] = a[g][k] + sign * b[g][k];
  return out;
}

export const addScoreCounts = (a: ScoreCounts, b: ScoreCounts): ScoreCounts => combine(a, b, 1);
export const subtractScoreCounts = (a: ScoreCounts, b: ScoreCounts): ScoreCounts => combine(a, b, -1);
export const sumScoreCounts = (list: readonly ScoreCounts[]): ScoreCounts => list.reduce(addScoreCounts, zeroScoreCounts());

export function equalScoreCounts(a: ScoreCounts, b: ScoreCounts): boolean {
  return groups.every((g) => scoreCountKeys.every((k) => a[g][k] === b[g][k]));
}

const prefix = { members: 'sm_', units: 'su_' } as const;

/** Flat attribute names (`sm_from90` …) beside the roll-up's own, so the read stays one item per unit. */
export function scoreCountsToFlat(c: ScoreCounts): Record<string, number> {
  const flat: Record<string, number> = {};
  for (const g of groups) for (const k of scoreCountKeys) flat[`${prefix[g]}${k}`] = c[g][k];
  return flat;
}

export function scoreCountsFromFlat(item: Record<string, unknown>): ScoreCounts {
  const out = zeroScoreCounts();
  for (const g of groups) {
    for (const k of scoreCountKeys) {
      const v = item[`${prefix[g]}${k}`];
      out[g][k] = typeof v === 'number' ? v : 0;
    }
  }
  return out;
}

function add(counts: BandCounts, score: number | null): void {
  if (score === null) return;
  counts.scored++;
  counts[scoreBandOf(score)]++;
}

/**
 * Counts from evaluations: rated members and rated collectives with a score (under r2025 every
 * rated one has one, so `members.scored` equals the roll-up's `members.rated`). The full recount
 * a roll-up must equal, and a unit's own contribution.
 *
 * @example recountScores({ members: evaluations, collectives: [unitEvaluation] }).members.from90
 */
export function recountScores(input: { members: readonly MemberEvaluation[]; collectives?: readonly UnitEvaluation[] }): ScoreCounts {
  const counts = zeroScoreCounts();
  for (const e of input.members) if (e.rated) add(counts.members, e.score);
  for (const u of input.collectives ?? []) if (u.rated) add(counts.units, u.score);
  return counts;
}

/** One row of Biểu 4: a subordinate unit or the total. */
export interface Bieu4Row {
  name: string;
  scores: ScoreCounts;
}

/**
 * Biểu 4 — Phân bố điểm đánh giá (QĐ 366-QĐ/TW Điều 10, 11): per subordinate unit and in total,
 * the members and the collectives scored, by band, each with its share of those scored.
 */
export function bieu4(input: { name: string; year: number; children: readonly Bieu4Row[]; total: ScoreCounts }): ReportTable {
  const bandHeaders = (who: string, from: number) =>
    scoreBandKeys.flatMap((k, i) => [`(${from + 2 * i}) ${who} ${scoreBandLabels[k].toLocaleLowerCase('vi')}: số lượng`, `(${from + 2 * i + 1}) ${who} ${scoreBandLabels[k].toLocaleLowerCase('vi')}: %`]);
  const headers = [
    '(1) STT', '(2) Tên đơn vị', '(3) Số đảng viên được chấm điểm', ...bandHeaders('Đảng viên', 4),
    '(12) Số tập thể được chấm điểm', ...bandHeaders('Tập thể', 13),
  ];
  const cells = (c: BandCounts): ReportTableCell[] => [c.scored, ...scoreBandKeys.flatMap((k) => [c[k], { share: share(c[k], c.scored) }])];
  const row = (stt: string, name: string, s: ScoreCounts): ReportTableCell[] => [stt, name, ...cells(s.members), ...cells(s.units)];
  const rows = input.children.map((c, i) => row(String(i + 1), c.name, c.scores));
  const emphasised = [rows.length];
  rows.push(row('', `Tổng cộng ${input.name}`, input.total));
  return { title: 'Biểu 4 — Phân bố điểm đánh giá, xếp loại chất lượng', subtitle: `${input.name} · Năm ${input.year}`, headers, rows, emphasised };
}

/** Biểu 4 of a roll-up: one row per direct child, then the unit's total (the same read as Biểu 1 and 2). */
export function bieu4Of(rollup: Pick<RollupResponse, 'name' | 'year' | 'scores' | 'children'>): ReportTable {
  return bieu4({ name: rollup.name, year: rollup.year, children: rollup.children.map((c) => ({ name: c.name, scores: c.scores })), total: rollup.scores });
}
