import { z } from 'zod';
import { Rating } from '../rating';

const percent = z.number().min(0).max(100).nullable().default(null);

/** The collective's two group scores (QĐ 366-QĐ/TW Điều 10, Phụ lục 1): general on 30, tasks on 70. */
export const CollectiveScores = z.object({
  general: z.number().min(0).max(30).nullable().default(null),
  tasks: z.number().min(0).max(70).nullable().default(null),
});
export type CollectiveScores = z.infer<typeof CollectiveScores>;

/**
 * What a unit records about itself as a collective for a year (the collective rating of
 * docs/api.md): proposed and decided, and under the 100-point regime its scores and task figures
 * (late and exceeding empty = 0, remedied empty = yes, as for members). `disciplined`: the
 * organisation itself was disciplined in the year (R-ORG19-HTNV; under r2025 its parent reads it
 * as "a subordinate organisation disciplined"). `leadershipMemberDisciplined`: a member of the
 * leadership collective was, where the system cannot see it from the unit's own members.
 */
export const CollectiveFacts = z.object({
  proposed: Rating.nullable().default(null),
  decided: Rating.nullable().default(null),
  scores: CollectiveScores.nullable().default(null),
  taskCompletionPercent: percent,
  latePercent: percent,
  exceedingPercent: percent,
  shortcomingsRemedied: z.boolean().nullable().default(null),
  disciplined: z.boolean().default(false),
  leadershipMemberDisciplined: z.boolean().default(false),
});
export type CollectiveFacts = z.infer<typeof CollectiveFacts>;
export type CollectiveFactsInput = z.input<typeof CollectiveFacts>;

/** Positions whose holders make up a cell's or committee's leadership collective (the committee). */
const leadership = new Set(['secretary', 'deputySecretary', 'standingCommitteeMember', 'committeeMember']);

/**
 * "No member of the leadership collective disciplined" (QĐ 366-QĐ/TW Điều 11, excellent for a
 * collective): the unit's own record says so, or one of its own members holding a committee post
 * has a discipline in the year's results.
 */
export function leadershipDisciplined(
  collective: Pick<CollectiveFacts, 'leadershipMemberDisciplined'>,
  members: readonly { id: string; partyPosition: string | null }[],
  rows: ReadonlyMap<string, { facts: { discipline: unknown } }>,
): boolean {
  return collective.leadershipMemberDisciplined || members.some((m) => m.partyPosition !== null && leadership.has(m.partyPosition) && rows.get(m.id)?.facts.discipline);
}
