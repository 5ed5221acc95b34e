import { z } from 'zod';
import { DegradationSignCode } from '../degradation-signs/degradation-sign';
import { type Block, type TableCell } from './model';

/** A member's answer for one sign (docs/rulebooks.md, "Degradation signs": có / không / đã khắc phục, with a note). */
export const checklistAnswers = ['co', 'khong', 'daKhacPhuc'] as const;
export const ChecklistAnswer = z.enum(checklistAnswers);
export type ChecklistAnswer = z.infer<typeof ChecklistAnswer>;

export const checklistAnswerLabels: Record<ChecklistAnswer, string> = {
  co: 'Có',
  khong: 'Không',
  daKhacPhuc: 'Đã khắc phục',
};

const nfc = z.string().transform((s) => s.normalize('NFC').trim());

export const ChecklistItem = z.object({
  code: DegradationSignCode,
  text: nfc.pipe(z.string().min(1).max(2000)),
  answer: ChecklistAnswer,
  note: nfc.pipe(z.string().max(2000)).nullish(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

export function appendixTitle(count: number): string {
  return `Phụ lục: Liên hệ ${count} biểu hiện về suy thoái tư tưởng chính trị, đạo đức, lối sống, "tự diễn biến", "tự chuyển hóa" trong nội bộ`;
}

/** The appendix table: one row per sign, an "x" under the member's answer. */
export function checklistTable(items: readonly ChecklistItem[]): Block {
  const mark = (item: ChecklistItem, a: ChecklistAnswer): TableCell => ({ text: item.answer === a ? 'x' : '', align: 'center' });
  return {
    kind: 'table',
    columns: [
      { header: 'STT', width: 7, align: 'center' },
      { header: 'Biểu hiện', width: 47 },
      ...checklistAnswers.map((a) => ({ header: checklistAnswerLabels[a], width: a === 'co' ? 9 : a === 'khong' ? 10 : 11, align: 'center' as const })),
      { header: 'Ghi chú', width: 16 },
    ],
    rows: items.map((item, i) => [
      { text: String(i + 1), align: 'center' },
      { text: item.text },
      ...checklistAnswers.map((a) => mark(item, a)),
      { text: item.note ?? '' },
    ]),
  };
}
