import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue, Table } from '@kd/domain';
import { fileErrors } from './file-errors';
import { MAX_COLUMNS } from './limits';
import { TableBuilder } from './table-builder';
import { type GuardedZip, openGuardedZip } from './zip-guard';

/**
 * The parts of exceljs's streaming WorkbookReader we drive ourselves. Its own `parse()` unzips
 * with local headers and spills sheets to temporary files; we feed it entries from the guarded
 * zip instead, in the order the sheet needs them (exceljs 4.4 internals, pinned in package.json).
 */
interface WorkbookReaderParts {
  sharedStrings?: unknown[];
  workbookRels?: { Id: string; Target: string }[];
  model?: { sheets?: { id: number; name: string; rId: string }[] };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
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

/** Reads the first sheet of an xlsx held in memory (≤ 5 MB), streaming its rows. */
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

    if (!zip.has('xl/workbook.xml')) throw fileErrors.unreadable('tệp không phải là tệp Excel .xlsx.');
    await zip.verify([RELS, WORKBOOK]);
    if (zip.has(RELS)) await reader._parseRels(await zip.openText(RELS));
    await reader._parseWorkbook(await zip.openText(WORKBOOK));
    const sheetPath = firstSheetPath(reader, zip);
    if (!sheetPath) throw fileErrors.empty();
    await zip.verify([SHARED_STRINGS, STYLES, sheetPath]);

    if (zip.has(SHARED_STRINGS)) {
      for await (const _ of reader._parseSharedStrings(await zip.openText(SHARED_STRINGS))) void _;
    }
    if (zip.has(STYLES)) await reader._parseStyles(await zip.openText(STYLES));
    const sheetNo = /(\d+)\.xml$/.exec(sheetPath)?.[1] ?? '1';
    const sheet = reader._parseWorksheet(await zip.openText(sheetPath), sheetNo).next().value?.value;
    if (!sheet) throw fileErrors.unreadable('không đọc được trang tính.');

    const table = new TableBuilder();
    for await (const row of sheet) {
      const cells: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col <= MAX_COLUMNS) cells[col - 1] = toCellValue(cell.value);
      });
      table.add(row.number, Array.from(cells, (c) => c ?? null));
    }
    return table.finish();
  } finally {
    zip.close();
  }
}

/** The sheet listed first in workbook.xml (the first tab), through its relationship. */
function firstSheetPath(reader: WorkbookReaderParts, zip: GuardedZip): string | undefined {
  const first = reader.model?.sheets?.[0];
  const target = first && reader.workbookRels?.find((r) => r.Id === first.rId)?.Target;
  if (target) {
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
    if (zip.has(path)) return path;
  }
  return zip
    .names()
    .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .sort((a, b) => Number(/\d+/.exec(a.slice(14))?.[0]) - Number(/\d+/.exec(b.slice(14))?.[0]))[0];
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
