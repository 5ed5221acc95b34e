/** Upload limits (contract §1) and the zip-bomb guards behind them. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_DATA_ROWS = 20_000;
/** Rows the sheet may hold in all, blank ones included (styled empty rows). */
export const MAX_SHEET_ROWS = 100_000;
/** Cells right of this column are ignored (Excel allows 16,384; our sheets have about 20). */
export const MAX_COLUMNS = 256;

/** 20,000 filled rows inflate to about 16 MB of XML; four times that is no spreadsheet of ours. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 10_000;
/** Deflate cannot do better than about 1032:1, so a larger declared ratio is a lie. */
export const MAX_DEFLATE_RATIO = 1100;

/** How much of a CSV is inspected to guess its encoding and separator. */
export const SNIFF_BYTES = 64 * 1024;
