import ExcelJS from 'exceljs';
import { generalInstructions, instructionRows, listValues, templateCell, type CellValue, type ColumnDef } from '@kd/domain';
import { MAX_DATA_ROWS } from './limits';

export interface TemplateSpec {
  sheetName: string;
  /** First line of the instructions sheet (what the file is for, which unit, which year). */
  title: string;
  columns: readonly ColumnDef[];
  /** One record per pre-filled row, keyed by column key. */
  rows: readonly Record<string, unknown>[];
}

/** Rows below the pre-filled ones that still get drop-down lists, for members added by hand. */
const SPARE_ROWS = 500;
const REQUIRED_FILL = 'FFFCE4D6';
const OPTIONAL_FILL = 'FFE7E6E6';

/**
 * Writes an .xlsx template: the data sheet first (header row frozen, pre-filled rows, drop-down
 * lists from the column definitions) and a "Hướng dẫn" sheet explaining each column.
 * Text is always written as a string value, so "=…" from the database never becomes a formula.
 */
export async function writeTemplate(spec: TemplateSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kiểm điểm';
  const sheet = workbook.addWorksheet(safeSheetName(spec.sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });

  sheet.columns = spec.columns.map((c) => ({
    key: c.key,
    width: c.width ?? 16,
    // '@' keeps ids like 001234 and text like "=…" as typed instead of numbers or formulas.
    style: c.type === 'text' ? { numFmt: '@' } : c.type === 'date' ? { numFmt: 'dd/mm/yyyy' } : {},
  }));
  const header = sheet.getRow(1);
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? REQUIRED_FILL : OPTIONAL_FILL } };
  });
  header.height = 45;

  spec.rows.forEach((record, r) => {
    const row = sheet.getRow(r + 2);
    spec.columns.forEach((c, i) => {
      const value = toExcel(templateCell(c, record[c.key]));
      if (value !== null) row.getCell(i + 1).value = value;
    });
  });

  const lastRow = Math.min(spec.rows.length + 1 + SPARE_ROWS, MAX_DATA_ROWS + 1);
  spec.columns.forEach((c, i) => addValidation(sheet, c, columnLetter(i + 1), lastRow));

  addInstructions(workbook, spec);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function toExcel(cell: CellValue): ExcelJS.CellValue {
  if (cell === null || typeof cell !== 'object') return cell;
  if (cell.kind === 'date') {
    const [y, m, d] = cell.date.split('-').map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d));
  }
  return null;
}

interface SheetWithValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function addValidation(sheet: ExcelJS.Worksheet, column: ColumnDef, letter: string, lastRow: number): void {
  const range = `${letter}2:${letter}${lastRow}`;
  const validations = (sheet as unknown as SheetWithValidations).dataValidations;
  const values = listValues(column);
  if (values) {
    validations.add(range, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.join(',')}"`],
      // A warning, not a stop: abbreviations such as HTTNV are accepted on upload.
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: column.header,
      error: `Hãy chọn một giá trị trong danh sách: ${values.join('; ')}.`,
    });
  } else if (column.type === 'int' || column.type === 'number') {
    const max = column.max;
    validations.add(range, {
      type: column.type === 'int' ? 'whole' : 'decimal',
      operator: max === undefined ? 'greaterThanOrEqual' : 'between',
      allowBlank: true,
      formulae: max === undefined ? [column.min] : [column.min, max],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: column.header,
      error: max === undefined ? `Nhập số ${column.type === 'int' ? 'nguyên ' : ''}từ ${column.min} trở lên.` : `Nhập số từ ${column.min} đến ${max}.`,
    });
  }
}

function addInstructions(workbook: ExcelJS.Workbook, spec: TemplateSpec): void {
  const sheet = workbook.addWorksheet('Hướng dẫn');
  sheet.columns = [{ width: 32 }, { width: 16 }, { width: 36 }, { width: 40 }, { width: 60 }];
  const wrap: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
  const title = sheet.addRow([spec.title]);
  title.font = { bold: true, size: 14 };
  sheet.addRow([]);
  for (const line of generalInstructions) {
    const row = sheet.addRow([`• ${line}`]);
    sheet.mergeCells(row.number, 1, row.number, 5);
    row.alignment = wrap;
    row.height = 32;
  }
  sheet.addRow([]);
  const head = sheet.addRow(['Cột', 'Bắt buộc', 'Kiểu dữ liệu', 'Giá trị trong danh sách', 'Ý nghĩa']);
  head.font = { bold: true };
  for (const r of instructionRows(spec.columns)) {
    const row = sheet.addRow([r.header, r.required, r.type, r.values, r.help]);
    row.alignment = wrap;
  }
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);
}
