import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { disciplines, evaluateMember, evaluateUnit, compareRatings, ratings, type MemberEvaluation, type MemberFactsInput, type Rating } from '@kd/domain';
import { facts, member, rulebooks, vietnameseLetter, type MemberInput } from './fixtures';

const rating = fc.constantFrom(...ratings);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const rulebook = fc.constantFrom(...Object.values(rulebooks));

const factsArb: fc.Arbitrary<MemberFactsInput> = fc.record({
  absences: fc.nat(15),
  silentMeetings: fc.nat(15),
  sickLeaveDays: fc.nat(200),
  maternityLeave: fc.boolean(),
  discipline: maybe(fc.constantFrom(...disciplines)),
  degradationConcluded: fc.boolean(),
  civilServantRating: maybe(rating),
  taskCompletionPercent: maybe(fc.integer({ min: 0, max: 100 })),
  monthsAtPreviousCell: maybe(fc.integer({ min: 0, max: 12 })),
  previousCellComment: fc.boolean(),
  temporaryCellComment: fc.boolean(),
  absentFromRatingMeeting: fc.boolean(),
  selfProposed: maybe(rating),
  groupProposed: maybe(rating),
  decided: maybe(rating),
  generalScore: maybe(fc.integer({ min: 0, max: 300 }).map((n) => n / 10)),
  taskScore: maybe(fc.integer({ min: 0, max: 700 }).map((n) => n / 10)),
  latePercent: maybe(fc.integer({ min: 0, max: 100 })),
  exceedingPercent: maybe(fc.integer({ min: 0, max: 100 })),
  shortcomingsRemedied: maybe(fc.boolean()),
  prohibitionsBreached: maybe(fc.boolean()),
});

const memberArb: fc.Arbitrary<MemberInput> = fc.record({
  admittedOn: fc.constantFrom('2000-05-19', '2021-06-20', '2021-06-21', '2021-08-01', '2023-08-01'),
  exempt: fc.boolean(),
  suspended: fc.boolean(),
  civilServant: fc.boolean(),
  partyPosition: maybe(fc.constantFrom('secretary', 'deputySecretary', 'committeeMember') as fc.Arbitrary<'secretary' | 'deputySecretary' | 'committeeMember'>),
  temporaryAttachmentAt: maybe(fc.constantFrom('Chi bộ Khoa Nội', 'Chi bộ Phường 1')),
});

const scenario = fc.record({ rulebook, member: memberArb, facts: factsArb, adjusted: maybe(rating), collectiveRating: maybe(rating) });

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function run(s: Scenario): MemberEvaluation {
  return evaluateMember({ ...s, member: member(s.member), facts: facts(s.facts), year: 2021, ratingDate: '2021-12-20' });
}

const atMost = (a: Rating, b: Rating) => compareRatings(a, b) <= 0;

describe('evaluation properties', () => {
  it('final never exceeds the decision (or the adjustment) unless a force rule set it', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const e = run(s);
        const vote = e.adjusted ?? e.decided;
        if (e.final !== null && e.forced === null) expect(vote !== null && atMost(e.final, vote)).toBe(true);
        if (e.final !== null && e.maxAllowed !== null) expect(atMost(e.final, e.maxAllowed)).toBe(true);
        expect(e.rated).toBe(e.final !== null);
        expect(e.rated).toBe(e.notRatedReason === null);
      }),
    );
  });

  it('adding a discipline never raises a rating', () => {
    fc.assert(
      fc.property(scenario, fc.constantFrom(...disciplines), (s, d) => {
        const before = run({ ...s, facts: { ...s.facts, discipline: null } });
        const after = run({ ...s, facts: { ...s.facts, discipline: d } });
        if (before.final !== null && after.final !== null) expect(atMost(after.final, before.final)).toBe(true);
        if (before.maxAllowed !== null && after.maxAllowed !== null) expect(atMost(after.maxAllowed, before.maxAllowed)).toBe(true);
        if (after.rated) expect(after.final).toBe('incomplete');
      }),
    );
  });

  it('an exempt member is never rated and never counts in a unit’s quota or rating', () => {
    const people = fc.array(fc.record({ exempt: fc.boolean(), decided: maybe(rating) }), { maxLength: 30 });
    fc.assert(
      fc.property(rulebook, people, fc.constantFrom('cell', 'baseCell', 'baseCommittee') as fc.Arbitrary<'cell' | 'baseCell' | 'baseCommittee'>, maybe(rating), (book, list, kind, decided) => {
        const evaluations = list.map((p, i) =>
          evaluateMember({ rulebook: book, member: member({ id: `DV${i}`, exempt: p.exempt }), facts: facts({ decided: p.decided }), year: 2021, ratingDate: '2021-12-20' }),
        );
        for (const e of evaluations.filter((_, i) => list[i]!.exempt)) expect(e).toMatchObject({ rated: false, notRatedReason: 'exempt', final: null });
        const unitOf = (memberEvaluations: MemberEvaluation[]) =>
          evaluateUnit({ rulebook: book, unit: { id: 'U', kind, foundedOn: null }, year: 2021, ratingDate: '2021-12-20', collective: { proposed: decided, decided }, memberEvaluations });
        const withExempt = unitOf(evaluations);
        const without = unitOf(evaluations.filter((_, i) => !list[i]!.exempt));
        expect(withExempt).toEqual(without);
      }),
    );
  });

  it('every violation message is non-empty NFC Vietnamese text', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        for (const v of run(s).violations) {
          expect(v.message.length).toBeGreaterThan(0);
          expect(v.message).toBe(v.message.normalize('NFC'));
          expect(v.message).toMatch(vietnameseLetter);
        }
      }),
    );
  });
});
