import { describe, expect, it } from 'vitest';
import { DomainError, attachmentsIn, cellOn, checkEventDate, evaluateMember, existsOn, monthsAtPreviousCell, placementsOn, spanOn, withSpan, withStint, wholeMonths, type DatedUnit } from '@kd/domain';
import { facts, member, r2019 } from '../evaluation/fixtures';

const unit = (id: string, parentId: string | null, extra: Partial<DatedUnit> = {}): DatedUnit => ({ id, name: `Đơn vị ${id}`, parentId, foundedOn: '2010-01-01', closedOn: null, ...extra });

describe('a unit through time', () => {
  it('exists from the day it began to the day before it ended', () => {
    const u = unit('c1', 'b', { foundedOn: '2021-03-01', closedOn: '2025-07-01' });
    expect(existsOn(u, '2021-02-28')).toBe(false);
    expect(existsOn(u, '2021-03-01')).toBe(true);
    expect(existsOn(u, '2025-06-30')).toBe(true);
    expect(existsOn(u, '2025-07-01')).toBe(false);
  });

  it('reads its place on a day from its periods, and a legacy unit was always where it is', () => {
    const moved = unit('c1', 'b2', { spans: withSpan(unit('c1', 'b1'), '2022-03-01', { parentId: 'b2' }) });
    expect(spanOn(moved, '2021-12-20').parentId).toBe('b1');
    expect(spanOn(moved, '2022-03-01').parentId).toBe('b2');
    expect(spanOn(unit('c9', 'b1'), '1999-01-01').parentId).toBe('b1');
  });

  it('builds the tree of a day from the parents of that day: moving a bloc dates one event', () => {
    const units = new Map<string, DatedUnit>([
      ['p', unit('p', null)],
      ['b1', unit('b1', 'p')],
      ['x', unit('x', 'p', { foundedOn: '2025-07-01' })],
      ['b2', unit('b2', 'x', { spans: withSpan(unit('b2', 'p'), '2025-07-01', { parentId: 'x' }) })],
      ['c1', unit('c1', 'b2')],
    ]);
    expect(placementsOn(units, '2021-12-20').get('c1')!.path).toEqual(['p', 'b2', 'c1']);
    expect(placementsOn(units, '2026-12-20').get('c1')!.path).toEqual(['p', 'x', 'b2', 'c1']);
    expect(placementsOn(units, '2021-12-20').get('x')!.exists).toBe(false);
  });

  it('refuses an event in the future or before an event already recorded', () => {
    const u = unit('c1', 'b', { spans: withSpan(unit('c1', 'b'), '2022-03-01', { name: 'Tên mới' }) });
    expect(() => checkEventDate('2022-02-01', '2022-05-01', [u])).toThrow(DomainError);
    expect(() => checkEventDate('2022-06-01', '2022-05-01', [u])).toThrow(/chưa đến/);
    expect(() => checkEventDate('2022-03-01', '2022-05-01', [u])).not.toThrow();
  });
});

describe('a member through time', () => {
  it('is at the cell of the day: before a transfer at the old one, from its date at the new one', () => {
    const m = member({ unitId: 'B', cells: withStint(member({ unitId: 'A' }), 'B', '2021-09-01', 'transfer') });
    expect(cellOn(m, '2021-08-31')).toBe('A');
    expect(cellOn(m, '2021-09-01')).toBe('B');
    expect(cellOn(member({ unitId: 'A' }), '1990-01-01')).toBe('A');
  });

  it('counts whole months', () => {
    expect(wholeMonths('2021-01-01', '2021-09-01')).toBe(8);
    expect(wholeMonths('2021-01-31', '2021-02-28')).toBe(0);
  });

  it('reads the months at the old cell from the dates: the year only, a merge continues the old cell', () => {
    const transferred = member({ unitId: 'B', cells: withStint(member({ unitId: 'A' }), 'B', '2021-09-01', 'transfer') });
    expect(monthsAtPreviousCell(transferred, 2021, '2021-12-20')).toBe(8);
    expect(monthsAtPreviousCell(transferred, 2022, '2022-12-20')).toBeNull();
    const merged = withStint(member({ unitId: 'A', cells: [{ unitId: 'A0', from: '2019-01-01', to: null, via: null }] }), 'A', '2021-05-01', 'merge');
    const both = member({ unitId: 'B', cells: withStint(member({ unitId: 'A', cells: merged }), 'B', '2021-10-01', 'transfer') });
    expect(monthsAtPreviousCell(both, 2021, '2021-12-20')).toBe(9);
    const arrivedIn = member({ unitId: 'B', cells: [{ unitId: 'B', from: '2021-09-01', to: null, via: 'transfer' }] });
    // Arrived from outside the province: the old cell is not on record, the uploaded number stands.
    expect(monthsAtPreviousCell(arrivedIn, 2021, '2021-12-20')).toBeNull();
  });

  it('R-SPEC-03: transferred on 1/9 with 8 months at the old cell is flagged from the dates alone', () => {
    const m = member({ unitId: 'B', transferredInOn: '2021-09-01', cells: withStint(member({ unitId: 'A', cells: [{ unitId: 'A', from: '2021-01-01', to: null, via: null }] }), 'B', '2021-09-01', 'transfer') });
    const e = evaluateMember({ rulebook: r2019, member: m, facts: facts({ decided: 'good' }), year: 2021, ratingDate: '2021-12-20' });
    expect(e.rated).toBe(false);
    expect(e.violations.map((v) => v.ruleId)).toEqual(['R-SPEC-03']);
    expect(e.violations[0]!.message).toContain('8 tháng ở chi bộ cũ, chuyển đến ngày 01/09/2021');
    const commented = evaluateMember({ rulebook: r2019, member: m, facts: facts({ decided: 'good', previousCellComment: true }), year: 2021, ratingDate: '2021-12-20' });
    expect(commented.rated).toBe(true);
    // The dates outrank an uploaded number: 4 months written by hand does not hide 8 months on record.
    const typed = evaluateMember({ rulebook: r2019, member: m, facts: facts({ decided: 'good', monthsAtPreviousCell: 4 }), year: 2021, ratingDate: '2021-12-20' });
    expect(typed.violations.map((v) => v.ruleId)).toEqual(['R-SPEC-03']);
  });

  it('R-SPEC-04 reads temporary attachments of the rated period only', () => {
    const m = member({ attachments: [{ at: 'Chi bộ Khoa Nội', unitId: null, from: '2020-02-01', to: '2020-11-01' }, { at: 'Chi bộ Xã An', unitId: null, from: '2021-03-01', to: null }] });
    expect(attachmentsIn(m, 2021, '2021-12-20').map((a) => a.at)).toEqual(['Chi bộ Xã An']);
    const e = evaluateMember({ rulebook: r2019, member: m, facts: facts({ decided: 'good' }), year: 2021, ratingDate: '2021-12-20' });
    expect(e.violations.map((v) => v.ruleId)).toEqual(['R-SPEC-04']);
    expect(e.violations[0]!.message).toContain('Chi bộ Xã An, từ 01/03/2021');
    expect(evaluateMember({ rulebook: r2019, member: m, facts: facts({ decided: 'good' }), year: 2022, ratingDate: '2022-12-20' }).violations.map((v) => v.ruleId)).toEqual(['R-SPEC-04']);
    expect(evaluateMember({ rulebook: r2019, member: m, facts: facts({ decided: 'good' }), year: 2019, ratingDate: '2019-12-20' }).rated).toBe(true);
  });
});
