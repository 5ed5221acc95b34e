import { describe, expect, it } from 'vitest';
import { validatePastMemberRows, validatePastUnitRows, type PastUnitRef, type Table } from '@kd/domain';

const units: PastUnitRef[] = [
  { id: 'bc1', name: 'Đảng ủy Sở Y tế', kind: 'baseCommittee' },
  { id: 'c1', name: 'Chi bộ Bệnh viện Phổi', kind: 'cell' },
  { id: 'c2', name: 'Chi bộ Văn phòng', kind: 'cell' },
  { id: 'c3', name: 'Chi bộ Văn phòng', kind: 'cell' },
];
const table = (headers: string[], rows: (string | null)[][]): Table => ({ headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) });
const members = new Map([['M001', { id: 'M001', fullName: 'Lê Hồng Vũ' }], ['M002', { id: 'M002', fullName: 'Nguyễn Văn An' }]]);
const context = { units, membersById: members, membersByCard: new Map([['84.012345', { id: 'M002', fullName: 'Nguyễn Văn An' }]]), lockedUnits: new Set(['c2']) };

describe('results of earlier years: members', () => {
  it('finds members by id or card number, cells by id or name; keeps members no longer in the system with their name', () => {
    const t = table(['Mã đảng viên', 'Số thẻ đảng viên', 'Họ và tên', 'Đơn vị', 'Xếp loại', 'Lý do không xếp loại', 'Hình thức kỷ luật trong năm'], [
      ['M001', null, null, 'chi bộ  bệnh viện phổi', 'HTXSNV', null, null],
      [null, '84.012345', 'Nguyễn Văn An', 'c1', null, 'Miễn công tác và sinh hoạt đảng', null],
      ['CU-9', null, 'Trần Văn Cũ', 'c1', 'Không hoàn thành nhiệm vụ', null, 'Cảnh cáo'],
    ]);
    const v = validatePastMemberRows(t, context);
    expect(v.errors).toEqual([]);
    expect(v.rows).toEqual([
      { row: 2, unitId: 'c1', memberId: 'M001', known: true, fullName: 'Lê Hồng Vũ', rating: 'excellent', notRatedReason: null, discipline: null },
      { row: 3, unitId: 'c1', memberId: 'M002', known: true, fullName: 'Nguyễn Văn An', rating: null, notRatedReason: 'exempt', discipline: null },
      { row: 4, unitId: 'c1', memberId: 'CU-9', known: false, fullName: 'Trần Văn Cũ', rating: 'incomplete', notRatedReason: null, discipline: 'warning' },
    ]);
  });

  it('names each row error with its column: unknown, ambiguous or wrong-kind unit, a year entered in the system, rating xor reason, duplicates, mismatches', () => {
    const t = table(['Mã đảng viên', 'Số thẻ đảng viên', 'Họ và tên', 'Đơn vị', 'Xếp loại', 'Lý do không xếp loại'], [
      ['U1', null, 'Tên Một', 'Chi bộ không có', 'HTXS', null],
      ['U2', null, 'Tên Hai', 'Chi bộ Văn phòng', 'HTXS', null],
      ['U3', null, 'Tên Ba', 'bc1', 'HTXS', null],
      ['U4', null, 'Tên Bốn', 'c2', 'HTXS', null],
      ['U5', null, 'Tên Năm', 'c1', null, null],
      ['U6', null, 'Tên Sáu', 'c1', 'HTT', 'Vắng, chưa xếp loại'],
      ['M001', null, 'Lê Hồng Võ', 'c1', 'HTT', null],
      ['M001', '84.012345', null, 'c1', 'HTT', null],
      ['X9', null, null, 'c1', 'HTT', null],
      ['M001', null, null, 'c1', 'HTT', null],
      ['M001', null, null, 'c1', 'HTT', null],
    ]);
    const v = validatePastMemberRows(t, context);
    expect(v.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'Đơn vị', 'UNKNOWN_UNIT'],
      [3, 'Đơn vị', 'AMBIGUOUS_UNIT'],
      [4, 'Đơn vị', 'WRONG_UNIT_KIND'],
      [5, 'Đơn vị', 'UNIT_HAS_RESULTS'],
      [6, 'Xếp loại', 'RATING_OR_REASON'],
      [7, 'Xếp loại', 'RATING_OR_REASON'],
      [8, 'Họ và tên', 'NAME_MISMATCH'],
      [9, 'Số thẻ đảng viên', 'MEMBER_MISMATCH'],
      [10, 'Họ và tên', 'REQUIRED'],
      [12, 'Mã đảng viên', 'DUPLICATE_MEMBER_ID'],
    ]);
    expect(v.rows.map((r) => r.row)).toEqual([11]);
  });

  it('refuses a file with neither the member id nor the card number column, and unknown columns', () => {
    expect(() => validatePastMemberRows(table(['Họ và tên', 'Đơn vị', 'Xếp loại'], []), context)).toThrow(expect.objectContaining({ code: 'HEADER_MISSING' }));
    expect(() => validatePastMemberRows(table(['Mã đảng viên', 'Đơn vị', 'Điểm'], []), context)).toThrow(expect.objectContaining({ code: 'HEADER_UNKNOWN' }));
  });
});

describe('results of earlier years: organisations', () => {
  it('accepts the kinds the year’s rulebook rates, once each, with a rating or a reason', () => {
    const t = table(['Đơn vị', 'Xếp loại', 'Lý do không xếp loại', 'Hình thức kỷ luật tổ chức đảng'], [
      ['bc1', 'HTXSNV', null, null],
      ['c1', null, 'Mới thành lập chưa đủ 6 tháng', null],
      ['c1', 'HTT', null, null],
      ['c3', 'KHTNV', null, 'Khiển trách'],
    ]);
    const v = validatePastUnitRows(t, { units, isRated: (k) => k !== 'province', lockedUnits: new Set() });
    expect(v.rows).toEqual([
      { row: 2, unitId: 'bc1', rating: 'excellent', notRatedReason: null, discipline: null },
      { row: 3, unitId: 'c1', rating: null, notRatedReason: 'newUnit', discipline: null },
      { row: 5, unitId: 'c3', rating: 'incomplete', notRatedReason: null, discipline: 'reprimand' },
    ]);
    expect(v.errors.map((e) => [e.row, e.code])).toEqual([[4, 'DUPLICATE_UNIT']]);
  });
});
