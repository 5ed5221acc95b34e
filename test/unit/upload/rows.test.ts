import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError, emptyFacts, resolveRulebook, resultsColumns, rosterColumns, validateResultsRows, validateRosterRows, type CellValue, type Table } from '@kd/domain';

const roster = new Map([
  ['DV001', { fullName: 'Nguyễn Văn An' }],
  ['DV002', { fullName: 'Trần Thị Bình' }],
]);

describe('validateResultsRows', () => {
  it('types a good row into MemberFacts, defaults for empty cells', () => {
    const table: Table = {
      headers: ['Mã đảng viên', 'Họ và tên', 'Số kỳ vắng sinh hoạt', 'Chi bộ xếp loại', 'Nghỉ thai sản', 'Tỷ lệ hoàn thành nhiệm vụ (%)'],
      rows: [{ row: 2, cells: ['DV001', 'NGUYỄN VĂN AN', '3', 'HTTNV', 'x', '92,5'] }],
    };
    const { rows, errors } = validateResultsRows(table, { roster });
    expect(errors).toEqual([]);
    expect(rows).toEqual([{ row: 2, memberId: 'DV001', facts: { ...emptyFacts(), absences: 3, decided: 'good', maternityLeave: true, taskCompletionPercent: 92.5 } }]);
  });

  it('reports each bad cell with its row as Excel shows it, the contract header and a Vietnamese message', () => {
    const table: Table = {
      headers: ['Mã đảng viên', 'Số ngày nghỉ ốm', 'Tự xếp loại'],
      rows: [{ row: 7, cells: ['DV001', 'mười', 'Giỏi'] }],
    };
    const { rows, errors, errorCount } = validateResultsRows(table, { roster });
    expect(rows).toEqual([]);
    expect(errorCount).toBe(2);
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [7, 'Số ngày nghỉ ốm', 'NOT_A_NUMBER'],
      [7, 'Tự xếp loại', 'UNKNOWN_RATING'],
    ]);
    expect(errors[0]?.message).toMatch(/không phải là số/);
  });

  it('flags members not in the roster, name mismatches and later duplicates', () => {
    const table: Table = {
      headers: ['Mã đảng viên', 'Họ và tên'],
      rows: [
        { row: 2, cells: ['DV001', 'Nguyễn Văn An'] },
        { row: 3, cells: ['DV999', null] },
        { row: 4, cells: ['DV002', 'Trần Thị Bính'] },
        { row: 5, cells: ['DV001', null] },
        { row: 6, cells: [null, 'Ai đó'] },
        { row: 7, cells: ['DV 003', null] },
      ],
    };
    const { rows, errors } = validateResultsRows(table, { roster });
    expect(rows.map((r) => r.row)).toEqual([2]);
    expect(errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'MEMBER_NOT_IN_ROSTER'],
      [4, 'NAME_MISMATCH'],
      [5, 'DUPLICATE_MEMBER_ID'],
      [6, 'REQUIRED'],
      [7, 'INVALID_MEMBER_ID'],
    ]);
    expect(errors[2]?.message).toContain('dòng 2');
  });

  it('header problems are file errors, not row errors', () => {
    expect(() => validateResultsRows({ headers: ['Họ và tên'], rows: [] }, { roster })).toThrow(DomainError);
  });

  it('lists at most 1,000 errors but counts them all', () => {
    const rows = Array.from({ length: 1500 }, (_, i) => ({ row: i + 2, cells: ['DV001', 'Đúng', 'y'] as CellValue[] }));
    const result = validateResultsRows({ headers: ['Mã đảng viên', 'Nghỉ thai sản', 'Chi bộ xếp loại'], rows }, { roster });
    expect(result.errors).toHaveLength(1000);
    expect(result.errorCount).toBe(1499 + 3000);
  });
});

describe('validateRosterRows', () => {
  const headers = ['Mã đảng viên', 'Họ và tên', 'Ngày sinh', 'Ngày vào Đảng', 'Ngày chính thức', 'Tổ đảng', 'Chức vụ Đảng', 'Công chức, viên chức'];

  it('types member fields, with the group by name', () => {
    const { rows, errors } = validateRosterRows(
      { headers, rows: [{ row: 2, cells: ['DV001', ' Nguyễn  Văn An ', '1/2/1980', '03/02/2005', null, 'Tổ 1', 'Bí thư', 'Có'] }] },
      { unitId: 'cell-1', membersElsewhere: new Map() },
    );
    expect(errors).toEqual([]);
    expect(rows[0]).toEqual({
      row: 2,
      member: {
        id: 'DV001', unitId: 'cell-1', fullName: 'Nguyễn Văn An', birthDate: '1980-02-01', admittedOn: '2005-02-03', officialOn: null,
        groupName: 'Tổ 1', partyPosition: 'secretary', governmentPosition: null, civilServant: true, exempt: false, suspended: false,
        transferredInOn: null, temporaryAttachmentAt: null,
      },
    });
  });

  it('refuses members of another unit, duplicates, missing required cells and dates out of order', () => {
    const { rows, errors } = validateRosterRows(
      {
        headers,
        rows: [
          { row: 2, cells: ['DV001', 'An', null, '03/02/2005'] },
          { row: 3, cells: ['DV050', 'Bình', null, '03/02/2005'] },
          { row: 4, cells: ['DV001', 'An lần hai', null, '03/02/2005'] },
          { row: 5, cells: ['DV002', null, null, null] },
          { row: 6, cells: ['DV003', 'Cường', '01/01/2010', '03/02/2005', '01/01/2004'] },
          { row: 7, cells: ['DV004', 'Dũng', null, '03/02/2005', null, null, 'Trưởng ban'] },
        ],
      },
      { unitId: 'cell-1', membersElsewhere: new Set(['DV050']) },
    );
    expect(rows.map((r) => r.row)).toEqual([2]);
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'Mã đảng viên', 'MEMBER_IN_OTHER_UNIT'],
      [4, 'Mã đảng viên', 'DUPLICATE_MEMBER_ID'],
      [5, 'Họ và tên', 'REQUIRED'],
      [5, 'Ngày vào Đảng', 'REQUIRED'],
      [6, 'Ngày sinh', 'DATE_ORDER'],
      [6, 'Ngày chính thức', 'DATE_ORDER'],
      [7, 'Chức vụ Đảng', 'UNKNOWN_VALUE'],
    ]);
    // Where the member is stays unsaid (issue 10): the message names no unit.
    expect(errors[0]?.message).toBe('Mã đảng viên "DV050" đã thuộc một đơn vị khác. Muốn chuyển sinh hoạt đảng, đơn vị đang quản lý đảng viên hoặc cấp ủy cấp trên chung dùng chức năng chuyển sinh hoạt.');
  });
});

describe('validators under fuzzing', () => {
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.constant(null),
    fc.string(),
    fc.constantFrom('=1+2', 'Có', 'x', 'HTTNV', '05/03/2010', '31/13/2020', '1,5', 'Bí thư', 'Cảnh cáo', 'DV001', 'DV002'),
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant({ kind: 'formulaWithoutValue' as const }),
    fc.record({ kind: fc.constant('error' as const), text: fc.string() }),
    fc.record({ kind: fc.constant('date' as const), date: fc.constantFrom('2010-03-05', '0000-00-00', 'garbage') }),
  );
  const headerPool = [...resultsColumns, ...rosterColumns].map((c) => c.header).concat(['', 'Cột lạ']);
  const table = fc.record({
    headers: fc.array(fc.constantFrom(...headerPool), { maxLength: 25 }),
    rows: fc.array(fc.array(cell, { maxLength: 25 }), { maxLength: 20 }).map((rs) => rs.map((cells, i) => ({ row: i + 2, cells }))),
  });

  it('never throw anything but DomainError, and every error has a row, a column, a code and a message', () => {
    fc.assert(
      fc.property(table, (t) => {
        for (const run of [
          () => validateResultsRows(t, { roster }),
          () => validateRosterRows(t, { unitId: 'u', membersElsewhere: new Set(['DV002']) }),
        ]) {
          try {
            const result = run();
            for (const e of result.errors) expect(e.row >= 2 && e.column.length > 0 && e.code.length > 0 && e.message.length > 0).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError);
          }
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('scores from the members’ scoring sheets (r2025)', () => {
  const headers = ['Mã đảng viên', 'Điểm tiêu chí chung', 'Điểm kết quả thực hiện nhiệm vụ', 'Tỷ lệ hoàn thành nhiệm vụ (%)'];
  const table = (rows: CellValue[][]): Table => ({ headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) });
  const sheets = new Map([['DV001', { general: 27.5, tasks: 63, total: 90.5 }]]);
  const rulebook = resolveRulebook('r2025');

  it('takes a member’s scores from the sheet where the row leaves them empty, and accepts them repeated', () => {
    const v = validateResultsRows(table([['DV001', null, null, 100], ['DV002', 20, 40, 100]]), { roster, rulebook, sheets });
    expect(v.errors).toEqual([]);
    expect(v.rows[0]!.facts).toMatchObject({ generalScore: 27.5, taskScore: 63, selfScore: 90.5 });
    expect(v.rows[1]!.facts).toMatchObject({ generalScore: 20, taskScore: 40 });
    expect(validateResultsRows(table([['DV001', 27.5, 63, 100]]), { roster, rulebook, sheets }).errors).toEqual([]);
  });

  it('refuses a row that contradicts the sheet (SCORES_FROM_SHEET, naming the column)', () => {
    const v = validateResultsRows(table([['DV001', 29, 63, 100]]), { roster, rulebook, sheets });
    expect(v.rows).toEqual([]);
    expect(v.errors).toEqual([expect.objectContaining({ row: 2, column: 'Điểm tiêu chí chung', code: 'SCORES_FROM_SHEET' })]);
  });
});
