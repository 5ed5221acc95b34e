import { describe, expect, it } from 'vitest';
import { parseCell, resultsColumns, rosterColumns, type CellValue, type ColumnDef } from '@kd/domain';

const col = (key: string): ColumnDef => {
  const c = [...resultsColumns, ...rosterColumns].find((x) => x.key === key);
  if (!c) throw new Error(key);
  return c;
};
const value = (key: string, cell: CellValue) => {
  const r = parseCell(col(key), cell);
  return r.ok ? r.value : r.code;
};

describe('parseCell', () => {
  it('reads dates as dd/mm/yyyy, d/m/yyyy, Excel date cells and Excel serial numbers', () => {
    expect(value('admittedOn', '05/03/2010')).toBe('2010-03-05');
    expect(value('admittedOn', '5/3/2010')).toBe('2010-03-05');
    expect(value('admittedOn', { kind: 'date', date: '2010-03-05' })).toBe('2010-03-05');
    expect(value('admittedOn', 40242)).toBe('2010-03-05');
    expect(value('admittedOn', '31/02/2010')).toBe('NOT_A_DATE');
    expect(value('admittedOn', '2010/03/05')).toBe('NOT_A_DATE');
    expect(value('admittedOn', '01/01/0201')).toBe('OUT_OF_RANGE');
    expect(value('admittedOn', '')).toBe('REQUIRED');
    expect(value('birthDate', '  ')).toBeNull();
  });

  it('reads numbers with a . or , decimal mark and checks integers and ranges', () => {
    expect(value('taskCompletionPercent', '87,5')).toBe(87.5);
    expect(value('taskCompletionPercent', '87.5')).toBe(87.5);
    expect(value('taskCompletionPercent', '90%')).toBe(90);
    expect(value('taskCompletionPercent', '100,1')).toBe('OUT_OF_RANGE');
    expect(value('taskCompletionPercent', 'chín mươi')).toBe('NOT_A_NUMBER');
    expect(value('absences', '3')).toBe(3);
    expect(value('absences', 3)).toBe(3);
    expect(value('absences', '2,5')).toBe('NOT_AN_INTEGER');
    expect(value('absences', '-1')).toBe('OUT_OF_RANGE');
    expect(value('monthsAtPreviousCell', '13')).toBe('OUT_OF_RANGE');
    expect(value('absences', true)).toBe('NOT_A_NUMBER');
  });

  it('reads booleans Có / Không, x / empty and Excel TRUE/FALSE', () => {
    expect(value('maternityLeave', 'Có')).toBe(true);
    expect(value('maternityLeave', 'CÓ'.normalize('NFD'))).toBe(true);
    expect(value('maternityLeave', 'x')).toBe(true);
    expect(value('maternityLeave', 'X')).toBe(true);
    expect(value('maternityLeave', 'Không')).toBe(false);
    expect(value('maternityLeave', '')).toBeNull();
    expect(value('maternityLeave', true)).toBe(true);
    expect(value('maternityLeave', 'Đúng')).toBe('NOT_A_BOOLEAN');
  });

  it('reads ratings by full name or abbreviation, enums by label', () => {
    expect(value('decided', 'Hoàn thành tốt nhiệm vụ')).toBe('good');
    expect(value('decided', 'HTXS')).toBe('excellent');
    expect(value('decided', 'Tốt')).toBe('UNKNOWN_RATING');
    expect(value('discipline', 'cảnh cáo')).toBe('warning');
    expect(value('discipline', 'Khai trừ')).toBe('UNKNOWN_VALUE');
    expect(value('partyPosition', 'Chi ủy viên')).toBe('committeeMember');
  });

  it('keeps text beginning with =, +, -, @ and HTML as text', () => {
    for (const t of ['=1+2', '+84 912', '-5', '@SUM(A1)', '<script>alert(1)</script>']) expect(value('note', t)).toBe(t);
    expect(value('id', 12345)).toBe('12345');
    expect(value('fullName', 'x'.repeat(121))).toBe('TEXT_TOO_LONG');
  });

  it('turns formula cells without a cached value and error cells into row errors', () => {
    expect(value('absences', { kind: 'formulaWithoutValue' })).toBe('FORMULA_WITHOUT_VALUE');
    expect(value('note', { kind: 'formulaWithoutValue' })).toBe('FORMULA_WITHOUT_VALUE');
    expect(value('absences', { kind: 'error', text: '#DIV/0!' })).toBe('CELL_ERROR');
  });
});
