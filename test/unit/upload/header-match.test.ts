import { describe, expect, it } from 'vitest';
import { DomainError, matchHeaders, resultsColumns, rosterColumns } from '@kd/domain';
import { httpStatus } from '@kd/api/http-status';

function thrown(f: () => unknown): DomainError {
  try {
    f();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('column definitions', () => {
  it('print the roster headers exactly as docs/spreadsheets.md, "The roster" writes them', () => {
    expect(rosterColumns.map((c) => [c.header, c.required, c.type])).toEqual([
      ['Mã đảng viên', true, 'text'],
      ['Họ và tên', true, 'text'],
      ['Ngày sinh', false, 'date'],
      ['Ngày vào Đảng', true, 'date'],
      ['Ngày chính thức', false, 'date'],
      ['Tổ đảng', false, 'text'],
      ['Chức vụ Đảng', false, 'enum'],
      ['Chức vụ chính quyền', false, 'text'],
      ['Công chức, viên chức', false, 'bool'],
      ['Miễn công tác và sinh hoạt đảng', false, 'bool'],
      ['Đình chỉ sinh hoạt đảng', false, 'bool'],
      ['Ngày chuyển đến', false, 'date'],
      ['Sinh hoạt tạm thời tại', false, 'text'],
    ]);
  });

  it('print the results headers exactly as docs/spreadsheets.md, "The results" writes them', () => {
    expect(resultsColumns.map((c) => [c.header, c.required, c.type])).toEqual([
      ['Mã đảng viên', true, 'text'],
      ['Họ và tên', false, 'text'],
      ['Số kỳ vắng sinh hoạt', false, 'int'],
      ['Số kỳ không phát biểu', false, 'int'],
      ['Số ngày nghỉ ốm', false, 'int'],
      ['Nghỉ thai sản', false, 'bool'],
      ['Hình thức kỷ luật trong năm', false, 'enum'],
      ['Có kết luận suy thoái', false, 'bool'],
      ['Xếp loại công chức, viên chức', false, 'rating'],
      ['Tỷ lệ hoàn thành nhiệm vụ (%)', false, 'number'],
      ['Số tháng ở chi bộ cũ', false, 'int'],
      ['Có nhận xét của chi bộ cũ', false, 'bool'],
      ['Có nhận xét nơi sinh hoạt tạm thời', false, 'bool'],
      ['Có nhận xét nơi cư trú', false, 'bool'],
      ['Vắng họp xếp loại', false, 'bool'],
      ['Tự xếp loại', false, 'rating'],
      ['Tổ đảng đề xuất', false, 'rating'],
      ['Chi bộ xếp loại', false, 'rating'],
      ['Số phiếu tán thành', false, 'int'],
      ['Ghi chú', false, 'text'],
    ]);
    for (const c of [...rosterColumns, ...resultsColumns]) expect(c.header).toBe(c.header.normalize('NFC'));
  });
});

describe('matchHeaders', () => {
  it('matches trimmed, NFD, upper-case headers in any order', () => {
    const map = matchHeaders(['  HỌ VÀ TÊN '.normalize('NFD'), 'mã  đảng viên', 'Ghi chú'], resultsColumns);
    expect(map.get('memberId')).toBe(1);
    expect(map.get('fullName')).toBe(0);
    expect(map.get('note')).toBe(2);
  });

  it('accepts the i/y spelling variants and ignores blank header cells', () => {
    const map = matchHeaders(['Mã đảng viên', '', 'Số kì vắng sinh hoạt', 'Tỉ lệ hoàn thành nhiệm vụ (%)'], resultsColumns);
    expect(map.get('absences')).toBe(2);
    expect(map.get('taskCompletionPercent')).toBe(3);
  });

  it('refuses unknown columns by name (HEADER_UNKNOWN, 400)', () => {
    const e = thrown(() => matchHeaders(['Mã đảng viên', 'Điểm thưởng', 'Xếp hạng'], resultsColumns));
    expect([e.code, httpStatus[e.kind]]).toEqual(['HEADER_UNKNOWN', 400]);
    expect(e.details).toEqual({ columns: ['Điểm thưởng', 'Xếp hạng'] });
  });

  it('refuses missing required columns by name (HEADER_MISSING)', () => {
    const e = thrown(() => matchHeaders(['Họ và tên', 'Ngày sinh'], rosterColumns));
    expect(e.code).toBe('HEADER_MISSING');
    expect(e.details).toEqual({ columns: ['Mã đảng viên', 'Ngày vào Đảng'] });
  });

  it('refuses a column given twice (HEADER_DUPLICATE)', () => {
    const e = thrown(() => matchHeaders(['Mã đảng viên', 'Ghi chú', 'ghi chú'], resultsColumns));
    expect(e.code).toBe('HEADER_DUPLICATE');
    expect(e.details).toEqual({ columns: ['Ghi chú'] });
  });
});
