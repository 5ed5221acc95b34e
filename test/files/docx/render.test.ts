import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headingText, PARTY_NAME, buildRatingMinutes, ratingMinutesTitle, buildSelfReview, selfReviewHeadings, type Block, type DocumentModel } from '@kd/domain';
import { renderDocx } from '@kd/files';
import { collapse, convertToPdf, docxParagraphs, docxToText, pdfToPng, pdfToText, readZipEntry } from '../../support/office';
import { minutesInput, selfReviewInput } from '../../unit/documents/fixtures';

const printedHeadings = (m: DocumentModel) =>
  m.blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading').map(headingText);

const selfReview = buildSelfReview(selfReviewInput());
const minutes = buildRatingMinutes(minutesInput());
const signatureBlock = 'NGƯỜI TỰ KIỂM ĐIỂM (Ký, ghi rõ họ tên) Lê Hồng Vũ';

describe('renderDocx', () => {
  it('writes every paragraph of the model into word/document.xml, Vietnamese unchanged', async () => {
    const paragraphs = (await docxParagraphs(await renderDocx(selfReview))).map(collapse);
    expect(paragraphs).toContain(PARTY_NAME);
    expect(paragraphs).toContain('CHI BỘ BỆNH VIỆN PHỔI');
    expect(paragraphs).toContain('Trà Vinh, ngày 15 tháng 12 năm 2021');
    expect(paragraphs).toContain('BẢN TỰ KIỂM ĐIỂM ĐẢNG VIÊN');
    for (const h of printedHeadings(selfReview)) expect(paragraphs).toContain(h);
    expect(paragraphs).toContain('NGƯỜI TỰ KIỂM ĐIỂM');
    expect(paragraphs).toContain('(Ký, ghi rõ họ tên)');
    expect(paragraphs).toContain('Biểu hiện số 27 — chưa có nội dung chính thức (đơn vị cập nhật từ văn bản gốc)');
    for (const p of paragraphs) expect(p).toBe(p.normalize('NFC'));
  });

  it('sets A4, Times New Roman 14 pt in Vietnamese, a borderless header and bordered data tables', async () => {
    const docx = await renderDocx(selfReview);
    const document = await readZipEntry(docx, 'word/document.xml');
    const styles = await readZipEntry(docx, 'word/styles.xml');
    expect(document).toMatch(/<w:pgSz [^>]*w:w="11906"[^>]*w:h="16838"/);
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"[^>]*\/><w:sz w:val="28"\/>.*<w:lang w:val="vi-VN"\/>/);
    const tables = [...document.matchAll(/<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/g)].map((m) => m[1] ?? '');
    expect(tables[0]).toContain('<w:top w:val="none"');
    expect(tables.some((t) => t.includes('<w:top w:val="single"'))).toBe(true);
  });
});

describe('renderDocx opened by LibreOffice', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kd-docx-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints the self-review with its header, every Mẫu 2A heading and the signature', async () => {
    const file = join(dir, 'ban-tu-kiem-diem.docx');
    await writeFile(file, await renderDocx(selfReview));
    const pdf = await convertToPdf(file, dir);
    const text = collapse(await pdfToText(pdf));
    expect(text).toContain(PARTY_NAME);
    expect(text).toContain('CHI BỘ BỆNH VIỆN PHỔI');
    expect(text).toContain('Trà Vinh, ngày 15 tháng 12 năm 2021');
    expect(text).toContain('BẢN TỰ KIỂM ĐIỂM ĐẢNG VIÊN Năm 2021 (Mẫu 2A)');
    expect(text).toContain('Họ và tên: Lê Hồng Vũ');
    const headings = printedHeadings(selfReview);
    expect(headings).toHaveLength(selfReviewHeadings(true).length);
    for (const h of headings) expect(text).toContain(collapse(h));
    expect(text).toContain('Tự nhận mức xếp loại chất lượng đảng viên năm 2021: Hoàn thành tốt nhiệm vụ');
    expect(text).toContain(signatureBlock);
    expect(text).toContain('NHẬN XÉT, ĐÁNH GIÁ CỦA CHI ỦY');
    expect(text).toContain('CHI BỘ XẾP LOẠI');
    // Table cells wrap and interleave with the STT column in any reading order: look for one printed line.
    const raw = collapse(await pdfToText(pdf, { layout: false }));
    expect(raw).toContain('Phụ lục: Liên hệ 27 biểu hiện về suy thoái tư tưởng chính trị');
    expect(raw).toContain('Biểu hiện số 27 — chưa có nội dung');
    expect(raw).toContain('Đã khắc phục trong quý III');

    const [png] = await pdfToPng(pdf, join(dir, 'page'), { dpi: 60 });
    expect((await readFile(png!)).subarray(1, 4).toString('latin1')).toBe('PNG');
  }, 120_000);

  it('prints the minutes with the title, the member table in name order and both signatures', async () => {
    const file = join(dir, 'bien-ban.docx');
    await writeFile(file, await renderDocx(minutes));
    const text = collapse(await docxToText(file));
    expect(text).toContain(PARTY_NAME);
    expect(text).toContain(ratingMinutesTitle(2021));
    expect(text).toContain('Thời gian: Vào lúc 14 giờ 00 phút, ngày 20/12/2021.');
    expect(text).toContain('Chủ trì: đồng chí Lê Hồng Vũ, Bí thư Chi bộ.');
    const order = ['Nguyễn Văn An', 'Hồ Văn Anh', 'Trần Thị Ánh', 'Võ Thị Bình', 'Đặng Văn Dũng', 'Phạm Văn Đức'].map((n) => text.indexOf(`${n} `, text.indexOf('Họ và tên')));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('- Hoàn thành xuất sắc nhiệm vụ: 1 đồng chí (33,3%).');
    expect(text).toMatch(/THƯ KÝ CHỦ TRÌ \(Ký, ghi rõ họ tên\) \(Ký, ghi rõ họ tên\) Trần Thị Ánh Lê Hồng Vũ/);
  }, 120_000);
});
