import { describe, expect, it } from 'vitest';
import { evaluateMember, evaluateUnit, quotaCap, UnitEvaluation, baseRulebook, parseOverlay, resolveRulebookFrom, rulebookOverlay, type EvaluateUnitInput, type Rating } from '@kd/domain';
import { cellEvaluations, facts, member, r2019, repeat, s000, vietnameseLetter } from './fixtures';

const base = { year: 2021, ratingDate: '2021-12-20' } as const;

function unit(input: Partial<EvaluateUnitInput> & Pick<EvaluateUnitInput, 'rulebook' | 'memberEvaluations'>): UnitEvaluation {
  const evaluation = evaluateUnit({
    unit: { id: 'CB-PHOI', kind: 'cell', foundedOn: '2015-01-10' },
    collective: { proposed: 'good', decided: 'good' },
    ...base,
    ...input,
  });
  expect(UnitEvaluation.parse(evaluation)).toEqual(evaluation);
  for (const v of evaluation.violations) {
    expect(v.message).toBe(v.message.normalize('NFC'));
    expect(v.message).toMatch(vietnameseLetter);
  }
  return evaluation;
}

const ids = (e: UnitEvaluation) => e.violations.map((v) => [v.memberId, v.ruleId, v.severity]);

describe('evaluateUnit — docs/rulebooks.md, "Test cases"', () => {
  it('T14: cell with 10 good and 3 excellent breaks the cell-level quota (max 2) under S0', () => {
    const e = unit({ rulebook: s000, memberEvaluations: cellEvaluations(s000, [...repeat<Rating>('good', 10), ...repeat<Rating>('excellent', 3)]) });
    expect(e.quota).toEqual({ excellent: 3, good: 10, cap: 2, withinCap: false });
    expect(ids(e)).toEqual([[null, 'R-QUOTA-01', 'blocking']]);
    expect(e.violations[0]!.message).toContain('tối đa 2');
  });

  it('T14: the same cell with 2 excellent is within the cap', () => {
    const e = unit({ rulebook: s000, memberEvaluations: cellEvaluations(s000, [...repeat<Rating>('good', 10), ...repeat<Rating>('excellent', 2)]) });
    expect(e.quota).toEqual({ excellent: 2, good: 10, cap: 2, withinCap: true });
    expect(e.violations).toEqual([]);
  });

  it('T15: base cell with 4 good and 1 excellent breaks R-QUOTA-01 under r2019 (floor(0.8) = 0)', () => {
    const e = unit({
      rulebook: r2019,
      unit: { id: 'CBCS', kind: 'baseCell', foundedOn: null },
      memberEvaluations: cellEvaluations(r2019, [...repeat<Rating>('good', 4), 'excellent']),
    });
    expect(e.quota).toEqual({ excellent: 1, good: 4, cap: 0, withinCap: false });
    expect(ids(e)).toEqual([[null, 'R-QUOTA-01', 'blocking']]);
  });

  it('T15: a subordinate cell under plain r2019 is not checked on its own (the base organisation is)', () => {
    const e = unit({ rulebook: r2019, memberEvaluations: cellEvaluations(r2019, [...repeat<Rating>('good', 4), 'excellent']) });
    expect(e.quota).toMatchObject({ excellent: 1, good: 4, cap: 0 });
    expect(e.violations).toEqual([]);
  });

  it('R-QUOTA-01 at the base committee counts its whole subtree under S0', () => {
    const subtree = [
      ...cellEvaluations(s000, [...repeat<Rating>('good', 5), 'excellent']),
      ...cellEvaluations(s000, [...repeat<Rating>('good', 5), 'excellent', 'excellent'], { unitId: 'CB-KHOA' }),
    ];
    const e = unit({ rulebook: s000, unit: { id: 'DU-SYT', kind: 'baseCommittee', foundedOn: null }, memberEvaluations: subtree, childCollectiveRatings: ['good', 'good'] });
    expect(e.quota).toEqual({ excellent: 3, good: 10, cap: 2, withinCap: false });
    expect(ids(e)).toEqual([[null, 'R-QUOTA-01', 'blocking']]);
  });

  it('T03: exempt members are out of the quota denominators', () => {
    const rated = cellEvaluations(s000, [...repeat<Rating>('good', 5), 'excellent']);
    const exempt = cellEvaluations(s000, repeat<Rating>('good', 5), { exempt: true });
    const e = unit({ rulebook: s000, memberEvaluations: [...rated, ...exempt] });
    expect(e.quota).toEqual({ excellent: 1, good: 5, cap: 1, withinCap: true });
  });

  it('T17: the secretary voted above the cell’s rating is a member-level violation with the secretary’s id', () => {
    const rulebook = s000;
    const secretary = evaluateMember({ rulebook, member: member({ id: 'BT01', partyPosition: 'secretary' }), facts: facts({ decided: 'excellent' }), ...base });
    const e = unit({ rulebook, memberEvaluations: [secretary, ...cellEvaluations(rulebook, repeat<Rating>('good', 9))], headMemberId: 'BT01' });
    expect(ids(e)).toEqual([['BT01', 'R-HEAD-01', 'blocking']]);
    expect(e.violations[0]!.message).toContain('tối đa Hoàn thành tốt nhiệm vụ');
  });

  it('T17: the secretary at the cell’s level is fine', () => {
    const secretary = evaluateMember({ rulebook: s000, member: member({ id: 'BT01', partyPosition: 'secretary' }), facts: facts({ decided: 'good' }), ...base });
    const e = unit({ rulebook: s000, memberEvaluations: [secretary], headMemberId: 'BT01' });
    expect(e.violations).toEqual([]);
  });

  it('T23: cell proposed excellent with 19 of 20 members at least complete: capped at good', () => {
    const e = unit({
      rulebook: r2019,
      collective: { proposed: 'excellent', decided: 'excellent' },
      memberEvaluations: cellEvaluations(r2019, [...repeat<Rating>('good', 16), ...repeat<Rating>('complete', 3), 'incomplete']),
    });
    expect(e).toMatchObject({ rated: true, maxAllowed: 'good', final: 'good' });
    expect(ids(e)).toEqual([[null, 'R-ORG19-HTXS', 'blocking']]);
    expect(e.violations[0]!.message).toContain('95% (19/20)');
  });

  it('T24: cell proposed excellent with all members at least complete but 75% at least good: capped at good', () => {
    const e = unit({
      rulebook: r2019,
      collective: { proposed: 'excellent', decided: 'excellent' },
      memberEvaluations: cellEvaluations(r2019, [...repeat<Rating>('good', 15), ...repeat<Rating>('complete', 5)]),
    });
    expect(e).toMatchObject({ rated: true, maxAllowed: 'good', final: 'good' });
    expect(ids(e)).toEqual([[null, 'R-ORG19-HTXS', 'blocking']]);
    expect(e.violations[0]!.message).toContain('75% (15/20)');
  });

  it('T24: 80% at least good and 100% at least complete allows excellent', () => {
    const e = unit({
      rulebook: r2019,
      collective: { proposed: 'excellent', decided: 'excellent' },
      memberEvaluations: cellEvaluations(r2019, [...repeat<Rating>('good', 16), ...repeat<Rating>('complete', 4)]),
    });
    expect(e).toMatchObject({ rated: true, maxAllowed: 'excellent', final: 'excellent' });
    expect(e.violations).toEqual([]);
  });

  it('R-ORG19-HTXS for a committee reads its subordinate organisations', () => {
    const e = unit({
      rulebook: r2019,
      unit: { id: 'DU-SYT', kind: 'baseCommittee', foundedOn: null },
      collective: { proposed: 'excellent', decided: 'excellent' },
      memberEvaluations: cellEvaluations(r2019, repeat<Rating>('good', 30)),
      childCollectiveRatings: ['excellent', 'good', 'good', 'complete', null],
    });
    expect(e).toMatchObject({ maxAllowed: 'good', final: 'good' });
    expect(e.violations[0]!.message).toContain('75% (3/4)');
  });

  it('T29: organisation founded 15/08/2021 is not rated in December 2021', () => {
    const e = unit({ rulebook: r2019, unit: { id: 'CB-MOI', kind: 'cell', foundedOn: '2021-08-15' }, collective: { proposed: null, decided: null }, memberEvaluations: [] });
    expect(e).toMatchObject({ rated: false, notRatedReason: 'newUnit', final: null, maxAllowed: null });
    expect(e.violations).toEqual([]);
  });

  it('R-ELIG-05: a collective without its own decided rating is pending and blocks submission', () => {
    const e = unit({ rulebook: r2019, collective: { proposed: 'good', decided: null }, memberEvaluations: [] });
    expect(e).toMatchObject({ rated: false, notRatedReason: 'pending', final: null });
    expect(ids(e)).toEqual([[null, 'R-ELIG-05', 'blocking']]);
  });

  it('R-ORG19-HTNV: an organisation disciplined in the year is forced to incomplete', () => {
    const e = unit({ rulebook: r2019, collective: { proposed: 'good', decided: 'good', disciplined: true }, memberEvaluations: [] });
    expect(e).toMatchObject({ rated: true, forced: 'incomplete', final: 'incomplete' });
    expect(ids(e)).toEqual([[null, 'R-ORG19-HTNV', 'warning']]);
  });

  it('R-ELIG-07: S0 2021 does not use the quality of cell meetings', () => {
    const memberEvaluations = cellEvaluations(s000, repeat<Rating>('good', 10));
    const e = unit({ rulebook: s000, collective: { proposed: 'good', decided: 'good', meetingQuality: 'complete' }, memberEvaluations });
    expect(e).toMatchObject({ final: 'good', maxAllowed: 'excellent' });
    expect(e.violations).toEqual([]);
  });

  it('R-ELIG-07: an overlay that turns the criterion on caps the organisation at the meetings’ quality (data only)', () => {
    const overlay = parseOverlay({
      id: 'tenant-2022', kind: 'overlay', title: 'Quy định bổ sung năm 2022', appliesTo: ['r2019'], years: { from: 2022, to: 2022 }, sources: ['thử nghiệm'],
      patches: [{ id: 'R-ELIG-07', params: { used: true }, source: 'thử nghiệm' }],
    });
    const rulebook = resolveRulebookFrom(baseRulebook('r2019'), [rulebookOverlay('s000-2021'), overlay]);
    const memberEvaluations = cellEvaluations(rulebook, repeat<Rating>('good', 10));
    const e = unit({ rulebook, collective: { proposed: 'good', decided: 'good', meetingQuality: 'complete' }, memberEvaluations });
    expect(e).toMatchObject({ final: 'complete', maxAllowed: 'complete' });
    expect(ids(e)).toEqual([[null, 'R-ELIG-07', 'warning']]);
  });
});

describe('quotaCap', () => {
  it('is exact integer arithmetic: 29% of 100 is 29, 20% of 4 is 0, 20% of 10 is 2', () => {
    expect(quotaCap(100, 29)).toBe(29);
    expect(quotaCap(4, 20)).toBe(0);
    expect(quotaCap(10, 20)).toBe(2);
    expect(quotaCap(40, 20)).toBe(8);
  });
  it('rounds as the rule says', () => {
    expect([quotaCap(4, 20, 'floor'), quotaCap(4, 20, 'round'), quotaCap(4, 20, 'ceil')]).toEqual([0, 1, 1]);
    expect([quotaCap(2, 20, 'round'), quotaCap(10, 20, 'ceil')]).toEqual([0, 2]);
  });
});
