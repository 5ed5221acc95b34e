import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAdjustment, evaluateMember, MemberEvaluation, Override, compareRatings, ratings, baseRulebook, parseOverlay, resolveRulebookFrom, type EvaluateMemberInput, type MemberFacts, type Rating } from '@kd/domain';
import { member, r2019, r2025, scored, vietnameseLetter, type MemberInput } from './fixtures';

const year = 2025;
const ratingDate = '2025-12-20';

interface Case {
  id: string;
  title: string;
  member?: MemberInput;
  facts: MemberFacts;
  adjusted?: Rating | null;
  expected: Partial<Pick<MemberEvaluation, 'rated' | 'notRatedReason' | 'final' | 'maxAllowed' | 'forced' | 'reviewRequired' | 'score'>>;
  violations: { ruleId: string; severity: 'blocking' | 'warning'; includes?: string }[];
  /** Rule ids whose interpretation decided the evaluation. */
  interpretations?: string[];
}

// The T25-01…T25-10 cases of the 100-point regime (T25-07 is a unit case), plus the cases around them.
const cases: Case[] = [
  {
    id: 'T25-01', title: '28 / 62 = 90, 30 % exceeding: excellent allowed',
    facts: scored(28, 62, { exceedingPercent: 30, decided: 'excellent' }),
    expected: { rated: true, score: 90, maxAllowed: 'excellent', final: 'excellent' }, violations: [],
  },
  {
    id: 'T25-02', title: '27.9 / 62 = 89.9 is good, even with 40 % exceeding (no rounding up)',
    facts: scored(27.9, 62, { exceedingPercent: 40, decided: 'excellent' }),
    expected: { rated: true, score: 89.9, maxAllowed: 'good', final: 'good' },
    violations: [{ ruleId: 'R-IND25-BANDS', severity: 'blocking', includes: 'Tổng điểm 89,9/100' }],
  },
  {
    id: 'T25-02', title: 'the same member voted good: no violation',
    facts: scored(27.9, 62, { exceedingPercent: 40, decided: 'good' }),
    expected: { rated: true, maxAllowed: 'good', final: 'good' }, violations: [],
  },
  {
    id: 'T25-03', title: '30 / 62 = 92 with 25 % exceeding: the excellent condition fails, good',
    facts: scored(30, 62, { exceedingPercent: 25, decided: 'excellent' }),
    expected: { rated: true, score: 92, maxAllowed: 'good', final: 'good' },
    violations: [{ ruleId: 'R-IND25-BANDS', severity: 'blocking', includes: '25% nhiệm vụ vượt yêu cầu (cần từ 30%)' }],
    interpretations: ['R-IND25-BANDS'],
  },
  {
    id: 'T25-04', title: '25 / 50 = 75 with 10 % late: complete (good needs none late)',
    facts: scored(25, 50, { latePercent: 10, decided: 'good' }),
    expected: { rated: true, score: 75, maxAllowed: 'complete', final: 'complete' },
    violations: [{ ruleId: 'R-IND25-BANDS', severity: 'blocking', includes: '10% nhiệm vụ chậm tiến độ' }],
    interpretations: ['R-IND25-BANDS'],
  },
  {
    id: 'T25-05', title: '20 / 29.5 = 49.5: incomplete, forced, even before the cell votes',
    facts: scored(20, 29.5),
    expected: { rated: true, notRatedReason: null, score: 49.5, forced: 'incomplete', maxAllowed: 'incomplete', final: 'incomplete' },
    violations: [], interpretations: [],
  },
  {
    id: 'T25-05', title: 'a vote above the forced level is reported against the score rule',
    facts: scored(20, 29.5, { decided: 'complete' }),
    expected: { rated: true, forced: 'incomplete', final: 'incomplete' },
    violations: [{ ruleId: 'R-IND25-KHTNV', severity: 'warning', includes: 'Tổng điểm 49,5/100 (dưới 50 điểm)' }],
  },
  {
    id: 'T25-06', title: '29 / 66 = 95 with 120 days of sick leave: excellent allowed (no sick cap in r2025)',
    facts: scored(29, 66, { exceedingPercent: 35, sickLeaveDays: 120, decided: 'excellent' }),
    expected: { rated: true, score: 95, maxAllowed: 'excellent', final: 'excellent' }, violations: [],
  },
  {
    id: 'T25-08', title: '28 / 65 = 93 with a reprimand: incomplete, forced',
    facts: scored(28, 65, { exceedingPercent: 50, discipline: 'reprimand', decided: 'excellent' }),
    expected: { rated: true, score: 93, forced: 'incomplete', maxAllowed: 'incomplete', final: 'incomplete' },
    violations: [{ ruleId: 'R-IND25-KHTNV', severity: 'warning', includes: 'khiển trách' }],
  },
  {
    id: 'T25-09', title: 'only the general score: pending, the missing score is named',
    facts: scored(25, null, { decided: 'good' }),
    expected: { rated: false, notRatedReason: 'pending', score: null, final: null },
    violations: [{ ruleId: 'R-IND25-SCORE', severity: 'blocking', includes: 'Còn thiếu: Điểm kết quả thực hiện nhiệm vụ.' }],
  },
  {
    id: 'T25-09', title: 'without the task share: pending as well',
    facts: scored(25, 60, { taskCompletionPercent: null, decided: 'good' }),
    expected: { rated: false, notRatedReason: 'pending', score: 85 },
    violations: [{ ruleId: 'R-IND25-SCORE', severity: 'blocking', includes: 'Tỷ lệ hoàn thành nhiệm vụ (%)' }],
  },
  {
    id: 'T25-09', title: 'a disciplined member without scores is pending too: forced is not rated',
    facts: scored(null, null, { discipline: 'warning' }),
    expected: { rated: false, notRatedReason: 'pending', forced: 'incomplete', final: null },
    violations: [{ ruleId: 'R-IND25-SCORE', severity: 'blocking', includes: 'Điểm tiêu chí chung, Điểm kết quả thực hiện nhiệm vụ' }],
  },
  {
    id: 'T25-10', title: 'admitted 4 months before the rating date: not rated, not reviewed',
    member: { admittedOn: '2025-08-20', officialOn: null }, facts: scored(25, 60, { decided: 'good' }),
    expected: { rated: false, notRatedReason: 'newMember', reviewRequired: false, final: null },
    violations: [{ ruleId: 'R-ELIG-03', severity: 'warning', includes: '20/08/2025' }],
  },
  {
    id: 'QĐ 366 Đ11', title: 'fewer than 50 % of tasks completed: incomplete whatever the score',
    facts: scored(28, 60, { taskCompletionPercent: 45 }),
    expected: { rated: true, forced: 'incomplete', final: 'incomplete' }, violations: [],
  },
  {
    id: 'QĐ 366 Đ11', title: 'a breach of what members must not do: incomplete',
    facts: scored(28, 65, { exceedingPercent: 50, prohibitionsBreached: true, decided: 'good' }),
    expected: { rated: true, forced: 'incomplete', final: 'incomplete' },
    violations: [{ ruleId: 'R-IND25-KHTNV', severity: 'warning', includes: 'những điều đảng viên không được làm' }],
  },
  {
    id: 'QĐ 366 Đ11', title: 'a concluded sign of degradation: incomplete',
    facts: scored(28, 65, { degradationConcluded: true, decided: 'good' }),
    expected: { rated: true, forced: 'incomplete', final: 'incomplete' },
    violations: [{ ruleId: 'R-IND25-KHTNV', severity: 'warning' }],
  },
  {
    id: 'QĐ 366 Đ11', title: '95 points but an earlier shortcoming not remedied: good',
    facts: scored(29, 66, { exceedingPercent: 40, shortcomingsRemedied: false, decided: 'excellent' }),
    expected: { rated: true, maxAllowed: 'good', final: 'good' },
    violations: [{ ruleId: 'R-IND25-BANDS', severity: 'blocking', includes: 'chưa khắc phục hết hạn chế' }],
  },
  {
    id: 'R-IND25-BANDS', title: '60 points, 80 % of tasks done: neither complete nor a trigger, so incomplete (our reading)',
    facts: scored(25, 35, { taskCompletionPercent: 80, decided: 'complete' }),
    expected: { rated: true, forced: null, maxAllowed: 'incomplete', final: 'incomplete' },
    violations: [{ ruleId: 'R-IND25-BANDS', severity: 'blocking', includes: 'hoàn thành 80% nhiệm vụ (cần 100%)' }],
    interpretations: ['R-IND25-BANDS'],
  },
  {
    id: 'QĐ 366 Đ11', title: 'absences and silences are not rules of r2025',
    facts: scored(28, 62, { exceedingPercent: 30, absences: 5, silentMeetings: 10, decided: 'excellent' }),
    expected: { rated: true, final: 'excellent' }, violations: [],
  },
];

const evaluate = (c: Pick<Case, 'member' | 'facts' | 'adjusted'>, extra: Partial<EvaluateMemberInput> = {}) =>
  evaluateMember({ rulebook: r2025, member: member(c.member), facts: c.facts, year, ratingDate, adjusted: c.adjusted ?? null, ...extra });

describe('evaluateMember under r2025 — T25 cases', () => {
  it.each(cases)('$id: $title', (c) => {
    const e = evaluate(c);
    expect(MemberEvaluation.parse(e)).toEqual(e);
    expect(e).toMatchObject(c.expected);
    expect(e.violations.map((v) => [v.ruleId, v.severity])).toEqual(c.violations.map((v) => [v.ruleId, v.severity]));
    c.violations.forEach((v, i) => {
      const message = e.violations[i]!.message;
      if (v.includes) expect(message).toContain(v.includes);
      expect(message).toBe(message.normalize('NFC'));
      expect(message).toMatch(vietnameseLetter);
    });
    if (c.interpretations) expect(e.interpretations.map((i) => i.ruleId)).toEqual(c.interpretations);
  });

  it('never allows a level whose score band the total does not reach', () => {
    const facts = fc.record({
      general: fc.integer({ min: 0, max: 300 }).map((n) => n / 10),
      tasks: fc.integer({ min: 0, max: 700 }).map((n) => n / 10),
      completed: fc.integer({ min: 0, max: 100 }),
      late: fc.integer({ min: 0, max: 100 }),
      exceeding: fc.integer({ min: 0, max: 100 }),
      remedied: fc.boolean(),
      decided: fc.constantFrom(...ratings),
    });
    fc.assert(
      fc.property(facts, (f) => {
        const e = evaluate({
          facts: scored(f.general, f.tasks, { taskCompletionPercent: f.completed, latePercent: f.late, exceedingPercent: f.exceeding, shortcomingsRemedied: f.remedied, decided: f.decided }),
        });
        const score = e.score!;
        expect(e.rated).toBe(true);
        const floor: Rating = score >= 90 ? 'excellent' : score >= 70 ? 'good' : score >= 50 ? 'complete' : 'incomplete';
        expect(compareRatings(e.maxAllowed!, floor)).toBeLessThanOrEqual(0);
        if (e.maxAllowed !== 'incomplete') expect([f.completed, f.late <= 20]).toEqual([100, true]);
      }),
    );
  });
});

describe('overrides with a reason (QĐ 366 Điều 11)', () => {
  const disciplined = { facts: scored(28, 65, { exceedingPercent: 50, discipline: 'reprimand', decided: 'incomplete' }) } as const;
  const override = Override.parse({ by: 'Ban Thường vụ Đảng ủy Sở Y tế', circumstance: 'selfReportedRemedied', reason: 'Đảng viên tự phát hiện, tự báo cáo và đã khắc phục xong hậu quả trong quý III.' });

  it('lets the appraising level rate above a forced level, naming the circumstance', () => {
    const e = evaluate({ ...disciplined, adjusted: 'good' }, { override });
    expect(e).toMatchObject({ rated: true, forced: 'incomplete', maxAllowed: 'incomplete', adjusted: 'good', final: 'good', violations: [] });
    expect(e.override).toEqual({ by: override.by, reason: override.reason, circumstance: 'selfReportedRemedied' });
    expect(checkAdjustment({ rulebook: r2025, member: member(), ...disciplined, year, ratingDate, adjusted: 'good', override })).toEqual(e);
  });

  it('lets it rate above maxAllowed for force majeure', () => {
    const e = evaluate({ facts: scored(30, 62, { exceedingPercent: 25, decided: 'good' }), adjusted: 'excellent' }, { override: { ...override, circumstance: 'forceMajeure' } });
    expect(e).toMatchObject({ rated: true, maxAllowed: 'good', final: 'excellent', override: { circumstance: 'forceMajeure' }, violations: [] });
  });

  it('refuses such an adjustment without a reason: 422 for the input, pending in the evaluation', () => {
    const input = { rulebook: r2025, member: member(), ...disciplined, year, ratingDate, adjusted: 'good' as const };
    expect(() => checkAdjustment(input)).toThrow(expect.objectContaining({ code: 'OVERRIDE_REASON_REQUIRED', kind: 'unprocessable' }));
    expect(Override.safeParse({ by: 'Đảng ủy Sở Y tế', circumstance: 'forceMajeure', reason: '  ' }).success).toBe(false);
    expect(Override.safeParse({ by: 'Đảng ủy Sở Y tế', reason: 'Có lý do' }).success).toBe(false);
    const e = evaluateMember(input);
    expect(e).toMatchObject({ rated: false, notRatedReason: 'pending', override: null });
    expect(e.violations.map((v) => v.ruleId)).toEqual(['R-IND25-KHTNV', 'R-IND25-OVERRIDE']);
    expect(e.violations[1]!.message).toContain('chưa nêu tình tiết');
  });

  it('needs no override for an adjustment within the rules, and shows none', () => {
    const e = checkAdjustment({ rulebook: r2025, member: member(), facts: scored(28, 62, { exceedingPercent: 30, decided: 'good' }), year, ratingDate, adjusted: 'excellent', override });
    expect(e).toMatchObject({ final: 'excellent', override: null });
  });

  it('keeps r2019 as it was: an adjustment above the cap is lowered, an override is refused', () => {
    const input = { rulebook: r2019, member: member(), facts: scored(null, null, { sickLeaveDays: 70, decided: 'complete' }), year: 2021, ratingDate: '2021-12-20', adjusted: 'good' as const };
    expect(checkAdjustment(input)).toMatchObject({ final: 'complete', maxAllowed: 'complete', override: null });
    expect(evaluateMember({ ...input, override })).toMatchObject({ final: 'complete', override: null });
    expect(() => checkAdjustment({ ...input, override })).toThrow(expect.objectContaining({ code: 'OVERRIDE_NOT_ALLOWED', kind: 'unprocessable' }));
  });
});

describe('the two readings that are ours, changed by a local overlay', () => {
  const overlay = (patches: object[]) =>
    parseOverlay({ id: 'tinh-x-2025', kind: 'overlay', title: 'Hướng dẫn của Ban Thường vụ Tỉnh ủy', appliesTo: ['r2025'], years: { from: 2025, to: null }, sources: ['HD 05-HD/TU'], patches });

  it('are marked as interpretations in r2025, distinct from provisional', () => {
    // The rating engine's readings; the rewards list's own (R-REW-01, R-CONS-01) are tested with it.
    const marked = baseRulebook('r2025').rules.filter((r) => r.interpretation && r.effect !== 'propose' && r.effect !== 'flag').map((r) => r.id);
    expect(marked).toEqual(['R-IND25-BANDS', 'R-QUOTA-01', 'R-ORG25-BANDS']);
    const bands = r2025.rules.find((r) => r.id === 'R-IND25-BANDS')!;
    expect(bands.provisional).toBe(false);
    expect(bands.interpretation).toMatch(vietnameseLetter);
  });

  it('an overlay can rate the 60-point member with 80 % of tasks done as complete, in its own words', () => {
    const book = resolveRulebookFrom(baseRulebook('r2025'), [
      overlay([{ id: 'R-IND25-BANDS', params: { fallback: 'complete' }, interpretation: null, source: 'HD 05-HD/TU mục 2' }]),
    ]);
    const input = { member: member(), facts: scored(25, 35, { taskCompletionPercent: 80, decided: 'complete' }), year, ratingDate };
    expect(evaluateMember({ ...input, rulebook: r2025 })).toMatchObject({ final: 'incomplete', interpretations: [{ ruleId: 'R-IND25-BANDS' }] });
    const e = evaluateMember({ ...input, rulebook: book });
    expect(e).toMatchObject({ maxAllowed: 'complete', final: 'complete', interpretations: [], violations: [] });
    expect(book.rules.find((r) => r.id === 'R-IND25-BANDS')).toMatchObject({ source: 'QĐ 366-QĐ/TW Điều 11; HD 05-HD/TU mục 2' });
    expect(book.rules.find((r) => r.id === 'R-IND25-BANDS')?.interpretation).toBeUndefined();
  });

  it('an overlay can change the quota reading (25 % for the province’s groups) and keep it marked', () => {
    const book = resolveRulebookFrom(baseRulebook('r2025'), [
      overlay([{ id: 'R-QUOTA-01', clause: 'base', params: { ratioPercent: 25 }, interpretation: 'Tỉnh tính 25% trên từng tổ chức cơ sở đảng.', source: 'HD 05-HD/TU mục 3' }]),
    ]);
    const rule = book.rules.find((r) => r.id === 'R-QUOTA-01')!;
    expect(rule).toMatchObject({ params: { ratioPercent: 25, exceptionMaxPercent: 25 }, interpretation: 'Tỉnh tính 25% trên từng tổ chức cơ sở đảng.' });
  });
});
