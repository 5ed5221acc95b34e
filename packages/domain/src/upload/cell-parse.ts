import { type LocalDate, isValidLocalDate, parseVietnameseDate, parts, toLocalDate } from '../local-date';
import { parseRating, ratingLabels, ratings } from '../rating';
import type { ColumnDef, ParsedValue } from './column';
import { type RowErrorCode, excerpt } from './row-error';
import { type CellValue, isBlankCell } from './table';
import { codePointOf, controlCharacterIn } from '../text';

export type CellResult = { ok: true; value: ParsedValue } | { ok: false; code: RowErrorCode; message: string };

const ok = (value: ParsedValue): CellResult => ({ ok: true, value });
const fail = (code: RowErrorCode, message: string): CellResult => ({ ok: false, code, message });

/** Years a date in a roster or results file may fall in; anything else is a typing slip. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/**
 * Reads one cell for its column (docs/spreadsheets.md, "Values"); empty cells are null. Never throws:
 * any content yields a value or a coded, Vietnamese-worded failure.
 */
export function parseCell(column: ColumnDef, cell: CellValue | undefined): CellResult {
  if (cell !== null && typeof cell === 'object') {
    if (cell.kind === 'formulaWithoutValue') {
      return fail('FORMULA_WITHOUT_VALUE', `Ô ở cột "${column.header}" chứa công thức chưa có giá trị tính sẵn; hãy mở tệp bằng Excel, lưu lại rồi tải lên, hoặc nhập giá trị trực tiếp.`);
    }
    if (cell.kind === 'error') {
      return fail('CELL_ERROR', `Ô ở cột "${column.header}" chứa giá trị lỗi${cell.text ? ` (${cell.text})` : ''}.`);
    }
  }
  if (isBlankCell(cell)) {
    return column.required ? fail('REQUIRED', `Cột "${column.header}" không được để trống.`) : ok(null);
  }
  const value = cell as Exclude<CellValue, null | { kind: 'formulaWithoutValue' } | { kind: 'error'; text: string }>;
  switch (column.type) {
    case 'text':
      return parseText(column.header, column.maxLength, value);
    case 'date':
      return parseDate(column.header, value);
    case 'int':
    case 'number':
      return parseNumber(column, value);
    case 'bool':
      return parseBool(column.header, value);
    case 'rating': {
      const r = typeof value === 'string' ? parseRating(value) : undefined;
      return r
        ? ok(r)
        : fail('UNKNOWN_RATING', `"${excerpt(display(value))}" không phải là mức xếp loại; chọn một trong: ${ratings.map((x) => ratingLabels[x]).join('; ')} (hoặc viết tắt HTXSNV, HTTNV, HTNV, KHTNV).`);
    }
    case 'enum': {
      const v = typeof value === 'string' ? column.parse(value) : undefined;
      return v
        ? ok(v)
        : fail('UNKNOWN_VALUE', `"${excerpt(display(value))}" không phải là giá trị hợp lệ của cột "${column.header}"; chọn một trong: ${column.options.map((o) => o.label).join('; ')}.`);
    }
  }
}

type Filled = string | number | boolean | { kind: 'date'; date: LocalDate };

/** Text as a person reads the cell: numbers without a trailing ".0", dates dd/mm/yyyy. */
export function display(value: Filled): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const { year, month, day } = parts(value.date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

function parseText(header: string, maxLength: number, value: Filled): CellResult {
  // A leading =, +, - or @ is kept: the value is data, never a formula.
  const text = display(value).normalize('NFC').trim();
  if (text.length > maxLength) return fail('TEXT_TOO_LONG', `Cột "${header}" dài quá ${maxLength} ký tự.`);
  const control = controlCharacterIn(text);
  if (control !== undefined) return fail('CONTROL_CHARACTER', `Cột "${header}" có ký tự điều khiển ${codePointOf(control)} (không phải chữ); hãy gõ lại ô này.`);
  return ok(text);
}

/** Excel's day count: serial 1 is 01/01/1900, and 60 is the 29/02/1900 Excel wrongly believes in. */
function fromExcelSerial(serial: number): LocalDate | undefined {
  if (!Number.isFinite(serial) || serial < 1) return undefined;
  const days = Math.floor(serial) - (serial > 60 ? 1 : 0);
  const t = new Date(Date.UTC(1899, 11, 31) + days * 86_400_000);
  return toLocalDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function parseDate(header: string, value: Filled): CellResult {
  let date: LocalDate | undefined;
  if (typeof value === 'object') date = value.date;
  else if (typeof value === 'number') date = fromExcelSerial(value);
  else if (typeof value === 'string') {
    const t = value.trim();
    date = parseVietnameseDate(t) ?? (/^\d{4}-\d{2}-\d{2}$/.test(t) && isValidLocalDate(t) ? t : undefined);
  }
  if (!date) return fail('NOT_A_DATE', `"${excerpt(display(value))}" ở cột "${header}" không phải là ngày hợp lệ (dd/mm/yyyy).`);
  const { year } = parts(date);
  if (year < MIN_YEAR || year > MAX_YEAR) return fail('OUT_OF_RANGE', `Ngày ở cột "${header}" phải trong khoảng năm ${MIN_YEAR}–${MAX_YEAR}.`);
  return ok(date);
}

function parseNumber(column: ColumnDef & { type: 'int' | 'number' }, value: Filled): CellResult {
  let n: number | undefined;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    let t = value.replace(/[\s\u00a0]/g, '');
    if (column.type === 'number' && t.endsWith('%')) t = t.slice(0, -1);
    if (/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) n = Number(t.replace(',', '.'));
  }
  if (n === undefined || !Number.isFinite(n)) {
    return fail('NOT_A_NUMBER', `"${excerpt(display(value))}" ở cột "${column.header}" không phải là số.`);
  }
  if (column.type === 'int' && !Number.isInteger(n)) {
    return fail('NOT_AN_INTEGER', `"${excerpt(display(value))}" ở cột "${column.header}" phải là số nguyên.`);
  }
  const max = column.max;
  if (n < column.min || (max !== undefined && n > max)) {
    const range = max === undefined ? `từ ${column.min} trở lên` : `từ ${column.min} đến ${max}`;
    return fail('OUT_OF_RANGE', `Giá trị ${display(value)} ở cột "${column.header}" phải ${range}.`);
  }
  return ok(n === 0 ? 0 : n);
}

const yes = new Set(['có', 'co', 'x']);
const no = new Set(['không', 'khong']);

function parseBool(header: string, value: Filled): CellResult {
  if (typeof value === 'boolean') return ok(value);
  if (value === 1 || value === 0) return ok(value === 1);
  if (typeof value === 'string') {
    const t = value.normalize('NFC').trim().toLocaleLowerCase('vi');
    if (yes.has(t)) return ok(true);
    if (no.has(t)) return ok(false);
  }
  return fail('NOT_A_BOOLEAN', `"${excerpt(display(value))}" ở cột "${header}" phải là "Có" hoặc "Không" (hoặc "x" / để trống).`);
}
