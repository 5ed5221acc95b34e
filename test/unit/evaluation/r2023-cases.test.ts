import { describe, expect, it } from 'vitest';
import { evaluateMember, evaluateUnit, type MemberFactsInput, type Rating } from '@kd/domain';
import { facts, member, r2023, vietnameseLetter } from './fixtures';

const at = { year: 2023, ratingDate: '2023-12-20' } as const;

const cases: { title: string; facts: MemberFactsInput; final: Rating; violation?: string }[] = [
  { title: 'all tasks on time, half of them exceeded: excellent', facts: { taskCompletionPercent: 100, latePercent: 0, exceedingPercent: 50 }, final: 'excellent' },
  { title: '40 % exceeded: good', facts: { taskCompletionPercent: 100, exceedingPercent: 40 }, final: 'good', violation: '40% nhiệm vụ vượt yêu cầu (cần từ 50%)' },
  { title: 'some tasks late: good', facts: { taskCompletionPercent: 100, latePercent: 5, exceedingPercent: 60 }, final: 'good', violation: 'không được có nhiệm vụ chậm' },
  { title: '95 % of tasks completed: good', facts: { taskCompletionPercent: 95, exceedingPercent: 60 }, final: 'good', violation: 'hoàn thành 95% nhiệm vụ (cần 100%)' },
  { title: 'no task figures on file: not shown to be excellent', facts: {}, final: 'good', violation: 'chưa có tỷ lệ hoàn thành nhiệm vụ' },
];

describe('R-IND23-HTXS: 100 % of tasks on time, at least 50 % exceeded (QĐ 124 Điều 12)', () => {
  it.each(cases)('$title', (c) => {
    const e = evaluateMember({ rulebook: r2023, member: member(), facts: facts({ ...c.facts, decided: 'excellent' }), ...at });
    expect(e).toMatchObject({ rated: true, final: c.final, score: null });
    if (!c.violation) return expect(e.violations).toEqual([]);
    expect(e.violations.map((v) => [v.ruleId, v.severity])).toEqual([['R-IND23-HTXS', 'blocking']]);
    expect(e.violations[0]!.message).toContain(c.violation);
    expect(e.violations[0]!.message).toMatch(vietnameseLetter);
  });

  it('does not touch a member voted good', () => {
    expect(evaluateMember({ rulebook: r2023, member: member(), facts: facts({ decided: 'good' }), ...at })).toMatchObject({ final: 'good', maxAllowed: 'good', violations: [] });
  });
});

describe('R-ORG23-HTXS: the collective’s tasks and no discipline below it', () => {
  const unit = (collective: Parameters<typeof evaluateUnit>[0]['collective']) =>
    evaluateUnit({ rulebook: r2023, unit: { id: 'CB', kind: 'cell', foundedOn: null }, ...at, collective, memberEvaluations: [] });
  const onTime = { proposed: 'excellent', decided: 'excellent', taskCompletionPercent: 100, latePercent: 0, exceedingPercent: 60 } as const;

  it('all tasks on time, 60 % exceeded, nobody disciplined: excellent', () => {
    expect(unit(onTime)).toMatchObject({ rated: true, final: 'excellent', violations: [] });
  });

  it('30 % exceeded, or a disciplined subordinate organisation or leadership member: good', () => {
    expect(unit({ ...onTime, exceedingPercent: 30 })).toMatchObject({ final: 'good', violations: [{ ruleId: 'R-ORG23-HTXS' }] });
    expect(unit({ ...onTime, subordinateDisciplined: true })).toMatchObject({ final: 'good', violations: [{ ruleId: 'R-ORG23-HTXS' }] });
    const both = unit({ ...onTime, exceedingPercent: 30, leadershipMemberDisciplined: true });
    expect(both.violations.map((v) => v.ruleId)).toEqual(['R-ORG23-HTXS', 'R-ORG23-HTXS']);
    expect(both.violations[1]!.message).toContain('thành viên tập thể lãnh đạo bị xử lý kỷ luật');
  });
});
