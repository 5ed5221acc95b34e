import { z } from 'zod';
import { Rating } from '../rating';
import { Severity } from '../rulebook/schema';
import { OverrideView } from './override';

/** Why a member is not rated; when several apply, the first in this order is given (docs/api.md, "Evaluations"). */
export const notRatedReasons = ['exempt', 'suspended', 'newMember', 'absent', 'pending'] as const;
export const NotRatedReason = z.enum(notRatedReasons);
export type NotRatedReason = z.infer<typeof NotRatedReason>;

export const MemberViolation = z.object({ ruleId: z.string(), severity: Severity, message: z.string().min(1) });
export type MemberViolation = z.infer<typeof MemberViolation>;

/** A rule that is this system's reading (rule `interpretation`) and decided part of the evaluation. */
export const AppliedInterpretation = z.object({ ruleId: z.string(), note: z.string().min(1) });
export type AppliedInterpretation = z.infer<typeof AppliedInterpretation>;

/** One member's evaluation for a year (docs/api.md, "Evaluations"), plus `reviewRequired` and `forced`. */
export const MemberEvaluation = z.object({
  memberId: z.string(),
  year: z.number().int(),
  unitId: z.string(),
  rated: z.boolean(),
  notRatedReason: NotRatedReason.nullable(),
  selfProposed: Rating.nullable(),
  groupProposed: Rating.nullable(),
  decided: Rating.nullable(),
  adjusted: Rating.nullable(),
  /** The total on 100 under a scored regime (QĐ 366-QĐ/TW Điều 10); null while a group's score is missing, and before r2025. */
  score: z.number().nullable(),
  maxAllowed: Rating.nullable(),
  final: Rating.nullable(),
  /** The member must write a self-review (T01: a new member under r2019 does, T02: under r2023 does not). */
  reviewRequired: z.boolean(),
  /** The level a force rule set, whatever the vote. */
  forced: Rating.nullable(),
  /** Set when the appraising level rated above `maxAllowed` or a forced level, naming the circumstance (r2025). */
  override: OverrideView.nullable(),
  /** The system's readings that decided `maxAllowed` or `final` (empty when none did). */
  interpretations: z.array(AppliedInterpretation),
  violations: z.array(MemberViolation),
});
export type MemberEvaluation = z.infer<typeof MemberEvaluation>;
