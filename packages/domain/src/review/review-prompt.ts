import { z } from 'zod';
import { nfcText } from '../text';

/**
 * A written review prompt (gợi ý kiểm điểm) of the upper level to a collective or one of its
 * members (HD 43-HD/BTCTW mục 2; seed 000, Mẫu 1A mục 9 and Mẫu 2A mục 5: "vấn đề được gợi ý
 * kiểm điểm"), and the unit's answer to it.
 */
export const ReviewPromptInput = z.object({
  /** Null: the collective (the cell's or committee's leadership). */
  memberId: z.string().min(1).max(100).nullable().default(null),
  text: nfcText(5000).pipe(z.string().min(3, 'Cần ghi nội dung gợi ý kiểm điểm')),
});
export type ReviewPromptInput = z.input<typeof ReviewPromptInput>;

export const ReviewPromptAnswer = z.object({ answer: nfcText(20_000).pipe(z.string().min(3, 'Cần ghi nội dung giải trình')) });

export const ReviewPrompt = z.object({
  id: z.string(),
  unitId: z.string(),
  year: z.number().int(),
  memberId: z.string().nullable(),
  text: z.string(),
  fromUnitId: z.string(),
  fromUnitName: z.string(),
  sentAt: z.string(),
  answer: z.string().nullable().default(null),
  answeredAt: z.string().nullable().default(null),
  rev: z.number().int().nonnegative(),
});
export type ReviewPrompt = z.infer<typeof ReviewPrompt>;
