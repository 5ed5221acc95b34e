import type { LocalDate } from '../local-date';

/**
 * One cell as a spreadsheet reader hands it to the validators: plain data, whatever the file
 * format. Text stays text (a cell `=1+2` typed as text is the string "=1+2"); an xlsx formula
 * cell is replaced by its cached value, or marked when it has none.
 */
export type CellValue =
  | string
  | number
  | boolean
  | null
  | { kind: 'date'; date: LocalDate }
  | { kind: 'formulaWithoutValue' }
  | { kind: 'error'; text: string };

/** A data row; `row` is the number Excel shows (the header is row 1). */
export interface TableRow {
  row: number;
  cells: CellValue[];
}

/** A sheet read from a file: the header row as written, and the non-blank data rows. */
export interface Table {
  headers: string[];
  rows: TableRow[];
}

export function isBlankCell(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}
