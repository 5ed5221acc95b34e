import { DomainError } from '../errors/index';
import type { LocalDate } from '../local-date';
import { parseCell } from '../upload/cell-parse';
import type { ColumnDef } from '../upload/column';
import { type RowError, RowErrorList, excerpt } from '../upload/row-error';
import type { Table } from '../upload/table';
import { centralFieldLabels, centralFields, foldText, requiredCentralFields, type CentralField, type HeaderMapping } from './central-fields';
import { nationalIdDigits, nationalIdLast4, type NationalIdHasher } from './national-id';

export type CentralStatus = 'official' | 'probationary';

/** One member as the central database lists them; the national id only as its hash and last four digits. */
export interface CentralRecord {
  row: number;
  partyCardNumber: string | null;
  fullName: string;
  birthDate: LocalDate | null;
  nationalIdHash: string | null;
  nationalIdLast4: string | null;
  status: CentralStatus | null;
  admittedOn: LocalDate | null;
  cellName: string;
}

export interface CentralValidation {
  records: CentralRecord[];
  /** The fields the file has a column for: a field it lacks is never reported as a difference. */
  fields: CentralField[];
  errors: RowError[];
  errorCount: number;
  total: number;
}

/**
 * Which column holds each field, through the province's mapping (headers folded as every upload's).
 * Other columns of the export are ignored: it has many this system does not read. A field two
 * columns claim, or a required field no column names, is a file error (400).
 */
export function matchCentralHeaders(headers: readonly string[], mapping: HeaderMapping): Map<CentralField, number> {
  const found = new Map<CentralField, number>();
  const repeated: string[] = [];
  headers.forEach((raw, index) => {
    const folded = foldText(raw);
    if (folded === '') return;
    const field = centralFields.find((f) => mapping[f].some((h) => foldText(h) === folded));
    if (!field) return;
    if (found.has(field)) repeated.push(centralFieldLabels[field]);
    else found.set(field, index);
  });
  if (repeated.length > 0) {
    throw new DomainError('HEADER_DUPLICATE', `Nhiều cột cùng ứng với: ${repeated.map((h) => `"${h}"`).join(', ')}. Hãy sửa bảng ánh xạ tên cột.`, { columns: repeated });
  }
  const missing = [...requiredCentralFields].filter((f) => !found.has(f)).map((f) => centralFieldLabels[f]);
  if (missing.length > 0) {
    throw new DomainError('HEADER_MISSING', `Tệp thiếu cột: ${missing.map((h) => `"${h}"`).join(', ')} (theo bảng ánh xạ tên cột của tỉnh).`, { columns: missing });
  }
  return found;
}

const text = (field: CentralField, maxLength: number): ColumnDef => ({ key: field, header: centralFieldLabels[field], required: requiredCentralFields.has(field), type: 'text', maxLength, help: '' });
const date = (field: CentralField): ColumnDef => ({ key: field, header: centralFieldLabels[field], required: false, type: 'date', help: '' });
const columns: Partial<Record<CentralField, ColumnDef>> = {
  partyCardNumber: text('partyCardNumber', 40),
  fullName: text('fullName', 120),
  cellName: text('cellName', 200),
  birthDate: date('birthDate'),
  admittedOn: date('admittedOn'),
};

const statuses = new Map<string, CentralStatus>([
  ['chính thức', 'official'], ['đảng viên chính thức', 'official'], ['ct', 'official'],
  ['dự bị', 'probationary'], ['đảng viên dự bị', 'probationary'], ['db', 'probationary'],
]);

/**
 * Reads the rows of a central export through the mapping: text and dates as every upload reads
 * them; the status as "Chính thức" or "Dự bị"; the national id hashed at once and kept as its last
 * four digits — no error message, answer or record ever repeats the number. A party card number
 * seen on an earlier row makes later rows errors.
 */
export function readCentralRows(table: Table, mapping: HeaderMapping, hash: NationalIdHasher): CentralValidation {
  const indexOf = matchCentralHeaders(table.headers, mapping);
  const errors = new RowErrorList();
  const records: CentralRecord[] = [];
  const cards = new Map<string, number>();
  for (const tableRow of table.rows) {
    const { row } = tableRow;
    const values: Partial<Record<CentralField, string | null>> = {};
    for (const [field, column] of Object.entries(columns) as [CentralField, ColumnDef][]) {
      const index = indexOf.get(field);
      if (index === undefined) continue;
      const result = parseCell(column, tableRow.cells[index]);
      if (!result.ok) errors.add({ row, column: column.header, code: result.code, message: result.message });
      else values[field] = result.value as string | null;
    }
    let status: CentralStatus | null = null;
    const statusIndex = indexOf.get('status');
    const statusCell = statusIndex === undefined ? null : tableRow.cells[statusIndex];
    if (typeof statusCell === 'string' && statusCell.trim() !== '') {
      status = statuses.get(foldText(statusCell)) ?? null;
      if (!status) errors.add({ row, column: centralFieldLabels.status, code: 'UNKNOWN_VALUE', message: `"${excerpt(statusCell)}" không phải là "Chính thức" hoặc "Dự bị".` });
    }
    let nationalIdHash: string | null = null;
    let last4: string | null = null;
    const idIndex = indexOf.get('nationalId');
    const idCell = idIndex === undefined ? null : tableRow.cells[idIndex];
    if (idCell !== null && idCell !== undefined && String(typeof idCell === 'object' ? '' : idCell).trim() !== '') {
      // A number cell lost the leading zero of the province code (001…096) Excel does not keep.
      const written = typeof idCell === 'number' && Number.isInteger(idCell) && String(idCell).length > 9 ? String(idCell).padStart(12, '0') : idCell;
      const digits = typeof written === 'string' || typeof written === 'number' ? nationalIdDigits(String(written)) : undefined;
      if (!digits) {
        // The message names the column only: the cell may hold a real number typed wrongly.
        errors.add({ row, column: centralFieldLabels.nationalId, code: 'INVALID_NATIONAL_ID', message: 'Số định danh cá nhân không hợp lệ (phải gồm 12 chữ số, hoặc 9 chữ số với chứng minh nhân dân cũ).' });
      } else {
        nationalIdHash = hash(digits);
        last4 = nationalIdLast4(digits);
      }
    }
    const card = values.partyCardNumber ? values.partyCardNumber.replace(/\s+/g, '') : null;
    if (card) {
      const first = cards.get(card);
      if (first !== undefined) errors.add({ row, column: centralFieldLabels.partyCardNumber, code: 'DUPLICATE_CARD_NUMBER', message: `Số thẻ "${excerpt(card)}" đã có ở dòng ${first}.` });
      else cards.set(card, row);
    }
    if (errors.hasRow(row) || !values.fullName || !values.cellName) continue;
    records.push({
      row, partyCardNumber: card, fullName: values.fullName, birthDate: values.birthDate ?? null,
      nationalIdHash, nationalIdLast4: last4, status, admittedOn: values.admittedOn ?? null, cellName: values.cellName,
    });
  }
  return { records, fields: [...indexOf.keys()], errors: errors.listed, errorCount: errors.count, total: table.rows.length };
}
