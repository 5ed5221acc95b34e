import { describe, expect, it } from 'vitest';
import { plainText, minutesNotRatedReasonLabels, buildRatingMinutes, percent, ratingMinutesColumns, ratingMinutesTitle, compareVietnameseNames, type Block, type DocumentModel } from '@kd/domain';
import { minutesInput } from './fixtures';

const of = <K extends Block['kind']>(m: DocumentModel, kind: K) => m.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind);
const table = (m: DocumentModel) => {
  const [t] = of(m, 'table');
  if (!t) throw new Error('no table');
  return t;
};

describe('buildRatingMinutes', () => {
  it('has the party header dated on the meeting day and the title with the year', () => {
    const model = buildRatingMinutes(minutesInput());
    expect(plainText(model)[0]).toContain('Trà Vinh, ngày 20 tháng 12 năm 2021');
    expect(ratingMinutesTitle(2021)).toBe('BIÊN BẢN HỌP CHI BỘ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2021');
    expect(of(model, 'title')[0]?.lines.map((l) => l.text).join(' ')).toBe(ratingMinutesTitle(2021));
  });

  it('records time, place, chair, clerk and attendance with the absentees by name', () => {
    const text = plainText(buildRatingMinutes(minutesInput()));
    expect(text).toContain('Thời gian: Vào lúc 14 giờ 00 phút, ngày 20/12/2021.');
    expect(text).toContain('Địa điểm: Hội trường Bệnh viện Phổi.');
    expect(text).toContain('Chủ trì: đồng chí Lê Hồng Vũ, Bí thư Chi bộ.');
    expect(text).toContain('Thư ký: đồng chí Trần Thị Ánh, Chi ủy viên.');
    expect(text).toContain(
      'Thành phần: tổng số đảng viên của chi bộ: 7 đồng chí (chính thức: 6; dự bị: 1); có mặt: 6 đồng chí; vắng mặt: 1 đồng chí:',
    );
    expect(text).toContain('- Đồng chí Phạm Văn Đức (đi công tác);');
  });

  it("records the cell's own rating with its votes", () => {
    expect(plainText(buildRatingMinutes(minutesInput()))).toContain(
      'Chi bộ tự đánh giá, xếp loại chất lượng năm 2021: Hoàn thành tốt nhiệm vụ (số phiếu tán thành: 5/5).',
    );
  });

  it('lists every member in Vietnamese name order with proposals, votes and the decision', () => {
    const t = table(buildRatingMinutes(minutesInput()));
    expect(t.columns.map((c) => c.header)).toEqual([...ratingMinutesColumns]);
    expect(t.columns.map((c) => c.header)).toEqual(['STT', 'Họ và tên', 'Tự xếp loại', 'Tổ đảng đề xuất', 'Số phiếu tán thành', 'Chi bộ xếp loại', 'Ghi chú']);
    const names = t.rows.map((r) => r[1]?.text);
    expect(names).toEqual(['Nguyễn Văn An', 'Hồ Văn Anh', 'Trần Thị Ánh', 'Võ Thị Bình', 'Đặng Văn Dũng', 'Phạm Văn Đức', 'Lê Hồng Vũ']);
    expect([...names].sort((a, b) => compareVietnameseNames(a ?? '', b ?? ''))).toEqual(names);
    expect(t.rows.map((r) => r[0]?.text)).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(t.rows[0]?.map((c) => c.text)).toEqual(['1', 'Nguyễn Văn An', 'HTTNV', 'HTNV', '4/5', 'HTNV', '']);
    expect(t.rows[6]?.map((c) => c.text)).toEqual(['7', 'Lê Hồng Vũ', 'HTXSNV', 'HTXSNV', '5/5', 'HTXSNV', '']);
  });

  it('gives the reason in Vietnamese for each member not rated', () => {
    const model = buildRatingMinutes(minutesInput());
    const notes = new Map(table(model).rows.map((r) => [r[1]?.text, r[6]?.text]));
    expect(notes.get('Hồ Văn Anh')).toBe('Đình chỉ sinh hoạt đảng');
    expect(notes.get('Võ Thị Bình')).toBe('Đảng viên mới kết nạp chưa đủ 6 tháng');
    expect(notes.get('Đặng Văn Dũng')).toBe('Miễn công tác và sinh hoạt đảng');
    expect(notes.get('Phạm Văn Đức')).toBe('Vắng họp — xếp loại sau');
    const text = plainText(model);
    expect(text).toContain('- Đồng chí Võ Thị Bình: đảng viên mới kết nạp chưa đủ 6 tháng.');
    expect(text).toContain('- Đồng chí Đặng Văn Dũng: miễn công tác và sinh hoạt đảng.');
    expect(Object.values(minutesNotRatedReasonLabels)).toContain('Chưa xếp loại');
  });

  it('counts a member with neither a decision nor a reason as not yet rated', () => {
    const input = minutesInput();
    const model = buildRatingMinutes({ ...input, members: [...input.members, { fullName: 'Lý Thị Yến' }] });
    expect(table(model).rows.at(-1)?.map((c) => c.text).slice(5)).toEqual(['—', 'Chưa xếp loại']);
  });

  it('totals each level over the members rated, with Vietnamese percentages', () => {
    const text = plainText(buildRatingMinutes(minutesInput()));
    expect(text).toContain('Tổng số đảng viên được đánh giá, xếp loại: 3/7 đồng chí; trong đó:');
    expect(text).toContain('- Hoàn thành xuất sắc nhiệm vụ: 1 đồng chí (33,3%).');
    expect(text).toContain('- Hoàn thành tốt nhiệm vụ: 1 đồng chí (33,3%).');
    expect(text).toContain('- Hoàn thành nhiệm vụ: 1 đồng chí (33,3%).');
    expect(text).toContain('- Không hoàn thành nhiệm vụ: 0 đồng chí (0%).');
    expect(text.some((t) => t.startsWith('Không xếp loại, chưa xếp loại: 4 đồng chí ('))).toBe(true);
    expect([percent(1, 6), percent(2, 3), percent(1, 4), percent(0, 0), percent(1, 8)]).toEqual(['16,7%', '66,7%', '25%', '0%', '12,5%']);
  });

  it('ends with the signatures of the clerk and the chair', () => {
    const [sigs] = of(buildRatingMinutes(minutesInput()), 'signatures');
    expect(sigs?.blocks).toEqual([
      { title: 'THƯ KÝ', hint: '(Ký, ghi rõ họ tên)', name: 'Trần Thị Ánh' },
      { title: 'CHỦ TRÌ', hint: '(Ký, ghi rõ họ tên)', name: 'Lê Hồng Vũ' },
    ]);
  });

  it('rejects attendance that does not add up and a member both rated and excused', () => {
    const input = minutesInput();
    expect(() => buildRatingMinutes({ ...input, attendance: { ...input.attendance, present: 7 } })).toThrow(/Số có mặt cộng số vắng mặt/);
    expect(() =>
      buildRatingMinutes({ ...input, members: [{ fullName: 'Nguyễn Văn An', decided: 'good', notRated: 'exempt' }] }),
    ).toThrow(/không ghi lý do không xếp loại/);
  });

  it('is NFC everywhere, even from decomposed input', () => {
    const input = minutesInput();
    const model = buildRatingMinutes(JSON.parse(JSON.stringify(input).normalize('NFD')) as typeof input);
    const all = JSON.stringify(model);
    expect(all).toBe(all.normalize('NFC'));
    expect(table(model).rows.map((r) => r[1]?.text)[0]).toBe('Nguyễn Văn An');
  });
});
