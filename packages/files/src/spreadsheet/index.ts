/** Spreadsheets in and out (docs/spreadsheets.md): reading uploads as tables, writing .xlsx templates. */
export { readTable } from './read-table';
export type { SpreadsheetInput } from './byte-source';
export { XLSX_CONTENT_TYPE } from './content-type';
export { MAX_DATA_ROWS, MAX_FILE_BYTES } from './limits';
export { rosterTemplate, type RosterTemplateMember } from './roster-template';
export { resultsTemplate } from './results-template';
