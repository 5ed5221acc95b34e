import { z } from 'zod';
import { Rating } from '../rating';
import { Severity } from '../rulebook/schema';
import { AppliedInterpretation } from './member-evaluation';

export const UnitNotRatedReason = z.enum(['newUnit', 'pending']);
export type UnitNotRatedReason = z.infer<typeof UnitNotRatedReason>;

/** A unit-level violation; `memberId` names the member for member-level ones (R-HEAD-01), else null. */
export const UnitViolation = z.object({ memberId: z.string().nullable(), ruleId: z.string(), severity: Severity, message: z.string().min(1) });
export type UnitViolation = z.infer<typeof UnitViolation>;

/** R-QUOTA-01 figures over `final` of the rated members in scope. */
export const QuotaFigures = z.object({
  excellent: z.number().int().nonnegative(),
  good: z.number().int().nonnegative(),
  cap: z.number().int().nonnegative(),
  withinCap: z.boolean(),
});
export type QuotaFigures = z.infer<typeof QuotaFigures>;

/** A party organisation's own evaluation for a year (docs/api.md, "Evaluations"). */
export const UnitEvaluation = z.object({
  unitId: z.string(),
  year: z.number().int(),
  rated: z.boolean(),
  notRatedReason: UnitNotRatedReason.nullable(),
  proposed: Rating.nullable(),
  decided: Rating.nullable(),
  /** The collective's total on 100 under a scored regime (r2025, Phụ lục 1); null otherwise. */
  score: z.number().nullable(),
  maxAllowed: Rating.nullable(),
  final: Rating.nullable(),
  forced: Rating.nullable(),
  /** Null when the rulebook has no quota rule. */
  quota: QuotaFigures.nullable(),
  /** The system's readings that decided the rating or the quota (empty when none did). */
  interpretations: z.array(AppliedInterpretation),
  violations: z.array(UnitViolation),
});
export type UnitEvaluation = z.infer<typeof UnitEvaluation>;
