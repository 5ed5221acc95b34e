/** Spreadsheet uploads and templates, the pure part: columns, cell values, row validation (docs/spreadsheets.md). */
export type { CellValue, Table, TableRow } from './table';
export { isBlankCell } from './table';
export type { ColumnDef, ColumnType, EnumOption, ParsedValue } from './column';
export { foldHeader } from './column';
export { rosterColumns, type RosterKey } from './roster-columns';
export { resultsColumns, scoreColumns, taskColumns, type ResultsKey } from './results-columns';
export { resultsColumnsFor, type ResultsColumnSet } from './results-columns-for';
export { matchHeaders } from './header-match';
export { parseCell, type CellResult } from './cell-parse';
export { MAX_LISTED_ERRORS, rowErrorCodes, type RowError, type RowErrorCode } from './row-error';
export { validateResultsRows, type ResultsContext, type ResultsRow, type ResultsValidation } from './results-rows';
export { RosterMember, validateRosterRows, type RosterContext, type RosterRow, type RosterValidation } from './roster-rows';
export { BOOL_LABELS, generalInstructions, instructionRows, listValues, templateCell, typeDescription, type InstructionRow } from './template-content';
