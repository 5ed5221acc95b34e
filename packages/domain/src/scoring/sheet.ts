import { z } from 'zod';
import { DomainError } from '../errors/index';
import { appliesTo, NodeCode } from './framework';
import { scoreText, sumPoints } from './points';
import type { ResolvedScheme } from './scheme';

/** A self-scoring or an appraisal sheet as filled in: the subject's variant and a score per line. */
export const FilledSheet = z.strictObject({
  /** The sector or position category (`variants`) of the subject; null where the framework has none. */
  variant: z.string().nullable().default(null),
  scores: z.record(NodeCode, z.number().min(0).max(100)),
});
export type FilledSheet = z.infer<typeof FilledSheet>;
export type FilledSheetInput = z.input<typeof FilledSheet>;

/** One line of a sheet: a criterion, or an item where the scheme split the criterion's points. */
export interface SheetLine {
  readonly group: 'I' | 'II';
  readonly code: string;
  readonly text: string;
  readonly max: number;
}

/**
 * The lines a subject of `variant` scores, in the framework's order: per group, each applicable
 * criterion, or its applicable items when the scheme gave them points.
 */
export function sheetLines(scheme: ResolvedScheme, variant: string | null): SheetLine[] {
  const { framework, points } = scheme;
  const keys = framework.variants?.options.map((o) => o.key);
  if (keys ? variant === null || !keys.includes(variant) : variant !== null) {
    throw new DomainError('SCORE_SHEET_INVALID', keys ? `Cần chọn ${framework.variants!.label.toLocaleLowerCase('vi')} của đối tượng đánh giá trong Phụ lục ${framework.appendix}.` : `Phụ lục ${framework.appendix} không chia theo khối hay chức danh.`,
      { variant },
    );
  }
  return framework.groups.flatMap((g) =>
    g.criteria.filter((c) => appliesTo(c, variant)).flatMap((c) => {
      const items = (c.items ?? []).filter((i) => appliesTo(i, variant) && points.has(i.code));
      const nodes = items.length > 0 ? items : [c];
      return nodes.map((n) => ({ group: g.code, code: n.code, text: n.text, max: points.get(n.code)! }));
    }),
  );
}

export interface SheetResult {
  /** Group I on 30, group II on 70, their sum on 100. */
  readonly general: number;
  readonly tasks: number;
  readonly total: number;
  readonly lines: (SheetLine & { readonly score: number | null })[];
}

/**
 * Validates a filled sheet against a scheme and totals it: each score within its line's maximum,
 * no line the subject does not score, and (unless `complete: false`, for a draft) every line
 * scored. Throws 422 `SCORE_SHEET_INVALID` with the problems in `details.issues`. Pure.
 *
 * @example scoreSheet(scheme, { variant: 'publicService', scores: { 'I.1': 9, … } }).total
 */
export function scoreSheet(scheme: ResolvedScheme, raw: FilledSheetInput, options: { complete?: boolean } = {}): SheetResult {
  const sheet = FilledSheet.parse(raw);
  const lines = sheetLines(scheme, sheet.variant);
  const issues: string[] = [];
  const known = new Set(lines.map((l) => l.code));
  for (const code of Object.keys(sheet.scores)) if (!known.has(code)) issues.push(`Dòng ${code} không có trong bảng chấm điểm của đối tượng này.`);
  const scored = lines.map((l) => {
    const score = sheet.scores[l.code] ?? null;
    if (score === null && options.complete !== false) issues.push(`Dòng ${l.code} chưa có điểm.`);
    if (score !== null && score > l.max) issues.push(`Dòng ${l.code}: ${scoreText(score)} điểm vượt mức tối đa ${scoreText(l.max)}.`);
    return { ...l, score };
  });
  if (issues.length > 0) throw new DomainError('SCORE_SHEET_INVALID', `Bảng chấm điểm không hợp lệ: ${issues[0]}`, { issues });
  const sum = (group: 'I' | 'II') => sumPoints(scored.filter((l) => l.group === group).map((l) => l.score ?? 0));
  const general = sum('I');
  const tasks = sum('II');
  return { general, tasks, total: sumPoints([general, tasks]), lines: scored };
}
