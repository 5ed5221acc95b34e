/** Stable codes of a row error (docs/spreadsheets.md, "Row errors"). */
export const rowErrorCodes = [
  'REQUIRED',
  'NOT_A_DATE',
  'NOT_A_NUMBER',
  'NOT_AN_INTEGER',
  'OUT_OF_RANGE',
  'NOT_A_BOOLEAN',
  'UNKNOWN_RATING',
  'UNKNOWN_VALUE',
  'TEXT_TOO_LONG',
  'CONTROL_CHARACTER',
  'INVALID_MEMBER_ID',
  'FORMULA_WITHOUT_VALUE',
  'CELL_ERROR',
  'DATE_ORDER',
  'DUPLICATE_MEMBER_ID',
  'MEMBER_NOT_IN_ROSTER',
  'NAME_MISMATCH',
  'MEMBER_IN_OTHER_UNIT',
  'INVALID_VALUE',
  // Results of earlier years (docs/spreadsheets.md, "Results of earlier years").
  'UNKNOWN_UNIT',
  'AMBIGUOUS_UNIT',
  'WRONG_UNIT_KIND',
  'DUPLICATE_UNIT',
  'UNIT_HAS_RESULTS',
  'MEMBER_MISMATCH',
  'RATING_OR_REASON',
  // The central party-member database's export (docs/reconciliation.md).
  'DUPLICATE_CARD_NUMBER',
  'INVALID_NATIONAL_ID',
  // Workplaces of a base committee (docs/spreadsheets.md).
  'UNIT_NOT_IN_SUBTREE',
  'SCORES_FROM_SHEET',
] as const;
export type RowErrorCode = (typeof rowErrorCodes)[number];

/** One problem in one row; `column` is the contract's header, `row` as Excel shows it. */
export interface RowError {
  row: number;
  column: string;
  code: RowErrorCode;
  message: string;
}

/**
 * At most this many errors are listed: a 20,000-row file full of mistakes would otherwise make
 * an answer of hundreds of thousands of entries. `errorCount` still counts them all.
 */
export const MAX_LISTED_ERRORS = 1000;

/** Collects row errors, keeping the first MAX_LISTED_ERRORS and counting the rest. */
export class RowErrorList {
  readonly listed: RowError[] = [];
  count = 0;
  private readonly rowsWithErrors = new Set<number>();

  add(error: RowError): void {
    this.count += 1;
    this.rowsWithErrors.add(error.row);
    if (this.listed.length < MAX_LISTED_ERRORS) this.listed.push(error);
  }

  hasRow(row: number): boolean {
    return this.rowsWithErrors.has(row);
  }
}

/** A short excerpt of what the cell held, for messages. */
export function excerpt(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}
