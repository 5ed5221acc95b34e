import { z } from 'zod';
import { Discipline } from './discipline';
import { Rating } from './rating';
import { nfcText } from './text';

/**
 * What a unit records about one member for one year (docs/spreadsheets.md, "The results": one results row): the facts
 * the rulebook reads, and what people proposed and decided. Empty cells become null / false / 0.
 */
export const MemberFacts = z.object({
  absences: z.number().int().nonnegative().default(0),
  silentMeetings: z.number().int().nonnegative().default(0),
  sickLeaveDays: z.number().int().nonnegative().default(0),
  maternityLeave: z.boolean().default(false),
  discipline: Discipline.nullable().default(null),
  degradationConcluded: z.boolean().default(false),
  civilServantRating: Rating.nullable().default(null),
  taskCompletionPercent: z.number().min(0).max(100).nullable().default(null),
  monthsAtPreviousCell: z.number().int().min(0).max(12).nullable().default(null),
  previousCellComment: z.boolean().default(false),
  temporaryCellComment: z.boolean().default(false),
  residenceComment: z.boolean().default(false),
  absentFromRatingMeeting: z.boolean().default(false),
  selfProposed: Rating.nullable().default(null),
  groupProposed: Rating.nullable().default(null),
  decided: Rating.nullable().default(null),
  votesFor: z.number().int().nonnegative().nullable().default(null),
  note: nfcText(2000).nullable().default(null),
  // The 100-point regime (QĐ 366-QĐ/TW, HD 43-HD/BTCTW). Optional without defaults: rows of
  // earlier years parse to exactly what they were, so stored rows and their hashes do not change.
  /** Group I, general criteria, as decided by the cell (0–30). */
  generalScore: z.number().min(0).max(30).nullable().optional(),
  /** Group II, results of assigned tasks (0–70). */
  taskScore: z.number().min(0).max(70).nullable().optional(),
  /** The member's own total on Mẫu 2A/2B/2C, kept for the record (0–100). */
  selfScore: z.number().min(0).max(100).nullable().optional(),
  /** Share of tasks completed late; absent = 0. */
  latePercent: z.number().min(0).max(100).nullable().optional(),
  /** Share of tasks exceeding requirements; absent = 0. */
  exceedingPercent: z.number().min(0).max(100).nullable().optional(),
  /** Every shortcoming pointed out at the previous review remedied; absent = yes. */
  shortcomingsRemedied: z.boolean().nullable().optional(),
  /** Breached what party members must not do ("những điều đảng viên không được làm"). */
  prohibitionsBreached: z.boolean().nullable().optional(),
});
export type MemberFacts = z.infer<typeof MemberFacts>;
export type MemberFactsInput = z.input<typeof MemberFacts>;

/** The total on 100, or null while either group's score is missing. */
export function totalScore(facts: Pick<MemberFacts, 'generalScore' | 'taskScore'>): number | null {
  const { generalScore, taskScore } = facts;
  if (generalScore === null || generalScore === undefined || taskScore === null || taskScore === undefined) return null;
  // Scores come with at most a few decimals (27.9 + 62): round away binary noise before comparing with 90.
  return Math.round((generalScore + taskScore) * 1000) / 1000;
}

/** Empty facts: a member nobody has recorded anything for yet. */
export function emptyFacts(): MemberFacts {
  return MemberFacts.parse({});
}
