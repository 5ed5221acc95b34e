import { describe, expect, it } from 'vitest';
import { changeLines, targetText, valueText } from '../../../packages/api/src/pages/campaign/audit-words';

const names = new Map([
  ['c1', 'Chi bộ Bệnh viện Phổi'],
  ['g1', 'Tổ đảng Khoa Nội'],
  ['M002', 'Nguyễn Văn An (M002)'],
]);

describe('the audit trail in words', () => {
  it('says what changed between two records, with labels, names and Vietnamese dates', () => {
    const lines = changeLines(
      { fullName: 'Nguyễn Văn An', groupId: null, officialOn: null, suspended: false, version: 3, cells: [{ unitId: 'c1' }] },
      { fullName: 'Nguyễn Văn An', groupId: 'g1', officialOn: '2016-05-19', suspended: true, version: 4, cells: [{ unitId: 'c1' }, { unitId: 'c2' }] },
      names,
    );
    expect(lines).toEqual([
      { label: 'Ngày chính thức', before: '(trống)', after: '19/05/2016' },
      { label: 'Tổ đảng', before: '(trống)', after: 'Tổ đảng Khoa Nội' },
      { label: 'Đình chỉ sinh hoạt đảng', before: 'không', after: 'có' },
    ]);
  });

  it('lists what a new record was given, a nested record under its parent label, and enumerations by their labels', () => {
    expect(changeLines({ version: 1, rows: null }, { version: 2, rows: 9, source: null }, names)).toEqual([
      { label: 'Phiên bản', before: '1', after: '2' },
      { label: 'Số dòng', before: '(trống)', after: '9' },
    ]);
    expect(changeLines(null, { collective: { proposed: 'good', decided: 'excellent' } }, names)).toEqual([
      { label: 'Thông tin khác › Đề xuất', before: null, after: 'Hoàn thành tốt nhiệm vụ' },
      { label: 'Thông tin khác › Chi bộ quyết định', before: null, after: 'Hoàn thành xuất sắc nhiệm vụ' },
    ]);
    expect(valueText('2026-11-30T03:00:00.000Z', 'at', names)).toBe('30/11/2026 10:00');
    expect(valueText(2927, 'count', names)).toBe('2.927');
  });

  it('names the target: a unit and year, a campaign, a member', () => {
    expect(targetText('c1/2021', names)).toBe('Chi bộ Bệnh viện Phổi — năm 2021');
    expect(targetText('campaign/2026', names)).toBe('Đợt kiểm điểm — năm 2026');
    expect(targetText('M002', names)).toBe('Nguyễn Văn An (M002)');
  });
});
