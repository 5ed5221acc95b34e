import { describe, expect, it } from 'vitest';
import { evaluateMember, MemberEvaluation, type MemberFactsInput, type Rating } from '@kd/domain';
import { facts, member, rulebooks, vietnameseLetter, type MemberInput } from './fixtures';

interface Case {
  id: string;
  title: string;
  rulebook: keyof typeof rulebooks;
  member?: MemberInput;
  facts?: MemberFactsInput;
  year?: number;
  ratingDate?: string;
  adjusted?: Rating | null;
  collectiveRating?: Rating | null;
  expected: Partial<Pick<MemberEvaluation, 'rated' | 'notRatedReason' | 'final' | 'maxAllowed' | 'forced' | 'reviewRequired'>>;
  /** Exactly these violations, in order; `includes` is a part of the message. */
  violations: { ruleId: string; severity: 'blocking' | 'warning'; includes?: string }[];
}

// docs/rulebooks.md, "Test cases", one row per case. Dates: the 2021 cell meeting of seed 000 is 20/12/2021.
const cases: Case[] = [
  {
    id: 'T01', title: 'new member under 6 months (r2019) writes a review but is not rated', rulebook: 'r2019',
    member: { admittedOn: '2021-08-01', officialOn: null }, facts: { selfProposed: 'good' },
    expected: { rated: false, notRatedReason: 'newMember', reviewRequired: true, final: null, maxAllowed: null }, violations: [],
  },
  {
    id: 'T02', title: 'new member under 6 months (r2023) neither reviews nor is rated', rulebook: 'r2023',
    member: { admittedOn: '2023-08-01', officialOn: null }, year: 2023, ratingDate: '2023-12-20',
    expected: { rated: false, notRatedReason: 'newMember', reviewRequired: false, final: null }, violations: [],
  },
  {
    id: 'T03', title: 'exempt member is neither reviewed nor rated', rulebook: 'r2019',
    member: { exempt: true },
    expected: { rated: false, notRatedReason: 'exempt', reviewRequired: false, final: null }, violations: [],
  },
  {
    id: 'T03', title: 'exempt member with a recorded vote: still not rated, a warning says so', rulebook: 'r2019',
    member: { exempt: true }, facts: { decided: 'good' },
    expected: { rated: false, notRatedReason: 'exempt', final: null },
    violations: [{ ruleId: 'R-ELIG-01', severity: 'warning', includes: 'không thuộc diện xếp loại' }],
  },
  {
    id: 'T04', title: 'member suspended from party activities is not rated', rulebook: 'r2019',
    member: { suspended: true }, facts: { decided: null },
    expected: { rated: false, notRatedReason: 'suspended', final: null }, violations: [],
  },
  {
    id: 'T05', title: 'committee member suspended from committee work only is rated normally', rulebook: 'r2019',
    member: { partyPosition: 'committeeMember', suspended: false }, facts: { decided: 'good' },
    expected: { rated: true, notRatedReason: null, final: 'good', maxAllowed: 'excellent', reviewRequired: true }, violations: [],
  },
  {
    id: 'T06', title: 'sick leave 40 + 35 + 20 = 95 days caps at complete', rulebook: 'r2019',
    facts: { sickLeaveDays: 40 + 35 + 20, decided: 'good' },
    expected: { rated: true, final: 'complete', maxAllowed: 'complete' },
    violations: [{ ruleId: 'R-SPEC-01', severity: 'blocking', includes: '95 ngày' }],
  },
  {
    id: 'T08', title: 'maternity leave does not lower the rating of the time worked', rulebook: 'r2019',
    facts: { maternityLeave: true, decided: 'good' },
    expected: { rated: true, final: 'good', maxAllowed: 'excellent' }, violations: [],
  },
  {
    id: 'T09', title: 'disciplined in the year is forced to incomplete even without a vote', rulebook: 'r2019',
    facts: { discipline: 'reprimand', selfProposed: 'good' },
    expected: { rated: true, notRatedReason: null, forced: 'incomplete', final: 'incomplete', maxAllowed: 'incomplete' }, violations: [],
  },
  {
    id: 'T09', title: 'disciplined member voted good: final incomplete, the vote is flagged', rulebook: 'r2019',
    facts: { discipline: 'reprimand', decided: 'good' },
    expected: { rated: true, forced: 'incomplete', final: 'incomplete' },
    violations: [{ ruleId: 'R-SPEC-05', severity: 'warning', includes: 'khiển trách' }],
  },
  {
    id: 'T09', title: 'S0: a disciplined member is not on the voting list, any vote is a warning', rulebook: 'r2019+s000-2021',
    facts: { discipline: 'reprimand', decided: 'incomplete' },
    expected: { rated: true, final: 'incomplete' },
    violations: [{ ruleId: 'R-SPEC-05', severity: 'warning', includes: 'không đưa vào danh sách biểu quyết' }],
  },
  {
    id: 'T11', title: 'transferred after 8 months at the old cell without its comments: pending', rulebook: 'r2019',
    member: { transferredInOn: '2021-09-01' }, facts: { monthsAtPreviousCell: 8, previousCellComment: false, decided: 'good' },
    expected: { rated: false, notRatedReason: 'pending', final: null, maxAllowed: 'excellent' },
    violations: [{ ruleId: 'R-SPEC-03', severity: 'blocking', includes: 'thiếu nhận xét của chi bộ nơi chuyển đi' }],
  },
  {
    id: 'T11', title: 'same member once the old cell’s comments are on file is rated', rulebook: 'r2019',
    member: { transferredInOn: '2021-09-01' }, facts: { monthsAtPreviousCell: 8, previousCellComment: true, decided: 'good' },
    expected: { rated: true, final: 'good' }, violations: [],
  },
  {
    id: 'T12', title: 'only 4 months at the old cell: rated without its comments', rulebook: 'r2019',
    member: { transferredInOn: '2021-05-01' }, facts: { monthsAtPreviousCell: 4, decided: 'good' },
    expected: { rated: true, final: 'good' }, violations: [],
  },
  {
    id: 'T13', title: 'temporarily attached elsewhere without that cell’s comments: pending', rulebook: 'r2019',
    member: { temporaryAttachmentAt: 'Chi bộ Khoa Nội' }, facts: { decided: 'good' },
    expected: { rated: false, notRatedReason: 'pending' },
    violations: [{ ruleId: 'R-SPEC-04', severity: 'blocking', includes: 'Chi bộ Khoa Nội' }],
  },
  {
    id: 'T13', title: 'temporarily attached with the temporary cell’s comments: rated at the official cell', rulebook: 'r2019',
    member: { temporaryAttachmentAt: 'Chi bộ Khoa Nội' }, facts: { temporaryCellComment: true, decided: 'good' },
    expected: { rated: true, final: 'good' }, violations: [],
  },
  {
    id: 'T17', title: 'secretary voted excellent while the cell is good: capped at good', rulebook: 'r2019+s000-2021',
    member: { partyPosition: 'secretary' }, facts: { decided: 'excellent' }, collectiveRating: 'good',
    expected: { rated: true, final: 'good', maxAllowed: 'good' },
    violations: [{ ruleId: 'R-HEAD-01', severity: 'blocking', includes: 'Hoàn thành tốt nhiệm vụ' }],
  },
  {
    id: 'T18', title: 'absent from 3 meetings (all excused): not excellent', rulebook: 'r2019+s000-2021',
    facts: { absences: 3, decided: 'excellent' },
    expected: { rated: true, final: 'good', maxAllowed: 'good' },
    violations: [{ ruleId: 'R-CAP-LOCAL-01', severity: 'blocking', includes: 'vắng 3 kỳ' }],
  },
  {
    id: 'T19', title: 'attended 12 meetings, spoke at 5 (7 silent): not excellent', rulebook: 'r2019+s000-2021',
    facts: { absences: 0, silentMeetings: 12 - 5, decided: 'excellent' },
    expected: { rated: true, final: 'good', maxAllowed: 'good' },
    violations: [{ ruleId: 'R-CAP-LOCAL-01', severity: 'blocking', includes: '7 kỳ không phát biểu' }],
  },
  {
    id: 'T20', title: 'civil servant rated good by the agency cannot be excellent in the party', rulebook: 'r2019',
    member: { civilServant: true }, facts: { civilServantRating: 'good', decided: 'excellent' },
    expected: { rated: true, final: 'good', maxAllowed: 'good' },
    violations: [{ ruleId: 'R-SPEC-08', severity: 'blocking' }],
  },
  {
    id: 'T21', title: 'civil servant rated incomplete by the agency is incomplete in the party', rulebook: 'r2019',
    member: { civilServant: true }, facts: { civilServantRating: 'incomplete', decided: 'good' },
    expected: { rated: true, forced: 'incomplete', final: 'incomplete' },
    violations: [{ ruleId: 'R-SPEC-08', severity: 'warning' }],
  },
  {
    id: 'T22', title: 'completed 45% of targets: incomplete', rulebook: 'r2019',
    facts: { taskCompletionPercent: 45, decided: 'good' },
    expected: { rated: true, forced: 'incomplete', final: 'incomplete' },
    violations: [{ ruleId: 'R-IND19-KHTNV', severity: 'warning', includes: '45%' }],
  },
  {
    id: 'T32', title: 'absent from the rating meeting: not rated yet, a make-up rating is due', rulebook: 'r2019',
    facts: { absentFromRatingMeeting: true },
    expected: { rated: false, notRatedReason: 'absent', reviewRequired: true, final: null },
    violations: [{ ruleId: 'R-ELIG-05', severity: 'warning', includes: 'xếp loại bổ sung' }],
  },
  {
    id: 'R-ELIG-05', title: 'no vote yet: pending, blocking until the cell votes', rulebook: 'r2019',
    facts: { selfProposed: 'good', groupProposed: 'good' },
    expected: { rated: false, notRatedReason: 'pending', final: null, maxAllowed: 'excellent' },
    violations: [{ ruleId: 'R-ELIG-05', severity: 'blocking' }],
  },
  {
    id: 'docs/api.md, "Evaluations"', title: 'the upper level’s adjustment wins over the decision, still lowered to the cap', rulebook: 'r2019',
    facts: { sickLeaveDays: 70, decided: 'complete' }, adjusted: 'good',
    expected: { rated: true, final: 'complete', maxAllowed: 'complete' },
    violations: [{ ruleId: 'R-SPEC-01', severity: 'blocking', includes: 'Cấp trên điều chỉnh' }],
  },
  {
    id: 'docs/api.md, "Evaluations"', title: 'reasons in order: exempt before newMember before absent', rulebook: 'r2019',
    member: { exempt: true, admittedOn: '2021-08-01' }, facts: { absentFromRatingMeeting: true },
    expected: { rated: false, notRatedReason: 'exempt' }, violations: [],
  },
  {
    id: 'docs/api.md, "Evaluations"', title: 'six months clamp: admitted 31/08/2021 is new until 27/02/2022', rulebook: 'r2019',
    member: { admittedOn: '2021-08-31' }, year: 2022, ratingDate: '2022-02-27', facts: { decided: 'good' },
    expected: { rated: false, notRatedReason: 'newMember' },
    violations: [{ ruleId: 'R-ELIG-03', severity: 'warning', includes: '28/02/2022' }],
  },
  {
    id: 'docs/api.md, "Evaluations"', title: 'six months clamp: admitted 31/08/2021 is rated on 28/02/2022', rulebook: 'r2019',
    member: { admittedOn: '2021-08-31' }, year: 2022, ratingDate: '2022-02-28', facts: { decided: 'good' },
    expected: { rated: true, final: 'good' }, violations: [],
  },
];

describe('evaluateMember — docs/rulebooks.md, "Test cases"', () => {
  it.each(cases)('$id: $title', (c) => {
    const evaluation = evaluateMember({
      rulebook: rulebooks[c.rulebook]!,
      member: member(c.member),
      facts: facts(c.facts),
      year: c.year ?? 2021,
      ratingDate: c.ratingDate ?? '2021-12-20',
      adjusted: c.adjusted ?? null,
      collectiveRating: c.collectiveRating ?? null,
    });
    expect(MemberEvaluation.parse(evaluation)).toEqual(evaluation);
    expect(evaluation).toMatchObject(c.expected);
    expect(evaluation.violations.map((v) => [v.ruleId, v.severity])).toEqual(c.violations.map((v) => [v.ruleId, v.severity]));
    c.violations.forEach((v, i) => {
      const message = evaluation.violations[i]!.message;
      if (v.includes) expect(message).toContain(v.includes);
      expect(message).toBe(message.normalize('NFC'));
      expect(message).toMatch(vietnameseLetter);
    });
  });

  it('echoes what people proposed and decided', () => {
    const e = evaluateMember({
      rulebook: rulebooks.r2019!, member: member(), facts: facts({ selfProposed: 'excellent', groupProposed: 'good', decided: 'good' }),
      year: 2021, ratingDate: '2021-12-20',
    });
    expect(e).toMatchObject({ memberId: 'DV01', unitId: 'CB-PHOI', year: 2021, selfProposed: 'excellent', groupProposed: 'good', decided: 'good', adjusted: null });
  });
});
