import { describe, expect, it } from 'vitest';
import { checkQuotaException, evaluateCollectiveGroups, evaluateMember, evaluateUnit, isRatedCollective, UnitEvaluation, unitKinds, type CollectiveGroup, type EvaluateUnitInput, type MemberEvaluation, type Rating } from '@kd/domain';
import { member, r2019, r2023, r2025, repeat, scored, vietnameseLetter } from './fixtures';

const year = 2025;
const ratingDate = '2025-12-20';

/** Rated r2025 members of one base cell: excellent ones 28 / 65 with half their tasks exceeding, good ones 25 / 55. */
function members(levels: readonly Rating[]): MemberEvaluation[] {
  const facts = (level: Rating) =>
    level === 'excellent' ? scored(28, 65, { exceedingPercent: 50, decided: level }) : level === 'good' ? scored(25, 55, { decided: level }) : scored(20, 40, { decided: level });
  return levels.map((level, i) =>
    evaluateMember({ rulebook: r2025, member: member({ id: `DV${i + 1}`, unitId: 'CB-CS' }), facts: facts(level), year, ratingDate }),
  );
}

function unit(input: Partial<EvaluateUnitInput>): UnitEvaluation {
  const e = evaluateUnit({
    rulebook: r2025,
    unit: { id: 'CB-CS', kind: 'baseCell', foundedOn: '2010-01-01' },
    year,
    ratingDate,
    collective: { proposed: 'good', decided: 'good', scores: { general: 26, tasks: 58 }, taskCompletionPercent: 100 },
    memberEvaluations: [],
    ...input,
  });
  expect(UnitEvaluation.parse(e)).toEqual(e);
  for (const v of e.violations) {
    expect(v.message).toBe(v.message.normalize('NFC'));
    expect(v.message).toMatch(vietnameseLetter);
  }
  return e;
}

describe('R-QUOTA-01 under r2025 with the competent level’s exception', () => {
  const cell = members([...repeat<Rating>('excellent', 3), ...repeat<Rating>('good', 12)]);

  it('T25-07: 3 excellent and 12 good break the 20 % cap (2)', () => {
    expect(cell.every((e) => e.rated)).toBe(true);
    const e = unit({ memberEvaluations: cell });
    expect(e.quota).toEqual({ excellent: 3, good: 12, cap: 2, withinCap: false });
    expect(e.violations.map((v) => [v.memberId, v.ruleId, v.severity])).toEqual([[null, 'R-QUOTA-01', 'blocking']]);
    expect(e.violations[0]!.message).toContain('tối đa 2 (20%)');
    expect(e.interpretations.map((i) => i.ruleId)).toContain('R-QUOTA-01');
  });

  it('T25-07: within the cap after a 25 % exception (3)', () => {
    const e = unit({ memberEvaluations: cell, quotaExceptionShare: 0.25 });
    expect(e.quota).toEqual({ excellent: 3, good: 12, cap: 3, withinCap: true });
    expect(e.violations).toEqual([]);
  });

  it('an exception never goes past the rule’s limit, nor applies under r2019', () => {
    expect(unit({ memberEvaluations: cell, quotaExceptionShare: 0.5 }).quota?.cap).toBe(3);
    const old = evaluateUnit({
      rulebook: r2019, unit: { id: 'CB-CS', kind: 'baseCell', foundedOn: null }, year: 2021, ratingDate: '2021-12-20',
      collective: { proposed: 'good', decided: 'good' }, memberEvaluations: cell, quotaExceptionShare: 0.25,
    });
    expect(old.quota?.cap).toBe(2);
  });

  it('checkQuotaException: up to 25 % of good under r2025; refused above, below the ordinary ratio, and under r2019 or r2023', () => {
    expect(checkQuotaException(r2025, 0.25)).toBe(25);
    expect(checkQuotaException(r2025, 0.22)).toBe(22);
    expect(checkQuotaException(r2025, null)).toBeNull();
    for (const [book, share] of [[r2025, 0.26], [r2025, 0.2], [r2025, 0.1], [r2019, 0.25], [r2023, 0.25], [r2019, 0.2]] as const) {
      expect(() => checkQuotaException(book, share), `${book.id} ${share}`).toThrow(expect.objectContaining({ code: 'QUOTA_EXCEPTION_NOT_ALLOWED', kind: 'unprocessable' }));
    }
  });
});

describe('collectives scored on 100 (QĐ 366 Điều 11, Phụ lục 1)', () => {
  const excellent = { proposed: 'excellent', decided: 'excellent', scores: { general: 28, tasks: 65 }, taskCompletionPercent: 100, exceedingPercent: 40 } as const;

  it('a collective with 93 points, all tasks on time and 40 % exceeding is excellent', () => {
    expect(unit({ collective: excellent })).toMatchObject({ rated: true, score: 93, maxAllowed: 'excellent', final: 'excellent', violations: [] });
  });

  it('excellent also needs no disciplined subordinate organisation or leadership member', () => {
    for (const flag of ['subordinateDisciplined', 'leadershipMemberDisciplined'] as const) {
      const e = unit({ collective: { ...excellent, [flag]: true } });
      expect(e).toMatchObject({ rated: true, maxAllowed: 'good', final: 'good' });
      expect(e.violations.map((v) => v.ruleId)).toEqual(['R-ORG25-HTXS']);
      expect(e.violations[0]!.message).toContain('bị xử lý kỷ luật trong năm');
    }
  });

  it('the same bands and conditions as members: 92 points with 25 % exceeding is good', () => {
    const e = unit({ collective: { ...excellent, scores: { general: 30, tasks: 62 }, exceedingPercent: 25 } });
    expect(e).toMatchObject({ maxAllowed: 'good', final: 'good' });
    // The base cell's quota is counted by base organisation: that reading is marked too.
    expect(e.interpretations.map((i) => i.ruleId)).toEqual(['R-ORG25-BANDS', 'R-QUOTA-01']);
    expect(e.violations.map((v) => v.ruleId)).toEqual(['R-ORG25-BANDS']);
  });

  it('forced incomplete under 50 points or under 70 % of the year’s tasks', () => {
    expect(unit({ collective: { proposed: 'complete', decided: 'complete', scores: { general: 20, tasks: 29 }, taskCompletionPercent: 100 } })).toMatchObject({
      forced: 'incomplete', final: 'incomplete',
    });
    const e = unit({ collective: { proposed: 'good', decided: 'good', scores: { general: 26, tasks: 58 }, taskCompletionPercent: 65 } });
    expect(e).toMatchObject({ forced: 'incomplete', final: 'incomplete' });
    expect(e.violations.map((v) => v.ruleId)).toEqual(['R-ORG25-KHTNV']);
  });

  it('pending until both scores and the task share are on file', () => {
    const e = unit({ collective: { proposed: 'good', decided: 'good', scores: { general: 26, tasks: null } } });
    expect(e).toMatchObject({ rated: false, notRatedReason: 'pending', score: null, final: null });
    expect(e.violations.map((v) => [v.ruleId, v.severity])).toEqual([['R-ORG25-SCORE', 'blocking']]);
    expect(e.violations[0]!.message).toContain('Điểm kết quả thực hiện nhiệm vụ, Tỷ lệ hoàn thành nhiệm vụ (%)');
  });

  it('the committees directly above base organisations are rated collectives under r2025 only', () => {
    const rated = (book: typeof r2025) => unitKinds.filter((k) => isRatedCollective(book, k));
    expect(rated(r2025)).toEqual(['bloc', 'baseCommittee', 'baseCell', 'subCommittee', 'cell']);
    expect(rated(r2019)).toEqual(['baseCommittee', 'baseCell', 'subCommittee', 'cell']);
    expect(rated(r2023)).toEqual(rated(r2019));
    const bloc = unit({ unit: { id: 'DU-XA', kind: 'bloc', foundedOn: '2025-07-01' }, collective: excellent });
    expect(bloc).toMatchObject({ rated: true, final: 'excellent', quota: { excellent: 0, good: 0, cap: 0, withinCap: true } });
  });
});

describe('R-QUOTA-02: collectives within a group of similar function', () => {
  const group = (excellent: number, good: number, exceptionShare: number | null = null): CollectiveGroup => ({
    id: 'xa-phuong',
    name: 'Đảng bộ xã, phường',
    exceptionShare,
    collectives: [...repeat<Rating | null>('excellent', excellent), ...repeat<Rating | null>('good', good), 'complete' as const, null].map((final, i) => ({ unitId: `U${i}`, final })),
  });

  it('r2025: 2 excellent over 8 good breaks 20 % (cap 1); a 25 % exception allows 2', () => {
    const [plain] = evaluateCollectiveGroups(r2025, [group(2, 8)]);
    expect(plain!.quota).toEqual({ excellent: 2, good: 8, cap: 1, withinCap: false });
    expect(plain!.violations.map((v) => [v.memberId, v.ruleId, v.severity])).toEqual([[null, 'R-QUOTA-02', 'blocking']]);
    expect(plain!.violations[0]!.message).toContain('Nhóm "Đảng bộ xã, phường" có 2 tập thể Hoàn thành xuất sắc nhiệm vụ trên 8 tập thể Hoàn thành tốt nhiệm vụ: tối đa 1 (20%).');
    const [granted] = evaluateCollectiveGroups(r2025, [group(2, 8, 0.25)]);
    expect(granted).toMatchObject({ quota: { cap: 2, withinCap: true }, violations: [] });
  });

  it('r2023: 20 % without exception; r2019 has no collective quota', () => {
    const [g] = evaluateCollectiveGroups(r2023, [group(3, 10, 0.25)]);
    expect(g!.quota).toEqual({ excellent: 3, good: 10, cap: 2, withinCap: false });
    expect(g!.violations.map((v) => v.ruleId)).toEqual(['R-QUOTA-02']);
    expect(evaluateCollectiveGroups(r2023, [group(2, 10)])[0]!.violations).toEqual([]);
    expect(evaluateCollectiveGroups(r2019, [group(3, 10)])).toEqual([{ groupId: 'xa-phuong', quota: null, violations: [] }]);
  });
});
