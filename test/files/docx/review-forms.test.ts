import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headingText, buildReviewForm, reviewFormTitles, reviewFormInfo, reviewForms, type Block, type DocumentModel } from '@kd/domain';
import { renderDocx } from '@kd/files';
import { collapse, convertToPdf, docxParagraphs, pdfToText } from '../../support/office';
import { reviewFormInput } from '../../unit/documents/fixtures';

const collective = { name: 'Chi bộ Bệnh viện Phổi', signerOnBehalfOf: 'T/M CHI BỘ', signerTitle: 'BÍ THƯ', signerName: 'Lê Hồng Vũ' };
const model = (form: (typeof reviewForms)[number]) => buildReviewForm(reviewFormInput(form === '01' ? { form, member: undefined, collective } : { form }));
const headings = (m: DocumentModel) => m.blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading').map(headingText);

describe('review forms as Word documents', () => {
  it.each(reviewForms)('Mẫu %s: every heading, the scores and the ticked level are paragraphs of word/document.xml', async (form) => {
    const m = model(form);
    const paragraphs = (await docxParagraphs(await renderDocx(m))).map(collapse);
    expect(paragraphs).toContain(reviewFormInfo[form].code);
    expect(paragraphs).toContain(reviewFormTitles[form].title);
    for (const h of headings(m)) expect(paragraphs).toContain(collapse(h));
    expect(paragraphs).toEqual(expect.arrayContaining(['1. Nhóm tiêu chí chung: 29/30', 'Tổng điểm: 94/100', '☒ Hoàn thành xuất sắc nhiệm vụ', '17,5']));
    for (const p of paragraphs) expect(p).toBe(p.normalize('NFC'));
  });
});

describe('review forms opened by LibreOffice', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kd-forms-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('Mẫu 2B prints like the official form, with the entered points read back', async () => {
    const file = join(dir, 'mau-2b.docx');
    await writeFile(file, await renderDocx(model('2B')));
    const pdf = await convertToPdf(file, dir);
    const text = collapse(await pdfToText(pdf));
    expect(text).toContain('Mẫu 02B-HD KĐ.ĐG 2025');
    expect(text).toContain('BẢN KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CÁ NHÂN Năm 2025 (Cá nhân không giữ chức vụ lãnh đạo, quản lý)');
    expect(text).toContain('Họ và tên: Trần Thị Bình');
    expect(text).toContain('A. NỘI DUNG KIỂM ĐIỂM');
    expect(text).toContain('B. NỘI DUNG TỰ ĐÁNH GIÁ, XẾP LOẠI');
    expect(text).toContain('1. Nhóm tiêu chí chung: 29/30');
    expect(text).toContain('2. Nhóm tiêu chí về kết quả thực hiện nhiệm vụ: 65/70');
    expect(text).toContain('Tổng điểm: 94/100');
    expect(text).toContain('☒ Hoàn thành xuất sắc nhiệm vụ');
    expect(text).toContain('NGƯỜI TỰ KIỂM ĐIỂM (Ký, ghi rõ họ tên) Trần Thị Bình');
    const raw = collapse(await pdfToText(pdf, { layout: false }));
    for (const cell of ['Điểm tối đa', 'Điểm tự chấm', 'II.7.1', '42', '17,5', 'với đồng nghiệp.']) expect(raw).toContain(cell);
  });

  it('Mẫu 01 prints the collective’s report signed on its behalf', async () => {
    const file = join(dir, 'mau-01.docx');
    await writeFile(file, await renderDocx(model('01')));
    const text = collapse(await pdfToText(await convertToPdf(file, dir)));
    expect(text).toContain('BÁO CÁO KIỂM ĐIỂM, TỰ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CỦA TẬP THỂ CHI BỘ BỆNH VIỆN PHỔI Năm 2025');
    expect(text).toContain('1. Việc chấp hành nguyên tắc tổ chức và hoạt động, nhất là nguyên tắc tập trung dân chủ; thực hiện quy chế làm việc.');
    expect(text).toContain('Phụ lục 1, Quy định số 366-QĐ/TW');
    expect(text).toContain('T/M CHI BỘ BÍ THƯ (Ký, ghi rõ họ tên) Lê Hồng Vũ');
  });
});
