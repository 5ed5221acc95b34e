import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { validateResultsRows, validateRosterRows } from '@kd/domain';
import { XLSX_CONTENT_TYPE, readTable } from '@kd/files';
import { refusal } from './support';
import { SHEET_PREFIX, buildZip, deflatedEntry, repeatedEntry, workbookParts } from './zip-builder';
import { httpStatus } from '@kd/api/http-status';

async function xlsx(fill: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const roster = new Map([['DV001', { fullName: 'Nguyễn Văn An' }], ['DV002', { fullName: 'Trần Thị Bình' }], ['DV003', { fullName: 'Lê Văn Cường' }]]);

/** Runs `f` while sampling RSS; returns the peak growth in bytes and the elapsed time. */
async function measured(f: () => Promise<unknown>): Promise<{ ms: number; rssGrowth: number; error: unknown }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  let error: unknown;
  try {
    await f();
  } catch (e) {
    error = e;
  }
  const ms = performance.now() - started;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, rssGrowth: peak - before, error };
}

describe('readTable on xlsx', () => {
  it('reads the first tab, header row 1, Excel dates, numbers, booleans and rich text', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Danh sách');
      wb.addWorksheet('Khác').addRow(['không đọc']);
      ws.addRow(['Mã đảng viên', 'Họ và tên', 'Ngày vào Đảng', 'Công chức, viên chức']);
      ws.addRow(['DV001', { richText: [{ text: 'Nguyễn ' }, { text: 'Văn An', font: { bold: true } }] }, new Date(Date.UTC(2005, 1, 3)), true]);
      ws.getCell('C2').numFmt = 'dd/mm/yyyy';
      ws.addRow([]);
      ws.addRow(['DV002', 'Trần Thị Bình', '3/2/2005', 'Không']);
    });
    const table = await readTable({ bytes }, XLSX_CONTENT_TYPE);
    expect(table.rows).toEqual([
      { row: 2, cells: ['DV001', 'Nguyễn Văn An', { kind: 'date', date: '2005-02-03' }, true] },
      { row: 4, cells: ['DV002', 'Trần Thị Bình', '3/2/2005', 'Không'] },
    ]);
    const { rows, errors } = validateRosterRows(table, { unitId: 'u', membersElsewhere: new Map() });
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.member.admittedOn, r.member.civilServant])).toEqual([['2005-02-03', true], ['2005-02-03', false]]);
  });

  it('counts a formula cell by its cached value and makes one without a value a row error', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Kết quả');
      ws.addRow(['Mã đảng viên', 'Số kỳ vắng sinh hoạt', 'Ghi chú']);
      ws.addRow(['DV001', { formula: '1+2', result: 3 }, { formula: '"a"&"b"', result: 'ab' }]);
      ws.addRow(['DV002', { formula: 'B2*2' }, 'x']);
      ws.addRow(['DV003', 1, '=SUM(A1:A2)']);
    });
    const table = await readTable({ bytes }, XLSX_CONTENT_TYPE);
    const { rows, errors } = validateResultsRows(table, { roster });
    expect(rows.map((r) => [r.memberId, r.facts.absences, r.facts.note])).toEqual([['DV001', 3, 'ab'], ['DV003', 1, '=SUM(A1:A2)']]);
    expect(errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, 'Số kỳ vắng sinh hoạt', 'FORMULA_WITHOUT_VALUE']]);
  });

  it('keeps multi-byte Vietnamese intact across decompression chunk boundaries', async () => {
    const name = 'Nguyễn Thị Ngọc Ánh Đặng Hữu Lộc '.repeat(40);
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('x');
      ws.addRow(['Mã đảng viên', 'Ghi chú']);
      for (let i = 0; i < 400; i++) ws.addRow([`DV${i}`, `${i} ${name}`]);
    });
    const table = await readTable({ bytes }, XLSX_CONTENT_TYPE);
    for (const r of table.rows) expect(r.cells[1]).toBe(`${r.row - 2} ${name}`);
  });

  it('refuses what is not an xlsx: text, a broken zip, a zip without a workbook, an empty workbook', async () => {
    expect((await refusal(readTable({ bytes: Buffer.from('Mã đảng viên\nDV1') }, XLSX_CONTENT_TYPE))).code).toBe('FILE_UNREADABLE');
    const good = await xlsx((wb) => wb.addWorksheet('x').addRow(['Mã đảng viên']));
    const truncated = good.subarray(0, good.byteLength - 100);
    expect((await refusal(readTable({ bytes: truncated }, XLSX_CONTENT_TYPE))).code).toBe('FILE_UNREADABLE');
    const noWorkbook = buildZip([deflatedEntry('hello.txt', 'xin chào')]);
    expect((await refusal(readTable({ bytes: noWorkbook }, XLSX_CONTENT_TYPE))).code).toBe('FILE_UNREADABLE');
    const badXml = buildZip([...workbookParts(), deflatedEntry('xl/worksheets/sheet1.xml', '<worksheet><sheetData><row r="1"><c r="A1"></d></row></sheetData></worksheet>')]);
    expect((await refusal(readTable({ bytes: badXml }, XLSX_CONTENT_TYPE))).code).toBe('FILE_UNREADABLE');
    const empty = await xlsx((wb) => wb.addWorksheet('x'));
    expect((await refusal(readTable({ bytes: empty }, XLSX_CONTENT_TYPE))).code).toBe('FILE_EMPTY');
    const headerOnly = await xlsx((wb) => wb.addWorksheet('x').addRow(['Mã đảng viên', 'Họ và tên']));
    expect((await refusal(readTable({ bytes: headerOnly }, XLSX_CONTENT_TYPE))).code).toBe('NO_ROWS');
  });

  it('an xlsx sent as text/csv or application/vnd.ms-excel is still read as xlsx', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('x');
      ws.addRow(['Mã đảng viên']);
      ws.addRow(['DV001']);
    });
    for (const type of ['text/csv', 'application/vnd.ms-excel', 'application/octet-stream']) {
      expect((await readTable({ bytes }, type)).rows).toEqual([{ row: 2, cells: ['DV001'] }]);
    }
  });

  it('refuses more than 20,000 data rows', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('x');
      ws.addRow(['Mã đảng viên']);
      for (let i = 0; i < 20_001; i++) ws.addRow([`DV${i}`]);
    });
    const e = await refusal(readTable({ bytes }, XLSX_CONTENT_TYPE));
    expect([e.code, httpStatus[e.kind]]).toEqual(['TOO_MANY_ROWS', 413]);
  });
});

describe('zip bombs', () => {
  // 1.2 GB of "A" inside a text cell, about 1.2 MB on disk: within the 5 MB upload limit.
  const bomb = (declaredSize?: number) => {
    const sheet = repeatedEntry('xl/worksheets/sheet1.xml', SHEET_PREFIX, 0x41, 1200);
    expect(sheet.size).toBeGreaterThan(1.2e9);
    if (declaredSize !== undefined) sheet.declaredSize = declaredSize;
    return buildZip([...workbookParts(), sheet]);
  };

  it('refuses an honest bomb from its central directory, in little memory', async () => {
    const bytes = bomb();
    expect(bytes.byteLength).toBeLessThan(5 * 1024 * 1024);
    const { rssGrowth, error } = await measured(() => readTable({ bytes }, XLSX_CONTENT_TYPE));
    expect(error).toMatchObject({ name: 'DomainError', code: 'FILE_TOO_LARGE', kind: 'tooLarge' });
    expect(rssGrowth).toBeLessThan(300 * 1024 * 1024);
  });

  it.each([
    ['a tiny declared size', 1_000],
    ['a declared size just under the inflation budget', 60 * 1024 * 1024],
  ])('refuses a bomb that lies with %s, by counting inflated bytes', async (_label, declared) => {
    const bytes = bomb(declared);
    const { rssGrowth, error } = await measured(() => readTable({ bytes }, XLSX_CONTENT_TYPE));
    expect(error).toMatchObject({ name: 'DomainError', code: expect.stringMatching(/^(FILE_UNREADABLE|FILE_TOO_LARGE)$/) });
    expect(rssGrowth).toBeLessThan(300 * 1024 * 1024);
  });

  it('refuses a bomb split across many entries whose declared sizes add up past the budget', async () => {
    const parts = Array.from({ length: 3 }, (_, i) => repeatedEntry(`xl/worksheets/sheet${i + 1}.xml`, SHEET_PREFIX, 0x20, 30));
    const bytes = buildZip([...workbookParts(), ...parts]);
    const e = await refusal(readTable({ bytes }, XLSX_CONTENT_TYPE));
    expect(e.code).toBe('FILE_TOO_LARGE');
  });
});
