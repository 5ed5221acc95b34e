import { isBlankCell, type CellValue, type Table, type TableRow } from '@kd/domain';
import { fileErrors } from './file-errors';
import { MAX_COLUMNS, MAX_DATA_ROWS, MAX_SHEET_ROWS } from './limits';

/**
 * Gathers rows as a reader streams them: row 1 is the header, blank rows are skipped, and the
 * row limits are enforced the moment they are passed so that a huge file is not read further.
 */
export class TableBuilder {
  private headers: string[] | undefined;
  private readonly rows: TableRow[] = [];
  private seen = 0;

  add(row: number, cells: readonly CellValue[]): void {
    this.seen += 1;
    if (this.seen > MAX_SHEET_ROWS) throw fileErrors.tooManyRows();
    const clean = cells.slice(0, MAX_COLUMNS).map(normalise);
    if (row === 1) {
      this.headers = clean.map(headerText);
      return;
    }
    if (row < 1 || clean.every(isBlankCell)) return;
    if (this.rows.length >= MAX_DATA_ROWS) throw fileErrors.tooManyRows();
    this.rows.push({ row, cells: clean });
  }

  /** The table; FILE_EMPTY when there is nothing at all, NO_ROWS when only the header is filled. */
  finish(): Table {
    const headers = trimTrailingBlanks(this.headers ?? []);
    if (headers.length === 0 && this.rows.length === 0) throw fileErrors.empty();
    if (this.rows.length === 0) throw fileErrors.noRows();
    const width = Math.max(headers.length, 1);
    return { headers, rows: this.rows.map((r) => ({ row: r.row, cells: r.cells.slice(0, width) })) };
  }
}

function normalise(cell: CellValue | undefined): CellValue {
  if (cell === undefined) return null;
  return typeof cell === 'string' ? cell.normalize('NFC') : cell;
}

function headerText(cell: CellValue): string {
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return '';
}

function trimTrailingBlanks(headers: string[]): string[] {
  let end = headers.length;
  while (end > 0 && (headers[end - 1] ?? '').trim() === '') end -= 1;
  return headers.slice(0, end);
}
