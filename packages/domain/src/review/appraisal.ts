import { z } from 'zod';
import { Rating } from '../rating';

const reason = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(3, 'Cần ghi rõ lý do').max(2000));

/**
 * An approval, optionally with adjustments (docs/api.md, "Endpoints": the dossier's workflow): the upper level changes members' ratings
 * or the unit's own, each with a reason. At most 90 member changes, so that the changes, the
 * dossier and the audit entry fit in one DynamoDB transaction (100 actions).
 */
export const Adjustments = z.object({
  members: z
    .array(z.object({ memberId: z.string().min(1).max(100), rating: Rating, reason }))
    .max(90)
    .default([])
    .refine((items) => new Set(items.map((i) => i.memberId)).size === items.length, 'Mỗi đảng viên chỉ điều chỉnh một lần'),
  unit: z.object({ rating: Rating, reason }).nullable().default(null),
});
export type Adjustments = z.infer<typeof Adjustments>;

export const ReturnReason = reason;
