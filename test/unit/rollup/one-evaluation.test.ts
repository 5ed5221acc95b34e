import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateUnitYear, evaluateUpload, ownContribution, resolveRulebook, Member, MemberFacts, type MemberEvaluation, type Rating } from '@kd/domain';

/**
 * Issue 10, finding 4: the roll-up, the upload answer and the review evaluate a unit-year with one
 * function, so they cannot disagree — R-HEAD-01 lowers a secretary to the collective's rating in
 * all of them.
 */
const rulebook = resolveRulebook('r2019', ['s000-2021']);
const campaign = { year: 2021, rulebook, ratingDate: '2021-12-20' as const };
const cell = { id: 'c1', kind: 'cell' as const, foundedOn: '2010-01-01' as const, closedOn: null };
const member = (id: string, extra: Partial<Member> = {}) =>
  Member.parse({ id, unitId: 'c1', fullName: `Đảng viên ${id}`, admittedOn: '2015-01-01', officialOn: '2016-01-01', ...extra });

/** The review's member counts: what the review page shows, counted by final. */
function reviewCounts(members: readonly MemberEvaluation[]): Record<string, number> {
  const counts: Record<string, number> = { excellent: 0, good: 0, complete: 0, incomplete: 0, notRated: 0 };
  for (const e of members) counts[e.rated && e.final ? e.final : 'notRated']! += 1;
  return counts;
}

function review(roster: Member[], rows: Map<string, { facts: MemberFacts; adjusted: Rating | null }>, collective: { proposed: Rating | null; decided: Rating | null }) {
  return evaluateUnitYear({
    rulebook,
    year: 2021,
    campaignRatingDate: campaign.ratingDate,
    unitYear: { unit: cell, members: roster, rows, collective, adjustedCollective: null, meetingDate: null },
  });
}

describe('one evaluation path (issue 10, finding 4)', () => {
  it('a cell rated incomplete as a collective: its secretary counts as incomplete in the roll-up, as the review says (fails on 037e9ce)', () => {
    const roster = [member('BT', { partyPosition: 'secretary' }), member('A'), member('B')];
    const rows = new Map(roster.map((m) => [m.id, { facts: MemberFacts.parse({ decided: 'good', selfProposed: 'good' }), adjusted: null }]));
    const collective = { proposed: 'incomplete' as const, decided: 'incomplete' as const };
    const reviewed = review(roster, rows, collective);
    expect(reviewed.members.find((e) => e.memberId === 'BT')?.final).toBe('incomplete');
    const own = ownContribution({ campaign, unit: cell, dossier: { state: 'draft', collective, adjustedCollective: null, meetingDate: null }, roster, rows, childCollectiveRatings: [] });
    expect(own.counts.members).toMatchObject({ rated: 3, good: 2, incomplete: 1 });
  });

  it('the upload answer evaluates the secretary as the review does', () => {
    const roster = [member('BT', { partyPosition: 'secretary' }), member('A')];
    const collective = { proposed: 'complete' as const, decided: 'complete' as const };
    const fileRows = roster.map((m, i) => ({ row: i + 2, memberId: m.id, facts: MemberFacts.parse({ decided: 'excellent' }) }));
    const upload = evaluateUpload({ rulebook, year: 2021, campaignRatingDate: campaign.ratingDate, meetingDate: null, unit: cell, members: new Map(roster.map((m) => [m.id, m])), rows: fileRows, collective, adjustedCollective: null });
    const reviewed = review(roster, new Map(fileRows.map((r) => [r.memberId, { facts: r.facts, adjusted: null }])), collective);
    expect(upload.evaluations).toEqual(reviewed.members);
    expect(upload.evaluations[0]).toMatchObject({ memberId: 'BT', final: 'complete' });
  });

  it('for any roster, rows and collective — collectives rated below their heads included — the roll-up counts what the review evaluates (fails on 037e9ce)', () => {
    const rating = fc.constantFrom<Rating | null>('excellent', 'good', 'complete', 'incomplete', null);
    fc.assert(
      fc.property(
        fc.array(fc.record({ decided: rating, exempt: fc.boolean(), hasRow: fc.boolean() }), { minLength: 1, maxLength: 8 }),
        fc.record({ head: rating, collective: rating }),
        (people, { head, collective }) => {
          const roster = [member('BT', { partyPosition: 'secretary' }), ...people.map((p, i) => member(`M${i}`, { exempt: p.exempt }))];
          const rows = new Map<string, { facts: MemberFacts; adjusted: Rating | null }>([['BT', { facts: MemberFacts.parse({ decided: head }), adjusted: null }]]);
          people.forEach((p, i) => p.hasRow && rows.set(`M${i}`, { facts: MemberFacts.parse({ decided: p.decided }), adjusted: null }));
          const c = { proposed: collective, decided: collective };
          const reviewed = reviewCounts(review(roster, rows, c).members);
          const own = ownContribution({ campaign, unit: cell, dossier: { state: 'draft', collective: c, adjustedCollective: null, meetingDate: null }, roster, rows, childCollectiveRatings: [] }).counts.members;
          expect({ excellent: own.excellent, good: own.good, complete: own.complete, incomplete: own.incomplete, notRated: own.total - own.rated }).toEqual(reviewed);
        },
      ),
      { numRuns: 300 },
    );
  });
});
