import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bieu1, bieu2, bieuFrame, PARTY_NAME } from '@kd/domain';
import { reportTableXlsx } from '@kd/files';
import { collapse, convertAllToPdf, officeAvailable, pdfToText } from '../../support/office';
import { provinceRollup } from '../../support/province-rollup';

const run = promisify(execFile);

/** Biểu 1 and 2 as the province prints them: LibreOffice → PDF, read by poppler (pdfinfo, pdftotext). */
describe('Biểu 1 and 2 printed', () => {
  let dir: string;
  const rollup = provinceRollup();
  const frame = bieuFrame({ upperCommittee: null, unitName: rollup.name, kind: 'province', place: 'Vĩnh Long', date: '2026-12-01' });
  const files = { 'bieu-1': bieu1(rollup), 'bieu-2': bieu2(rollup) };
  const printed: Record<string, { info: string; text: string; xlsx: Buffer }> = {};

  beforeAll(async () => {
    expect(officeAvailable()).toBe(true);
    dir = await mkdtemp(join(tmpdir(), 'bieu-print-'));
    const xlsx = new Map<string, Buffer>();
    for (const [name, table] of Object.entries(files)) {
      xlsx.set(name, await reportTableXlsx(table, new Date('2026-12-01T08:00:00+07:00'), frame));
      await writeFile(join(dir, `${name}.xlsx`), xlsx.get(name)!);
    }
    const pdfs = await convertAllToPdf([...xlsx.keys()].map((name) => join(dir, `${name}.xlsx`)), dir);
    for (const [i, name] of [...xlsx.keys()].entries()) {
      printed[name] = { info: (await run('pdfinfo', [pdfs[i]!])).stdout, text: collapse(await pdfToText(pdfs[i]!, { layout: false })), xlsx: xlsx.get(name)! };
    }
  }, 120_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('are A4 pages with the party header, the place and date and the signature block', () => {
    for (const [name, p] of Object.entries(printed)) {
      expect(p.info, name).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
      expect(p.info, name).toMatch(/Pages:\s+1\n/);
      for (const text of [PARTY_NAME, 'TỈNH ỦY VĨNH LONG', 'Số -BC/TU', 'Vĩnh Long, ngày 01 tháng 12 năm 2026', 'NGƯỜI LẬP BIỂU', 'T/M BAN THƯỜNG VỤ', 'BÍ THƯ', '(Ký tên, đóng dấu)']) {
        expect(p.text, `${name}: ${text}`).toContain(text);
      }
    }
  });

  it('print every column and unit name whole, counts the Vietnamese way, the header above the table and the signatures below it', () => {
    const b2 = printed['bieu-2']!.text;
    for (const text of ['Biểu 2 — Kết quả đánh giá, xếp loại đảng viên', ...Array.from({ length: 18 }, (_, i) => `(${i + 1})`), 'Đảng ủy các cơ quan Đảng tỉnh', 'Đảng ủy Ủy ban nhân dân tỉnh', 'Tổng cộng Tỉnh ủy Vĩnh Long', '2.927', '2.462', '74,6 %']) {
      expect(b2).toContain(text);
    }
    expect(b2.indexOf(PARTY_NAME)).toBeLessThan(b2.indexOf('Biểu 2 —'));
    expect(b2.indexOf('Tổng cộng Tỉnh ủy Vĩnh Long')).toBeLessThan(b2.indexOf('NGƯỜI LẬP BIỂU'));
    expect(printed['bieu-1']!.text).toContain('Biểu 1 — Kết quả đánh giá, xếp loại tổ chức đảng');
  });

  it('keep the table readable by a spreadsheet program: A4 set, headings in one row, counts as numbers', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(printed['bieu-2']!.xlsx as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.pageSetup.paperSize).toBe(9);
    const values = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const headings = values.find((r) => r[1] === '(1) STT')!.slice(1);
    expect(headings).toHaveLength(18);
    const total = values.find((r) => r[2] === 'Tổng cộng Tỉnh ủy Vĩnh Long')!;
    expect(total[3]).toBe(2927);
    expect(total[8]).toBe(397);
  });
});
