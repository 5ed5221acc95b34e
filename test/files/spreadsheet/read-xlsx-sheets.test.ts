import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { XLSX_CONTENT_TYPE, readTable } from '@kd/files';
import { refusal } from './support';
import { zipEntryText } from './zip-builder';
import { httpStatus } from '@kd/api/http-status';

type State = 'visible' | 'hidden' | 'veryHidden';

/** A workbook written by exceljs: sheets in tab order, each with its state and rows; `active` is the tab Excel opens on. */
async function workbook(sheets: { name: string; state: State; rows: string[][] }[], active: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state });
    for (const r of s.rows) ws.addRow(r);
  }
  wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: active, activeTab: active, visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const decoy = [['Mã đảng viên', 'Họ và tên'], ['DV999', 'Trang ẩn']];
const seen = [['Mã đảng viên', 'Họ và tên'], ['DV001', 'Nguyễn Văn An']];

describe('the sheet the user sees', () => {
  it.each<State>(['hidden', 'veryHidden'])('reads the visible active sheet behind a %s first sheet', async (state) => {
    const bytes = await workbook([{ name: 'Dữ liệu cũ', state, rows: decoy }, { name: 'Danh sách', state: 'visible', rows: seen }], 1);
    // The file really has the hidden sheet first in workbook.xml, as Excel would list it.
    const xml = await zipEntryText(bytes, 'xl/workbook.xml');
    expect(xml.indexOf('Dữ liệu cũ')).toBeLessThan(xml.indexOf('Danh sách'));
    expect(xml).toContain(`state="${state}"`);
    const table = await readTable({ bytes }, XLSX_CONTENT_TYPE);
    expect(table.rows).toEqual([{ row: 2, cells: ['DV001', 'Nguyễn Văn An'] }]);
  });

  it('skips every hidden sheet before the first visible one, whatever the active tab', async () => {
    const bytes = await workbook(
      [
        { name: 'Ẩn 1', state: 'hidden', rows: decoy },
        { name: 'Ẩn 2', state: 'veryHidden', rows: decoy },
        { name: 'Danh sách', state: 'visible', rows: seen },
        { name: 'Hướng dẫn', state: 'visible', rows: [['Không đọc']] },
      ],
      3,
    );
    expect((await readTable({ bytes }, XLSX_CONTENT_TYPE)).rows).toEqual([{ row: 2, cells: ['DV001', 'Nguyễn Văn An'] }]);
  });

  it('refuses a file whose only data is in a hidden sheet (ONLY_HIDDEN_SHEETS, naming it)', async () => {
    const bytes = await workbook([{ name: 'Trống', state: 'visible', rows: [] }, { name: 'Kết quả thật', state: 'veryHidden', rows: seen }], 0);
    const e = await refusal(readTable({ bytes }, XLSX_CONTENT_TYPE));
    expect([e.code, httpStatus[e.kind], e.details]).toEqual(['ONLY_HIDDEN_SHEETS', 400, { sheet: 'Kết quả thật', state: 'veryHidden' }]);
    expect(e.message).toContain('ẩn sâu "Kết quả thật"');
  });

  it('a workbook whose sheets are all hidden is read from none of them', async () => {
    const bytes = await workbook([{ name: 'Bí mật', state: 'hidden', rows: seen }], 0);
    const e = await refusal(readTable({ bytes }, XLSX_CONTENT_TYPE));
    expect([e.code, e.details]).toEqual(['ONLY_HIDDEN_SHEETS', { sheet: 'Bí mật', state: 'hidden' }]);
    expect(e.message).toContain('Bỏ ẩn');
  });

  it('an empty visible sheet beside empty hidden ones is FILE_EMPTY; a header-only visible sheet is NO_ROWS', async () => {
    const empty = await workbook([{ name: 'A', state: 'visible', rows: [] }, { name: 'B', state: 'hidden', rows: [[''], []] }], 0);
    expect((await refusal(readTable({ bytes: empty }, XLSX_CONTENT_TYPE))).code).toBe('FILE_EMPTY');
    const headerOnly = await workbook([{ name: 'A', state: 'visible', rows: [seen[0]!] }, { name: 'B', state: 'hidden', rows: seen }], 0);
    expect((await refusal(readTable({ bytes: headerOnly }, XLSX_CONTENT_TYPE))).code).toBe('NO_ROWS');
  });
});
