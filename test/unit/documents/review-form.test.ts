import { describe, expect, it } from 'vitest';
import { headingText, plainText, buildReviewForm, reviewFormParts, reviewFormTitles, reviewSectionHeadings, reviewFormInfo, reviewForms, type Block, type DocumentModel } from '@kd/domain';
import { partyHeader, reviewFormInput } from './fixtures';

const headings = (m: DocumentModel) => m.blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading').map(headingText);
const collective = { name: 'Chi bộ Bệnh viện Phổi', signerOnBehalfOf: 'T/M CHI BỘ', signerTitle: 'BÍ THƯ', signerName: 'Lê Hồng Vũ' };

describe('buildReviewForm (HD 43 Mẫu 01, 2A, 2B, 2C)', () => {
  it.each(reviewForms)('Mẫu %s: form code, party header, title, part A in the form’s order, part B', (form) => {
    const model = buildReviewForm(reviewFormInput(form === '01' ? { form, member: undefined, collective } : { form }));
    const text = plainText(model);
    expect(text[0]).toBe(reviewFormInfo[form].code);
    expect(model.blocks[1]).toMatchObject({ kind: 'partyHeader', left: [{ text: partyHeader.upperCommittee.toLocaleUpperCase('vi') }, { text: 'CHI BỘ BỆNH VIỆN PHỔI' }, { text: '*' }] });
    expect(text[2]).toContain(reviewFormTitles[form].title);
    expect(text[2]).toContain('Năm 2025');
    expect(headings(model)).toEqual([reviewFormParts.review, ...reviewSectionHeadings(form), reviewFormParts.rating, `I. ${reviewFormParts.criteria}`, `II. ${reviewFormParts.proposal}`]);
    expect(text.some((t) => t.includes(`Phụ lục ${reviewFormInfo[form].appendix}, Quy định`))).toBe(true);
    for (const t of text) expect(t).toBe(t.normalize('NFC'));
  });

  it('prints the sheet by criterion, the totals on 30, 70 and 100, and ticks the proposed level', () => {
    const model = buildReviewForm(reviewFormInput());
    const table = model.blocks.find((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table')!;
    expect(table.columns.map((c) => c.header)).toEqual(['Mã', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự chấm']);
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['I. Nhóm tiêu chí chung', '30', '29'],
      ['I.1', 'Về chính trị, phẩm chất đạo đức và ý thức tổ chức kỷ luật', '18', '17,5'],
      ['I.2', expect.stringMatching(/^Năng lực chuyên môn, nghiệp vụ/), '4', '3,5'],
      ['I.3', 'Về tự phê bình và phê bình, khắc phục hạn chế, khuyết điểm', '8', '8'],
      ['II. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ', '70', '65'],
      ['II.7.1', 'Mức độ hoàn thành nhiệm vụ chuyên môn được cấp có thẩm quyền giao. Tham gia bồi dưỡng nghiệp vụ, cập nhật kiến thức.', '45', '42'],
      ['II.7.2', 'Giao tiếp chuẩn mực, văn minh; hợp tác tốt với đồng nghiệp.', '25', '23'],
    ]);
    const text = plainText(model);
    expect(text).toEqual(expect.arrayContaining([
      '1. Nhóm tiêu chí chung: 29/30', '2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 65/70', 'Tổng điểm: 94/100',
      '☒ Hoàn thành xuất sắc nhiệm vụ', '☐ Hoàn thành tốt nhiệm vụ', '☐ Hoàn thành nhiệm vụ', '☐ Không hoàn thành nhiệm vụ',
    ]));
    expect(text.some((t) => t.startsWith('(Gửi kèm Phụ lục về kết quả thực hiện nhiệm vụ'))).toBe(true);
    expect(text).toContain('Hoàn thành 100% nhiệm vụ đúng tiến độ; 40% nhiệm vụ vượt yêu cầu.');
  });

  it('leaves scores and unwritten sections to fill by hand', () => {
    const model = buildReviewForm(reviewFormInput({ form: '2C', scoring: null, proposed: null, sections: {} }));
    const text = plainText(model);
    expect(text).toEqual(expect.arrayContaining(['1. Nhóm tiêu chí chung: …/30', 'Tổng điểm: …/100', '☐ Hoàn thành tốt nhiệm vụ']));
    expect(model.blocks.some((b) => b.kind === 'table')).toBe(false);
    expect(model.blocks.filter((b) => b.kind === 'fillLines').length).toBeGreaterThanOrEqual(9);
    expect(text.some((t) => t.startsWith('(Gửi kèm'))).toBe(false);
  });

  it('Mẫu 01 signs for the collective; a centrally managed leader’s 2A refers to Phụ lục 2', () => {
    const report = buildReviewForm(reviewFormInput({ form: '01', member: undefined, collective }));
    expect(report.blocks.at(-1)).toEqual({ kind: 'signatures', blocks: [{ onBehalfOf: 'T/M CHI BỘ', title: 'BÍ THƯ', hint: '(Ký, ghi rõ họ tên)', name: 'Lê Hồng Vũ' }] });
    expect(plainText(report)[2]).toContain('CHI BỘ BỆNH VIỆN PHỔI');
    const leader = plainText(buildReviewForm(reviewFormInput({ form: '2A', appendix: 2 })));
    expect(leader.some((t) => t.includes('đối với cá nhân giữ chức vụ lãnh đạo, quản lý được quy định tại Phụ lục 2'))).toBe(true);
    expect(() => buildReviewForm(reviewFormInput({ form: '01' }))).toThrow();
  });
});
