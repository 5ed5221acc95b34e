import type { z } from 'zod';
import { MemberId } from '../member';
import { parseCell } from './cell-parse';
import type { ColumnDef, ParsedValue } from './column';
import { type RowErrorList, excerpt } from './row-error';
import type { TableRow } from './table';

/**
 * Parses every known cell of a row, recording each failure. Keys whose cell is empty or wrong
 * are absent from the result, so schema defaults fill them.
 */
export function readRowValues<K extends string>(
  columns: readonly ColumnDef<K>[],
  indexOf: ReadonlyMap<K, number>,
  row: TableRow,
  errors: RowErrorList,
): Partial<Record<K, ParsedValue>> {
  const values: Partial<Record<K, ParsedValue>> = {};
  for (const column of columns) {
    const index = indexOf.get(column.key);
    if (index === undefined) continue;
    const result = parseCell(column, row.cells[index]);
    if (!result.ok) errors.add({ row: row.row, column: column.header, code: result.code, message: result.message });
    else if (result.value !== null) values[column.key] = result.value;
  }
  return values;
}

/** A member id that is text of the allowed shape, or an INVALID_MEMBER_ID error. */
export function checkMemberId(value: ParsedValue | undefined, row: number, header: string, errors: RowErrorList): string | undefined {
  if (typeof value !== 'string') return undefined;
  const id = MemberId.safeParse(value);
  if (id.success) return id.data;
  errors.add({ row, column: header, code: 'INVALID_MEMBER_ID', message: `Mã đảng viên "${excerpt(value)}" không hợp lệ: chỉ gồm chữ, số và . _ - /.` });
  return undefined;
}

/**
 * The last gate before a typed row: a zod schema that should always accept what the cell
 * parsers produced. Should it not, each issue becomes an INVALID_VALUE error on its column.
 */
export function checkSchema<S extends z.ZodType>(
  schema: S,
  input: unknown,
  row: number,
  headerOf: (key: string) => string,
  errors: RowErrorList,
): z.infer<S> | undefined {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const header = headerOf(String(issue.path[0] ?? ''));
    errors.add({ row, column: header, code: 'INVALID_VALUE', message: `Giá trị ở cột "${header}" không hợp lệ.` });
  }
  return undefined;
}

/** Names compare after NFC, collapsed spaces and case folding (docs/spreadsheets.md, "The results"). */
export function sameName(a: string, b: string): boolean {
  const fold = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return fold(a) === fold(b);
}
