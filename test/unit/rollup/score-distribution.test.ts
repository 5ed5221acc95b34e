import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateMember, UnitEvaluation, ratings, addScoreCounts, bieu4, equalScoreCounts, recountScores, scoreBandKeys, scoreBandOf, scoreCountsFromFlat, scoreCountsToFlat, subtractScoreCounts, sumScoreCounts, zeroScoreCounts, type MemberEvaluation, type ScoreCounts } from '@kd/domain';
import { member, r2025, scored } from '../evaluation/fixtures';

const year = 2025;
const ratingDate = '2025-12-20';

const person = fc.record({
  general: fc.option(fc.integer({ min: 0, max: 300 }).map((n) => n / 10), { nil: null }),
  tasks: fc.option(fc.integer({ min: 0, max: 700 }).map((n) => n / 10), { nil: null }),
  exempt: fc.boolean(),
  decided: fc.option(fc.constantFrom(...ratings), { nil: null }),
});

type Person = { general: number | null; tasks: number | null; exempt: boolean; decided: (typeof ratings)[number] | null };

function evaluate(people: readonly Person[], unit: string): MemberEvaluation[] {
  return people.map((p, i) =>
    evaluateMember({ rulebook: r2025, member: member({ id: `${unit}-${i}`, unitId: unit, exempt: p.exempt }), facts: scored(p.general, p.tasks, { decided: p.decided }), year, ratingDate }),
  );
}

/** A random tree: unit i's parent is a unit before it; each unit has its own members. */
const tree = fc.array(fc.record({ parentPick: fc.nat(), people: fc.array(person, { maxLength: 8 }) }), { minLength: 1, maxLength: 12 });

const bandsAddUp = (c: ScoreCounts) => {
  for (const g of ['members', 'units'] as const) expect(scoreBandKeys.reduce((s, k) => s + c[g][k], 0)).toBe(c[g].scored);
};

describe('Biểu 4: score distribution', () => {
  it('bands at 90, 70 and 50, without rounding up', () => {
    expect([100, 90, 89.9, 70, 69.99, 50, 49.5, 0].map(scoreBandOf)).toEqual(['from90', 'from90', 'from70', 'from70', 'from50', 'from50', 'below50', 'below50']);
  });

  it('a roll-up of own contributions (children + 1) equals the recount of the subtree, and every sum adds up by band', () => {
    fc.assert(
      fc.property(tree, (units) => {
        const parents = units.map((u, i) => (i === 0 ? -1 : u.parentPick % i));
        const evaluations = units.map((u, i) => evaluate(u.people, `U${i}`));
        const own = evaluations.map((members) => recountScores({ members }));
        // Totals bottom-up, each from the unit's own item and its children's totals only.
        const total: ScoreCounts[] = own.map(() => zeroScoreCounts());
        for (let i = units.length - 1; i >= 0; i--) {
          const children = parents.flatMap((p, c) => (p === i ? [total[c]!] : []));
          total[i] = sumScoreCounts([own[i]!, ...children]);
        }
        const subtree = (i: number): number[] => [i, ...parents.flatMap((p, c) => (p === i ? subtree(c) : []))];
        units.forEach((_, i) => {
          const recount = recountScores({ members: subtree(i).flatMap((j) => evaluations[j]!) });
          expect(equalScoreCounts(total[i]!, recount)).toBe(true);
          bandsAddUp(total[i]!);
        });
        // Under r2025 every rated member has a score: Biểu 4 matches Biểu 2's "rated".
        expect(total[0]!.members.scored).toBe(evaluations.flat().filter((e) => e.rated).length);
      }),
      { numRuns: 60 },
    );
  });

  it('add and subtract are inverse; flat attributes round-trip', () => {
    const counts = fc.array(fc.integer({ min: -40, max: 40 }), { minLength: 10, maxLength: 10 }).map((v) => scoreCountsFromFlat(Object.fromEntries(Object.keys(scoreCountsToFlat(zeroScoreCounts())).map((k, i) => [k, v[i]!]))));
    fc.assert(
      fc.property(counts, counts, (a, b) => {
        expect(subtractScoreCounts(addScoreCounts(a, b), b)).toEqual(a);
        expect(scoreCountsFromFlat(scoreCountsToFlat(a))).toEqual(a);
        expect(equalScoreCounts(sumScoreCounts([a, b]), addScoreCounts(b, a))).toBe(true);
      }),
    );
    expect(Object.keys(scoreCountsToFlat(zeroScoreCounts()))).toEqual([
      'sm_scored', 'sm_from90', 'sm_from70', 'sm_from50', 'sm_below50', 'su_scored', 'su_from90', 'su_from70', 'su_from50', 'su_below50',
    ]);
  });

  it('counts rated collectives by their score, and leaves out the unrated', () => {
    const collective = (rated: boolean, score: number | null): UnitEvaluation =>
      UnitEvaluation.parse({ unitId: 'u', year, rated, notRatedReason: rated ? null : 'pending', proposed: null, decided: null, score, maxAllowed: null, final: null, forced: null, quota: null, interpretations: [], violations: [] });
    const c = recountScores({ members: [], collectives: [collective(true, 93), collective(true, 75), collective(false, 95), collective(true, null)] });
    expect(c.units).toEqual({ scored: 2, from90: 1, from70: 1, from50: 0, below50: 0 });
  });

  it('prints Biểu 4 with a row per child and the total, shares of those scored', () => {
    const a = recountScores({ members: evaluate([{ general: 28, tasks: 65, exempt: false, decided: 'good' }, { general: 20, tasks: 40, exempt: false, decided: 'complete' }], 'A') });
    const b = recountScores({ members: evaluate([{ general: 25, tasks: 55, exempt: false, decided: 'good' }], 'B') });
    const table = bieu4({ name: 'Đảng ủy Sở Y tế', year, children: [{ name: 'Chi bộ A', scores: a }, { name: 'Chi bộ B', scores: b }], total: addScoreCounts(a, b) });
    expect(table.headers).toHaveLength(20);
    expect(table.headers[3]).toBe('(4) Đảng viên từ 90 điểm trở lên: số lượng');
    expect(table.rows.at(-1)!.slice(0, 11)).toEqual(['', 'Tổng cộng Đảng ủy Sở Y tế', 3, 1, { share: 1 / 3 }, 1, { share: 1 / 3 }, 1, { share: 1 / 3 }, 0, { share: 0 }]);
    expect(table.emphasised).toEqual([2]);
  });
});
