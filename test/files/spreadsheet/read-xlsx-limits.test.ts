import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { XLSX_CONTENT_TYPE, readTable, XmlGuard } from '@kd/files';
import { hostileXlsx, SHEET } from './hostile-xlsx';
import { refusal } from './support';
import { buildZip, deflatedEntry, patternEntry, repeatedEntry, workbookParts } from './zip-builder';
import { httpStatus } from '@kd/api/http-status';

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kết quả');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const sheetOf = (xml: string) => buildZip([...workbookParts(), deflatedEntry('xl/worksheets/sheet1.xml', `${SHEET}${xml}</worksheet>`)]);
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe('cell and text limits', () => {
  it('refuses a cell over 32,767 characters naming its row, column and address (shared string, inline string, CSV)', async () => {
    const long = 'Đ'.repeat(40_000);
    const shared = await xlsx([['Mã đảng viên', 'Ghi chú'], ['DV001', 'ngắn'], ['DV002', long]]);
    const inlined = sheetOf(`<sheetData><row r="1">${inline('A1', 'Mã đảng viên')}${inline('B1', 'Ghi chú')}</row><row r="3">${inline('A3', 'DV002')}${inline('B3', long)}</row></sheetData>`);
    for (const bytes of [shared, inlined]) {
      const e = await refusal(readTable({ bytes }, XLSX_CONTENT_TYPE));
      expect([e.code, httpStatus[e.kind]]).toEqual(['CELL_TOO_LONG', 400]);
      expect(e.details).toEqual({ row: 3, column: 'Ghi chú', cell: 'B3', limitChars: 32_767, length: 40_000 });
      expect(e.message).toContain('ô B3');
      expect(e.message).toContain('cột "Ghi chú"');
    }
    const csv = Buffer.from(`Mã đảng viên;Ghi chú\nDV001;${long}\n`, 'utf8');
    const c = await refusal(readTable({ bytes: csv }, 'text/csv'));
    expect([c.code, c.details]).toEqual(['CELL_TOO_LONG', { row: 2, column: 'Ghi chú', cell: 'B2', limitChars: 32_767, length: 40_000 }]);
  });

  it("accepts a cell of exactly Excel's 32,767 characters", async () => {
    const full = 'ễ'.repeat(32_767);
    const table = await readTable({ bytes: await xlsx([['Mã đảng viên', 'Ghi chú'], ['DV001', full]]) }, XLSX_CONTENT_TYPE);
    expect(table.rows[0]?.cells[1]).toBe(full);
  });

  it('refuses a text run longer than any escaped cell before the parser holds it, with the cell from the XML', async () => {
    const bytes = buildZip([...workbookParts(), repeatedEntry('xl/worksheets/sheet1.xml', `${SHEET}<sheetData><row r="7"><c r="C7" t="inlineStr"><is><t>`, 0x41, 2, '</t></is></c></row></sheetData></worksheet>')]);
    const e = await refusal(readTable({ bytes }, XLSX_CONTENT_TYPE));
    expect([e.code, e.details]).toEqual(['CELL_TOO_LONG', { row: 7, cell: 'C7', limitChars: 32_767 }]);
    const shared = await refusal(readTable({ bytes: hostileXlsx.sharedString60MB.build() }, XLSX_CONTENT_TYPE));
    expect([shared.code, shared.details]).toEqual(['CELL_TOO_LONG', { sharedString: 0, limitChars: 32_767 }]);
  });

  it('refuses a huge CDATA section in a cell, a huge comment and any DOCTYPE', async () => {
    const cdata = buildZip([...workbookParts(), repeatedEntry('xl/worksheets/sheet1.xml', `${SHEET}<sheetData><row r="2"><c r="B2" t="inlineStr"><is><t><![CDATA[`, 0x3c, 2, ']]></t></is></c></row></sheetData></worksheet>')]);
    expect((await refusal(readTable({ bytes: cdata }, XLSX_CONTENT_TYPE))).details).toMatchObject({ row: 2, cell: 'B2' });
    const comment = buildZip([...workbookParts(), repeatedEntry('xl/worksheets/sheet1.xml', `${SHEET}<!--`, 0x3e, 2, '--><sheetData/></worksheet>')]);
    expect((await refusal(readTable({ bytes: comment }, XLSX_CONTENT_TYPE))).code).toBe('FILE_UNREADABLE');
    const doctype = buildZip([...workbookParts(), deflatedEntry('xl/worksheets/sheet1.xml', '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>')]);
    const d = await refusal(readTable({ bytes: doctype }, XLSX_CONTENT_TYPE));
    expect([d.code, d.message]).toEqual(['FILE_UNREADABLE', expect.stringContaining('DOCTYPE')]);
  });

  it('refuses a row over 4 MB of XML (ROW_TOO_LARGE, 413, its number) and too much text in all (TOO_MUCH_TEXT, 413)', async () => {
    const row = await refusal(readTable({ bytes: hostileXlsx.oneHugeRow.build() }, XLSX_CONTENT_TYPE));
    expect([row.code, httpStatus[row.kind], row.details]).toEqual(['ROW_TOO_LARGE', 413, { row: 1, limitChars: 4 * 1024 * 1024 }]);
    expect(row.message).toContain('Dòng 1');
    const text = await refusal(readTable({ bytes: hostileXlsx.longInlineCells.build() }, XLSX_CONTENT_TYPE));
    expect([text.code, httpStatus[text.kind], text.details]).toMatchObject(['TOO_MUCH_TEXT', 413, { part: 'sheet', limitChars: 8_000_000 }]);
    const strings = await refusal(readTable({ bytes: hostileXlsx.millionsOfSharedStrings.build() }, XLSX_CONTENT_TYPE));
    expect([strings.code, strings.details]).toEqual(['TOO_MUCH_TEXT', { part: 'sharedStrings', limitChars: 8_000_000, limitStrings: 250_000 }]);
  });

  it('reads a style table under its bound and refuses one over it', async () => {
    const styles = patternEntry('xl/styles.xml', '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs>', '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', 1, '</cellXfs></styleSheet>');
    const sheet = deflatedEntry('xl/worksheets/sheet1.xml', `${SHEET}<sheetData><row r="1">${inline('A1', 'Mã đảng viên')}</row><row r="2">${inline('A2', 'DV001')}</row></sheetData></worksheet>`);
    expect((await readTable({ bytes: buildZip([...workbookParts(), styles, sheet]) }, XLSX_CONTENT_TYPE)).rows).toEqual([{ row: 2, cells: ['DV001'] }]);
    const tooManyStyles = patternEntry('xl/styles.xml', '<?xml version="1.0"?><styleSheet><cellXfs>', '<xf numFmtId="0"/>', 9, '</cellXfs></styleSheet>');
    expect((await refusal(readTable({ bytes: buildZip([...workbookParts(), tooManyStyles, sheet]) }, XLSX_CONTENT_TYPE))).code).toBe('FILE_TOO_LARGE');
  });
});

describe('XmlGuard', () => {
  const feedAll = (guard: XmlGuard, xml: string, size: number) => {
    for (let i = 0; i < xml.length; i += size) guard.feed(xml.slice(i, i + size));
  };

  it('follows tags, comments, CDATA and instructions across any chunk boundary', () => {
    const xml = `<?xml version="1.0"?><!-- a > b --><worksheet a="x > y" b='/>'><sheetData><row r="1" spans="1:2"><c r="A1" t="inlineStr"><is><t><![CDATA[ <row> ]]></t></is></c></row><row r="2"/></sheetData></worksheet>`;
    for (const size of [1, 2, 3, 7, 1000]) expect(() => feedAll(new XmlGuard('sheet'), xml, size)).not.toThrow();
  });

  it('is not fooled by a quoted "/>" or ">" into losing track of an open row', () => {
    const guard = new XmlGuard('sheet');
    guard.feed('<worksheet><sheetData><row r="9" x="/>" y=">">');
    const e = (() => {
      try {
        for (let i = 0; i < 50; i++) guard.feed(`<c r="A9"><v>${'1'.repeat(100_000)}</v></c>`);
      } catch (error) {
        return error as { code: string; details: unknown };
      }
      return undefined;
    })();
    expect(e).toMatchObject({ code: 'ROW_TOO_LARGE', details: { row: 9 } });
  });
});
