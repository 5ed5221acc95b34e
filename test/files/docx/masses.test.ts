import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommentForm, buildMassesMinutes, PARTY_NAME, buildSelfCriticism, commentHeadingLabels } from '@kd/domain';
import { renderDocx } from '@kd/files';
import { collapse, docxParagraphs, docxToText, officeAvailable, readZipEntry } from '../../support/office';
import { commentFormInput, minutesInput, withoutPosition, withPosition } from '../../unit/masses/document-fixtures';

const documents = {
  'ban-tu-phe-binh-co-chuc-vu': buildSelfCriticism(withPosition()),
  'ban-tu-phe-binh-khong-chuc-vu': buildSelfCriticism(withoutPosition()),
  'phieu-ghi-y-kien': buildCommentForm(commentFormInput),
  'bien-ban-tu-phe-binh-truoc-quan-chung': buildMassesMinutes(minutesInput()),
};

describe('masses documents as Word files', () => {
  it('write the self-criticism form with a position, the committee block beside the author', async () => {
    const docx = await renderDocx(documents['ban-tu-phe-binh-co-chuc-vu']);
    const paragraphs = (await docxParagraphs(docx)).map(collapse);
    for (const p of [PARTY_NAME, 'BẢN TỰ PHÊ BÌNH', '(Đối với đảng viên có chức vụ)', 'I- VỀ ƯU ĐIỂM', 'II- VỀ KHUYẾT ĐIỂM, HẠN CHẾ', 'III- PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC']) {
      expect(paragraphs).toContain(p);
    }
    for (const p of ['NHẬN XÉT CỦA CẤP ỦY', 'Đồng chí gương mẫu, tự phê bình nghiêm túc.', 'ĐẢNG BỘ SỞ TÀI CHÍNH', 'CHI BỘ VĂN PHÒNG SỞ', 'NGƯỜI TỰ PHÊ', 'Lê Minh Hùng']) {
      expect(paragraphs).toContain(p);
    }
    // The two blocks are the two cells of one borderless row.
    const xml = await readZipEntry(docx, 'word/document.xml');
    const lastTable = xml.slice(xml.lastIndexOf('<w:tbl>'));
    expect(lastTable.match(/<w:tc>/g)).toHaveLength(2);
    expect(lastTable.indexOf('NHẬN XÉT CỦA CẤP ỦY')).toBeLessThan(lastTable.indexOf('NGƯỜI TỰ PHÊ'));
    for (const p of paragraphs) expect(p).toBe(p.normalize('NFC'));
  });

  it('write the form without a position with the author alone and dotted lines by a tab leader', async () => {
    const docx = await renderDocx(documents['ban-tu-phe-binh-khong-chuc-vu']);
    const paragraphs = (await docxParagraphs(docx)).map(collapse);
    expect(paragraphs).toContain('(Dùng cho đảng viên không có chức vụ)');
    expect(paragraphs).toContain('Nhiệm vụ được phân công: Kế toán trưởng');
    expect(paragraphs).not.toContain('NHẬN XÉT CỦA CẤP ỦY');
    expect(await readZipEntry(docx, 'word/document.xml')).toContain('w:leader="dot"');
  });

  it('write the comment form with its five headings and no place for a name', async () => {
    const paragraphs = (await docxParagraphs(await renderDocx(documents['phieu-ghi-y-kien']))).map(collapse);
    expect(paragraphs).toContain('PHIẾU GHI Ý KIẾN ĐÓNG GÓP');
    for (const [h, label] of Object.entries(commentHeadingLabels)) expect(paragraphs.filter((p) => p === `${h}. ${label}`)).toHaveLength(2);
    expect(paragraphs).toContain('III- ĐỀ XUẤT (nếu có)');
    expect(paragraphs.join(' ')).not.toContain('Ký, ghi rõ họ tên');
  });

  it('write the minutes with the three signature blocks side by side', async () => {
    const docx = await renderDocx(documents['bien-ban-tu-phe-binh-truoc-quan-chung']);
    const paragraphs = (await docxParagraphs(docx)).map(collapse);
    for (const p of ['BIÊN BẢN', 'TỰ PHÊ BÌNH VÀ PHÊ BÌNH TRƯỚC QUẦN CHÚNG', 'CHỦ TRÌ', 'THƯ KÝ', 'ĐẠI DIỆN QUẦN CHÚNG', 'Phạm Thị Hoa']) expect(paragraphs).toContain(p);
    const xml = await readZipEntry(docx, 'word/document.xml');
    const lastTable = xml.slice(xml.lastIndexOf('<w:tbl>'));
    expect(lastTable.match(/<w:tc>/g)).toHaveLength(3);
  });
});

describe.runIf(officeAvailable())('masses documents opened by LibreOffice', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kd-masses-docx-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const print = async (name: keyof typeof documents) => {
    const file = join(dir, `${name}.docx`);
    await writeFile(file, await renderDocx(documents[name]));
    return collapse(await docxToText(file, { layout: false }));
  };

  it('prints the self-criticism form with a position with its blocks', async () => {
    const text = await print('ban-tu-phe-binh-co-chuc-vu');
    expect(text).toContain(PARTY_NAME);
    expect(text).toContain('Trà Vinh, ngày 02 tháng 11 năm 2020');
    expect(text).toContain('BẢN TỰ PHÊ BÌNH trước quần chúng cơ quan, đơn vị, doanh nghiệp năm 2020 (Đối với đảng viên có chức vụ)');
    expect(text).toContain('Họ và tên: Nguyễn Văn Tám, sinh ngày: 02/05/1970');
    expect(text).toContain('5. Việc khắc phục những khuyết điểm, hạn chế đã được góp ý năm trước');
    expect(text).toContain('III- PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC');
    expect(text).toContain('NHẬN XÉT CỦA CẤP ỦY');
    expect(text).toContain('ĐẢNG BỘ SỞ TÀI CHÍNH');
    expect(text).toContain('NGƯỜI TỰ PHÊ');
  }, 120_000);

  it('prints the form without a position', async () => {
    const text = await print('ban-tu-phe-binh-khong-chuc-vu');
    expect(text).toContain('(Dùng cho đảng viên không có chức vụ)');
    expect(text).toContain('Trà Vinh, ngày …… tháng …… năm 2020');
    expect(text).toContain('Chấp hành nghiêm nội quy cơ quan.');
    expect(text).toContain('NGƯỜI TỰ PHÊ (Ký, ghi rõ họ tên) Lê Thị Hai');
  }, 120_000);

  it('prints the comment form', async () => {
    const text = await print('phieu-ghi-y-kien');
    expect(text).toContain('PHIẾU GHI Ý KIẾN ĐÓNG GÓP (Dành cho quần chúng, khi cấp ủy thấy thật sự cần thiết)');
    expect(text).toContain('Qua nghiên cứu, ưu điểm, khuyết điểm của đảng viên Nguyễn Văn Tám');
    expect(text).toContain('II- VỀ KHUYẾT ĐIỂM, HẠN CHẾ');
    expect(text).toContain('Đề nghị tổ chức đối thoại với người lao động mỗi quý.');
  }, 120_000);

  it('prints the minutes with the member table and the three signatures', async () => {
    const text = await print('bien-ban-tu-phe-binh-truoc-quan-chung');
    expect(text).toContain('BIÊN BẢN TỰ PHÊ BÌNH VÀ PHÊ BÌNH TRƯỚC QUẦN CHÚNG NĂM 2020');
    expect(text).toContain('Thời gian: Vào lúc 08 giờ 00 phút, ngày 10/11/2020.');
    // Table cells wrap at any width: look for short cells and one summary that fits its line.
    expect(text).toContain('Họ và tên');
    expect(text).toContain('Kế toán trưởng');
    expect(text).toContain('Hoàn thành tốt nhiệm vụ; đôi khi chậm báo cáo.');
    expect(text).toContain('Chưa sâu sát cơ sở như bản tự phê nêu. (bằng văn bản; ý kiến trái chiều)');
    for (const role of ['CHỦ TRÌ', 'THƯ KÝ', 'ĐẠI DIỆN QUẦN CHÚNG']) expect(text).toContain(role);
    for (const name of ['Trần Thị Lan', 'Phạm Thị Hoa']) expect(text).toContain(name);
  }, 120_000);
});
