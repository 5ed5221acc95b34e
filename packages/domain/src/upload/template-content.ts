import { ratingLabels, ratings, type Rating } from '../rating';
import type { ColumnDef } from './column';
import type { CellValue } from './table';

export const BOOL_LABELS = { yes: 'Có', no: 'Không' } as const;

/** The texts a drop-down list offers for a column, or undefined for free input. */
export function listValues(column: ColumnDef): string[] | undefined {
  switch (column.type) {
    case 'bool':
      return [BOOL_LABELS.yes, BOOL_LABELS.no];
    case 'rating':
      return ratings.map((r) => ratingLabels[r]);
    case 'enum':
      return column.options.map((o) => o.label);
    default:
      return undefined;
  }
}

/** What a template cell shows for a stored value, in the form an upload reads back. */
export function templateCell(column: ColumnDef, value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'text':
      return String(value);
    case 'date':
      return typeof value === 'string' ? { kind: 'date', date: value } : null;
    case 'int':
    case 'number':
      return typeof value === 'number' ? value : null;
    case 'bool':
      return value ? BOOL_LABELS.yes : BOOL_LABELS.no;
    case 'rating':
      return ratingLabels[value as Rating] ?? null;
    case 'enum':
      return column.options.find((o) => o.value === value)?.label ?? null;
  }
}

/** The type column of the instructions sheet. */
export function typeDescription(column: ColumnDef): string {
  switch (column.type) {
    case 'text':
      return `Chữ (tối đa ${column.maxLength} ký tự)`;
    case 'date':
      return 'Ngày, dạng dd/mm/yyyy (ví dụ 05/03/2021)';
    case 'int':
      return column.max === undefined ? `Số nguyên ≥ ${column.min}` : `Số nguyên từ ${column.min} đến ${column.max}`;
    case 'number':
      return `Số từ ${column.min} đến ${column.max} (dấu thập phân là dấu chấm hoặc dấu phẩy)`;
    case 'bool':
      return 'Có / Không (hoặc x / để trống)';
    case 'rating':
      return 'Mức xếp loại (chọn trong danh sách; chấp nhận viết tắt HTXSNV, HTTNV, HTNV, KHTNV)';
    case 'enum':
      return 'Chọn trong danh sách';
  }
}

export interface InstructionRow {
  header: string;
  required: string;
  type: string;
  values: string;
  help: string;
}

/** One line per column for the "Hướng dẫn" sheet, from the same definitions the upload reads. */
export function instructionRows(columns: readonly ColumnDef[]): InstructionRow[] {
  return columns.map((c) => ({
    header: c.header,
    required: c.required ? 'Bắt buộc' : 'Không bắt buộc',
    type: typeDescription(c),
    values: listValues(c)?.join('; ') ?? '',
    help: c.help,
  }));
}

/** General rules printed above the column table (docs/spreadsheets.md). */
export const generalInstructions: readonly string[] = [
  'Nhập dữ liệu ở trang tính đầu tiên; dòng 1 là dòng tiêu đề — không đổi tên, không xóa cột bắt buộc, không thêm cột khác. Thứ tự các cột có thể thay đổi.',
  'Mỗi dòng là một đảng viên; mã đảng viên không được trùng nhau trong tệp. Dòng trống được bỏ qua.',
  'Ngày ghi theo dạng dd/mm/yyyy hoặc d/m/yyyy (ví dụ 05/03/2021 hoặc 5/3/2021), hoặc định dạng ngày của Excel.',
  'Số có thể dùng dấu chấm hoặc dấu phẩy làm dấu thập phân. Ô Có/Không: ghi "Có" hoặc "x" khi đúng, để trống hoặc ghi "Không" khi không.',
  'Ô có công thức được tính theo giá trị Excel đã lưu; nội dung bắt đầu bằng =, +, -, @ ở cột chữ được giữ nguyên là chữ.',
  'Tệp tải lên: .xlsx hoặc .csv (UTF-8, phân cách bằng dấu phẩy hoặc dấu chấm phẩy), tối đa 5 MB và 20.000 dòng dữ liệu.',
];
