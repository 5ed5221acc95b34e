import { z } from 'zod';
import { ChecklistAnswer } from '../documents/degradation-checklist';
import { SelfReviewSectionKey } from '../documents/self-review-sections';
import { DegradationSignCode } from '../degradation-signs/degradation-sign';

const nfcText = (max: number) => z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().max(max));

/**
 * A member's review record for a year, beside the results row: the self-review text in the Mẫu 2A
 * sections, the answers to the degradation-signs checklist (by sign code, so the tenant's list
 * supplies the wording), and the comments of the tổ đảng and the chi ủy. The facts, the proposals
 * (self, group) and the cell's vote and decision stay in the results row (docs/spreadsheets.md, "The results"): one place
 * per fact.
 */
export const MemberReviewInput = z.object({
  sections: z.partialRecord(SelfReviewSectionKey, nfcText(20_000)).default({}),
  checklist: z
    .array(z.object({ code: DegradationSignCode, answer: ChecklistAnswer, note: nfcText(2000).nullable().default(null) }))
    .max(500)
    .default([])
    .refine((items) => new Set(items.map((i) => i.code)).size === items.length, 'Mỗi biểu hiện chỉ trả lời một lần'),
  /** The tổ đảng's assessment when it proposed a rating (seed 000: members are reviewed at the group first). */
  groupComment: nfcText(5000).nullable().default(null),
  /** Nhận xét, đánh giá của chi ủy. */
  committeeComment: nfcText(5000).nullable().default(null),
});
export type MemberReviewInput = z.infer<typeof MemberReviewInput>;

export const MemberReview = MemberReviewInput.extend({
  memberId: z.string(),
  unitId: z.string(),
  year: z.number().int(),
  rev: z.number().int().nonnegative(),
  updatedAt: z.string().nullable(),
});
export type MemberReview = z.infer<typeof MemberReview>;

export function emptyMemberReview(unitId: string, year: number, memberId: string): MemberReview {
  return { memberId, unitId, year, rev: 0, updatedAt: null, ...MemberReviewInput.parse({}) };
}
