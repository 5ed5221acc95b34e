import type { Rating } from '../rating';
import type { ScoreBand, TaskConditions } from '../rulebook/check-vocabulary';
import { label } from './messages';

/**
 * What a member or a collective shows about its tasks for the year: empty late and
 * exceeding shares read as 0, an empty "remedied" as yes; the completed share has no default.
 */
export interface TaskFacts {
  readonly completedPercent: number | null;
  readonly latePercent: number;
  readonly exceedingPercent: number;
  readonly remedied: boolean;
}

export function taskFacts(f: {
  taskCompletionPercent?: number | null;
  latePercent?: number | null;
  exceedingPercent?: number | null;
  shortcomingsRemedied?: boolean | null;
}): TaskFacts {
  return {
    completedPercent: f.taskCompletionPercent ?? null,
    latePercent: f.latePercent ?? 0,
    exceedingPercent: f.exceedingPercent ?? 0,
    remedied: f.shortcomingsRemedied ?? true,
  };
}

/** 89.9 → "89,9": Vietnamese decimal comma. */
export function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100).replace('.', ',');
}

/** The conditions not met, each as a short Vietnamese phrase (empty: all hold). */
export function missedConditions(t: TaskFacts, c: TaskConditions): string[] {
  const missed: string[] = [];
  if (t.completedPercent === null) missed.push('chưa có tỷ lệ hoàn thành nhiệm vụ');
  else if (t.completedPercent < c.minCompletedPercent) missed.push(`hoàn thành ${formatNumber(t.completedPercent)}% nhiệm vụ (cần ${formatNumber(c.minCompletedPercent)}%)`);
  if (c.maxLatePercent !== undefined && t.latePercent > c.maxLatePercent) {
    missed.push(
      c.maxLatePercent === 0
        ? `${formatNumber(t.latePercent)}% nhiệm vụ chậm tiến độ (không được có nhiệm vụ chậm)`
        : `${formatNumber(t.latePercent)}% nhiệm vụ chậm tiến độ (tối đa ${formatNumber(c.maxLatePercent)}%)`,
    );
  }
  if (c.minExceedingPercent !== undefined && t.exceedingPercent < c.minExceedingPercent) {
    missed.push(`${formatNumber(t.exceedingPercent)}% nhiệm vụ vượt yêu cầu (cần từ ${formatNumber(c.minExceedingPercent)}%)`);
  }
  if (c.requireRemedied && !t.remedied) missed.push('chưa khắc phục hết hạn chế, khuyết điểm đã được chỉ ra');
  return missed;
}

export interface BandResult {
  /** The highest level whose score band and conditions both hold, else the fallback. */
  readonly level: Rating;
  /** For each better band the score reached: what kept it from that level. */
  readonly reasons: readonly string[];
}

/**
 * QĐ 366-QĐ/TW Điều 11 as this system reads it (rule R-IND25-BANDS, marked as an interpretation): bands best first; a band counts
 * when the score reaches it and its conditions hold; the first such band is the level.
 */
export function bandLevel(score: number, tasks: TaskFacts, bands: readonly ScoreBand[], fallback: Rating): BandResult {
  const reasons: string[] = [];
  for (const band of bands) {
    if (score < band.minScore) continue;
    const missed = missedConditions(tasks, band);
    if (missed.length === 0) return { level: band.level, reasons };
    reasons.push(`điểm đạt khung ${label(band.level)} (từ ${formatNumber(band.minScore)} điểm) nhưng ${missed.join(', ')}`);
  }
  return { level: fallback, reasons };
}

/** The violation detail of a band cap: the score, why better bands failed, the level found. */
export function bandDetail(score: number, result: BandResult): string {
  const why = result.reasons.length > 0 ? `; ${result.reasons.join('; ')}` : '';
  return `Tổng điểm ${formatNumber(score)}/100${why}; mức cao nhất đạt cả khung điểm và điều kiện: ${label(result.level)}.`;
}
