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
});
export type MemberFacts = z.infer<typeof MemberFacts>;
export type MemberFactsInput = z.input<typeof MemberFacts>;

/** Empty facts: a member nobody has recorded anything for yet. */
export function emptyFacts(): MemberFacts {
  return MemberFacts.parse({});
}
