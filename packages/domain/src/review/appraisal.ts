import { z } from 'zod';
import { Rating } from '../rating';
import { OverrideCircumstance } from '../rulebook/check-vocabulary';

const reason = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(3, 'Cần ghi rõ lý do').max(2000));

/** A reason that may be left out by the form; the appraisal's check says when it is required (422). */
const optionalReason = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().max(2000))
  .nullish()
  .transform((s) => (s ? s : null));

/**
 * An approval, optionally with adjustments (docs/api.md, "Endpoints": the dossier's workflow): the upper level changes members' ratings
 * or the unit's own, each with a reason. At most 90 member changes, so that the changes, the
 * dossier and the audit entry fit in one DynamoDB transaction (100 actions). A member's adjustment
 * above what the rules allow (r2025) also names the circumstance of QĐ 366-QĐ/TW Điều 11
 * (`checkMemberAdjustments` refuses it without one, or without a reason, 422 OVERRIDE_REASON_REQUIRED).
 */
export const Adjustments = z.object({
  members: z
    .array(z.object({ memberId: z.string().min(1).max(100), rating: Rating, reason: optionalReason, circumstance: OverrideCircumstance.nullish().transform((c) => c ?? null) }))
    .max(90)
    .default([])
    .refine((items) => new Set(items.map((i) => i.memberId)).size === items.length, 'Mỗi đảng viên chỉ điều chỉnh một lần'),
  unit: z.object({ rating: Rating, reason }).nullable().default(null),
});
export type Adjustments = z.infer<typeof Adjustments>;

export const ReturnReason = reason;
