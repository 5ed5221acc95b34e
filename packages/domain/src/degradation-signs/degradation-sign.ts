import { z } from 'zod';

/**
 * The three groups of NQ 04-NQ/TW (Hội nghị Trung ương 4 khóa XII), 9 signs each in the national
 * list (docs/rulebooks.md, "Degradation signs"). Titles are the group names as NQ 04-NQ/TW names them.
 */
export const degradationGroups = [1, 2, 3] as const;
export const DegradationGroup = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type DegradationGroup = z.infer<typeof DegradationGroup>;

export const degradationGroupTitles: Record<DegradationGroup, string> = {
  1: 'Suy thoái về tư tưởng chính trị',
  2: 'Suy thoái về đạo đức, lối sống',
  3: '"Tự diễn biến", "tự chuyển hóa" trong nội bộ',
};

const nfcText = z.string().transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '));

/** Stable code of a sign: national ones are `NQ04.01` … `NQ04.27`; a tenant picks its own (e.g. `TV.01`). */
export const DegradationSignCode = z.string().trim().regex(/^[A-Za-z0-9._-]{1,40}$/, 'Mã biểu hiện chỉ gồm chữ, số và . _ -');

/**
 * One sign in a reference list. `official` is true only when `text` is the complete wording of the
 * source document; placeholders and partial quotations are `official: false`. `order` is the
 * position in the whole list (1 … 27 nationally, 1 … 82 in Trà Vinh).
 */
export const DegradationSign = z.object({
  code: DegradationSignCode,
  group: DegradationGroup,
  order: z.number().int().positive(),
  text: nfcText.pipe(z.string().min(1).max(2000)),
  official: z.boolean(),
  source: nfcText.pipe(z.string().min(1).max(500)),
});
export type DegradationSign = z.infer<typeof DegradationSign>;
export type DegradationSignInput = z.input<typeof DegradationSign>;

export const DegradationSignList = z.array(DegradationSign);

/** Marker every placeholder carries, so no page or document can mistake it for official wording. */
export const PLACEHOLDER_MARK = 'chưa có nội dung chính thức';

export function placeholderText(order: number): string {
  return `Biểu hiện số ${order} — ${PLACEHOLDER_MARK} (đơn vị cập nhật từ văn bản gốc)`;
}

export function isPlaceholder(sign: Pick<DegradationSign, 'text'>): boolean {
  return sign.text.includes(PLACEHOLDER_MARK);
}
