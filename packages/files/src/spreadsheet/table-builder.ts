import { isBlankCell, type CellValue, type Table, type TableRow } from '@kd/domain';
import { fileErrors } from './file-errors';
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_DATA_ROWS, MAX_SHEET_ROWS, MAX_TEXT_CHARS } from './limits';
import { OverlongText } from './shared-strings';
import { LegacyCells } from './legacy-cells';

/** A cell as a reader hands it over: plain data, or a shared string known only to be too long. */
export type RawCell = CellValue | OverlongText | undefined;

/**
 * Gathers rows as a reader streams them: row 1 is the header, blank rows are skipped, and the
 * row limits are enforced the moment they are passed so that a huge file is not read further.
 * Every text is held to Excel's cell limit and the table to MAX_TEXT_CHARS in all, so that what
 * is kept for validation stays small whatever the file's format; text typed in a legacy
 * Vietnamese encoding (TCVN3, VNI) is converted to Unicode or refused (LegacyCells).
 */
export class TableBuilder {
  private headers: string[] | undefined;
  private readonly rows: TableRow[] = [];
  private seen = 0;
  private text = 0;
  private readonly legacy: LegacyCells;

  /** `fromTcvn3`: the file's bytes were decoded from TCVN3 (a CSV), for the .VnTimeH capitals. */
  constructor(options: { fromTcvn3?: boolean } = {}) {
    this.legacy = new LegacyCells(options.fromTcvn3);
  }

  add(row: number, cells: readonly RawCell[]): void {
    this.seen += 1;
    if (this.seen > MAX_SHEET_ROWS) throw fileErrors.tooManyRows();
    const clean: CellValue[] = [];
    const kept = cells.slice(0, MAX_COLUMNS);
    for (let i = 0; i < kept.length; i++) {
      clean[i] = this.normalise(kept[i], row, i, clean);
    }
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
    this.legacy.settle();
    const headers = trimTrailingBlanks(this.headers ?? []);
    if (headers.length === 0 && this.rows.length === 0) throw fileErrors.empty();
    if (this.rows.length === 0) throw fileErrors.noRows();
    const width = Math.max(headers.length, 1);
    return { headers, rows: this.rows.map((r) => ({ row: r.row, cells: r.cells.slice(0, width) })) };
  }

  /** `cells`: the row being built, which a legacy cell settled later by its column writes into. */
  private normalise(cell: RawCell, row: number, index: number, cells: CellValue[]): CellValue {
    if (cell === undefined) return null;
    if (cell instanceof OverlongText) throw fileErrors.cellTooLong(this.place(row, index), cell.length);
    if (typeof cell !== 'string') return cell;
    if (cell.length > MAX_CELL_CHARS) throw fileErrors.cellTooLong(this.place(row, index), cell.length);
    this.text += cell.length;
    if (this.text > MAX_TEXT_CHARS) throw fileErrors.tooMuchText('sheet', { row });
    const taken = this.legacy.take(cell, row === 1 ? 'header' : String(index), {
      set: (text) => {
        if (row === 1 && this.headers) this.headers[index] = text;
        else cells[index] = text;
      },
      refuse: (encoding, alternative) => {
        throw fileErrors.legacyEncoding(encoding, this.place(row, index), alternative);
      },
    });
    if ('refuse' in taken) throw fileErrors.legacyEncoding(taken.refuse, this.place(row, index));
    return taken.text.normalize('NFC');
  }

  private place(row: number, index: number): { row: number; column?: string; cell: string } {
    const header = row === 1 ? undefined : this.headers?.[index]?.trim();
    return { row, ...(header ? { column: header } : {}), cell: `${columnLetters(index)}${row}` };
  }
}

/** 0 → A, 25 → Z, 26 → AA: the column as Excel labels it. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
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
