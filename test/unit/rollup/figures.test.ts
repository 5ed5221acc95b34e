import { describe, expect, it } from 'vitest';
import { bieu2, figureText, formatCount, formatPercent, groupMemberCounts, memberCoverageFigures, memberRatingFigures, unitCoverageFigures, unitRatingFigures, type Figure } from '@kd/domain';
import { provinceRollup } from '../../support/province-rollup';

const sum = (figures: Figure[]) => figures.reduce((n, f) => n + (f.share ?? 0), 0);

describe('one definition per dashboard figure', () => {
  const r = provinceRollup();

  it('states each share out of one named denominator, so that each column adds up to 100 %', () => {
    expect([r.members.total, r.members.rated, r.units.total, r.units.rated]).toEqual([2927, 397, 191, 21]);
    for (const figures of [memberRatingFigures(r.members), memberCoverageFigures(r.members), unitRatingFigures(r.units), unitCoverageFigures(r.units)]) {
      expect(new Set(figures.map((f) => f.of)).size).toBe(1);
      expect(figures.reduce((n, f) => n + f.count, 0)).toBe(figures[0]!.of);
      expect(sum(figures)).toBeCloseTo(1, 10);
    }
    expect(memberRatingFigures(r.members)[0]).toMatchObject({ ofLabel: 'đảng viên đã xếp loại', of: 397 });
    // The not-yet-rated are stated apart, out of all members: 2.462 of 2.927.
    expect(memberCoverageFigures(r.members).find((f) => f.key === 'notYet')).toMatchObject({ count: 2462, of: 2927, percent: '84,1 %', ofLabel: 'đảng viên' });
    // "tổ chức đảng được đánh giá" is the rated ones, out of those to rate.
    expect(unitCoverageFigures(r.units)[0]).toMatchObject({ key: 'rated', count: 21, of: 191, percent: '11,0 %' });
  });

  it('formats every number the Vietnamese way through one formatter', () => {
    expect(formatCount(2927)).toBe('2.927');
    expect(formatPercent(2369, 2927)).toBe('80,9 %');
    expect(figureText(memberCoverageFigures(r.members)[0]!)).toBe('397 / 2.927 (13,6 %)');
  });

  it('gives Biểu 2 the very figures the dashboard shows', () => {
    const total = bieu2(r).rows.at(-1)!;
    expect(total[2]).toBe(r.members.total);
    expect(total[7]).toBe(r.members.rated);
    memberRatingFigures(r.members).forEach((f, i) => {
      expect(total[8 + 2 * i]).toBe(f.count);
      expect(total[9 + 2 * i]).toEqual({ share: f.share });
    });
  });

  it("counts a tổ đảng's members as the cell's members with that group, as the cell page does", () => {
    expect([...groupMemberCounts([{ groupId: 'g1' }, { groupId: 'g2' }, { groupId: 'g1' }, { groupId: null }])]).toEqual([['g1', 2], ['g2', 1]]);
  });
});
