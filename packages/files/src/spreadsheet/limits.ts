/** Upload limits and the guards behind them (docs/uploads.md). */
export { MAX_FILE_BYTES } from '@kd/domain';
export const MAX_DATA_ROWS = 20_000;
/** Rows the sheet may hold in all, blank ones included (styled empty rows). */
export const MAX_SHEET_ROWS = 100_000;
/** Columns an Excel sheet can have (A to XFD). */
export const EXCEL_COLUMNS = 16_384;
/** Cells right of this column are ignored (Excel allows 16,384; our sheets have about 20). */
export const MAX_COLUMNS = 256;

/** 20,000 filled rows inflate to about 16 MB of XML; four times that is no spreadsheet of ours. */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;
export const MAX_ZIP_ENTRIES = 10_000;
/** Deflate cannot do better than about 1032:1, so a larger declared ratio is a lie. */
export const MAX_DEFLATE_RATIO = 1100;

/** Excel's own limit for the text of one cell. */
export const MAX_CELL_CHARS = 32_767;
/**
 * The longest text run, tag, comment or CDATA section the XML parser is handed: a full cell
 * escaped as character references (`&#12345;`, 8 characters each) still fits.
 */
export const MAX_XML_TOKEN_CHARS = 8 * MAX_CELL_CHARS + 1024;
/** One `<row>` of a sheet as XML; about 20 columns of ours fill a few hundred characters. */
export const MAX_ROW_XML_CHARS = 4 * 1024 * 1024;
/**
 * Text a workbook may hold: the shared strings in all, and the text of the table read. 20,000
 * members with a name, a group and a 200-character note come to about 5 million.
 */
export const MAX_TEXT_CHARS = 8_000_000;
/** Distinct shared strings (each costs memory beyond its characters). */
export const MAX_SHARED_STRINGS = 250_000;
/** Parts parsed whole into objects: the workbook, its relationships, the styles. */
export const MAX_WORKBOOK_PART_CHARS = 2 * 1024 * 1024;
export const MAX_STYLES_CHARS = 8 * 1024 * 1024;

/** How much of a CSV is inspected to guess its encoding and separator. */
export const SNIFF_BYTES = 64 * 1024;
