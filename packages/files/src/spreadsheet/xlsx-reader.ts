import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { isBlankCell, DomainError, type CellValue, type Table } from '@kd/domain';
import { fileErrors } from './file-errors';
import { MAX_COLUMNS, MAX_STYLES_CHARS, MAX_WORKBOOK_PART_CHARS } from './limits';
import { OverlongText, type SharedString, readSharedStrings } from './shared-strings';
import { type RawCell, TableBuilder } from './table-builder';
import { type WorkbookSheet, workbookSheets } from './workbook-sheets';
import { type GuardedZip, openGuardedZip } from './zip-guard';

/**
 * The parts of exceljs's streaming WorkbookReader we drive ourselves. Its own `parse()` unzips
 * with local headers and spills sheets to temporary files; we feed it entries from the guarded
 * zip instead, in the order the sheet needs them (exceljs 4.4 internals, pinned in package.json).
 */
interface WorkbookReaderParts {
  sharedStrings?: SharedString[];
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { id: number; name: string; rId: string; state?: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(entry: Readable, sheetNo: string): Generator<{ eventType: string; value: AsyncIterable<SheetRow> }, void>;
}
interface SheetRow {
  number: number;
  eachCell(options: { includeEmpty: boolean }, callback: (cell: { value: unknown }, col: number) => void): void;
}

const RELS = 'xl/_rels/workbook.xml.rels';
const WORKBOOK = 'xl/workbook.xml';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';

/**
 * Reads the sheet the user sees when opening the file: the first visible tab (hidden and very
 * hidden sheets are skipped) of an xlsx held in memory (≤ 5 MB), streaming its rows. When that
 * sheet is empty and a hidden one holds data, the file is refused (ONLY_HIDDEN_SHEETS) rather
 * than read from a sheet its sender may never have looked at.
 */
export async function readXlsx(buffer: Buffer): Promise<Table> {
  const zip = await openGuardedZip(buffer);
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    }) as unknown as WorkbookReaderParts;

    if (!zip.has(WORKBOOK)) throw fileErrors.unreadable('tệp không phải là tệp Excel .xlsx.');
    await zip.verify([RELS, WORKBOOK]);
    if (zip.has(RELS)) await reader._parseRels(await zip.openText(RELS, 'other', MAX_WORKBOOK_PART_CHARS));
    await reader._parseWorkbook(await zip.openText(WORKBOOK, 'other', MAX_WORKBOOK_PART_CHARS));
    const sheets = workbookSheets(reader.model?.sheets, reader.workbookRels, zip.names());
    const shown = sheets.find((s) => !s.hidden);
    if (shown && !shown.path) throw fileErrors.unreadable(`thiếu trang tính "${shown.name}".`);
    await zip.verify([SHARED_STRINGS, STYLES, ...(shown?.path ? [shown.path] : [])]);

    // Left undefined without the part, so that a cell pointing into it is refused as unreadable.
    if (zip.has(SHARED_STRINGS)) reader.sharedStrings = await readSharedStrings(await zip.openText(SHARED_STRINGS, 'sharedStrings'));
    if (zip.has(STYLES)) await reader._parseStyles(await zip.openText(STYLES, 'other', MAX_STYLES_CHARS));

    if (shown?.path) {
      try {
        return await readSheet(reader, zip, shown.path);
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'FILE_EMPTY')) throw error;
      }
    }
    const hiddenWithData = await firstWithData(reader, zip, sheets.filter((s) => s.hidden));
    if (hiddenWithData) throw fileErrors.onlyHiddenSheets(hiddenWithData.name, hiddenWithData.veryHidden);
    throw fileErrors.empty();
  } finally {
    zip.close();
  }
}

async function readSheet(reader: WorkbookReaderParts, zip: GuardedZip, path: string): Promise<Table> {
  const table = new TableBuilder();
  for await (const row of await sheetRows(reader, zip, path)) {
    table.add(row.number, cellsOf(row));
  }
  return table.finish();
}

/** The first of `sheets` with a filled cell, reading each only as far as its first one. */
async function firstWithData(reader: WorkbookReaderParts, zip: GuardedZip, sheets: readonly WorkbookSheet[]): Promise<WorkbookSheet | undefined> {
  for (const sheet of sheets) {
    if (!sheet.path) continue;
    await zip.verify([sheet.path]);
    for await (const row of await sheetRows(reader, zip, sheet.path)) {
      if (cellsOf(row).some((c) => c instanceof OverlongText || !isBlankCell(c))) return sheet;
    }
  }
  return undefined;
}

async function sheetRows(reader: WorkbookReaderParts, zip: GuardedZip, path: string): Promise<AsyncIterable<SheetRow>> {
  const sheetNo = /(\d+)\.xml$/.exec(path)?.[1] ?? '1';
  const sheet = reader._parseWorksheet(await zip.openText(path, 'sheet'), sheetNo).next().value?.value;
  if (!sheet) throw fileErrors.unreadable('không đọc được trang tính.');
  return sheet;
}

function cellsOf(row: SheetRow): RawCell[] {
  const cells: RawCell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    if (col <= MAX_COLUMNS) cells[col - 1] = cell.value instanceof OverlongText ? cell.value : toCellValue(cell.value);
  });
  return Array.from(cells, (c) => c ?? null);
}

/** exceljs cell values to plain data; a formula counts by its cached result. */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { kind: 'error', text: '' };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { kind: 'error', text: '' };
    return { kind: 'date', date: value.toISOString().slice(0, 10) };
  }
  if (typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if ('formula' in v || 'sharedFormula' in v) {
    if (!('result' in v) || v.result === undefined) return { kind: 'formulaWithoutValue' };
    return toCellValue(v.result);
  }
  if (typeof v.error === 'string') return { kind: 'error', text: v.error };
  if (Array.isArray(v.richText)) return v.richText.map((r: { text?: unknown }) => (typeof r.text === 'string' ? r.text : '')).join('');
  if ('hyperlink' in v && 'text' in v) return toCellValue(v.text);
  if ('sharedString' in v) throw fileErrors.unreadable('tệp thiếu bảng chuỗi dùng chung (sharedStrings).');
  return null;
}
