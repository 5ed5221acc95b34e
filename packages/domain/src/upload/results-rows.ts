import { MemberFacts } from '../member-facts';
import type { ResolvedRulebook } from '../rulebook/schema';
import { matchHeaders } from './header-match';
import { resultsColumns, scoreColumns, taskColumns } from './results-columns';
import { resultsColumnsFor } from './results-columns-for';
import { type RowError, RowErrorList, excerpt } from './row-error';
import { checkMemberId, checkSchema, readRowValues, sameName } from './row-values';
import type { Table } from './table';

export interface ResultsRow {
  row: number;
  memberId: string;
  facts: MemberFacts;
}

export interface ResultsValidation {
  /** Rows without any error, typed. */
  rows: ResultsRow[];
  /** The first MAX_LISTED_ERRORS row errors, in row order. */
  errors: RowError[];
  errorCount: number;
  /** Data rows in the file (blank rows are not counted). */
  total: number;
}

export interface ResultsContext {
  /** The unit's members: a results row must name one of them. */
  roster: ReadonlyMap<string, { fullName: string }>;
  /**
   * The year's rulebook: decides which columns are accepted, read or ignored (`resultsColumnsFor`). Without
   * it, the columns of the earlier results file are accepted and read, as before the 100-point regime.
   */
  rulebook?: ResolvedRulebook;
  /**
   * The totals of the members' scoring sheets of the year, by member id. A sheet is the source of
   * its member's scores: a row may leave them empty (the sheet's are taken) or repeat them, never
   * contradict them (SCORES_FROM_SHEET).
   */
  sheets?: ReadonlyMap<string, { general: number; tasks: number; total: number }>;
}

const allColumns = [...resultsColumns, ...taskColumns, ...scoreColumns];
const headerOf = (key: string) => allColumns.find((c) => c.key === key)?.header ?? key;
const ID = headerOf('memberId');

/**
 * Checks a results sheet (docs/spreadsheets.md, "The results") row by row. Header problems throw a DomainError (400);
 * everything else is a row error. A member id seen on an earlier row makes later rows errors.
 *
 * @example
 * const { rows, errors } = validateResultsRows(table, { roster: new Map([['DV001', { fullName: 'Nguyễn Văn An' }]]) });
 */
export function validateResultsRows(table: Table, context: ResultsContext): ResultsValidation {
  const columns = context.rulebook ? resultsColumnsFor(context.rulebook) : { accepted: resultsColumns, read: resultsColumns };
  const indexOf = matchHeaders(table.headers, columns.accepted);
  const scored = columns.read.some((c) => c.key === 'generalScore');
  const errors = new RowErrorList();
  const rows: ResultsRow[] = [];
  const seen = new Map<string, number>();

  for (const tableRow of table.rows) {
    const { row } = tableRow;
    const { memberId: rawId, fullName, ...facts } = readRowValues(columns.read, indexOf, tableRow, errors);
    const memberId = checkMemberId(rawId, row, ID, errors);
    if (memberId !== undefined) {
      const first = seen.get(memberId);
      if (first !== undefined) {
        errors.add({ row, column: ID, code: 'DUPLICATE_MEMBER_ID', message: `Mã đảng viên "${excerpt(memberId)}" đã có ở dòng ${first}.` });
      } else {
        seen.set(memberId, row);
        const member = context.roster.get(memberId);
        if (!member) {
          errors.add({ row, column: ID, code: 'MEMBER_NOT_IN_ROSTER', message: `Mã đảng viên "${excerpt(memberId)}" không có trong danh sách đảng viên của đơn vị.` });
        } else if (typeof fullName === 'string' && !sameName(fullName, member.fullName)) {
          errors.add({ row, column: headerOf('fullName'), code: 'NAME_MISMATCH', message: `Họ và tên "${excerpt(fullName)}" không khớp với danh sách đảng viên ("${member.fullName}").` });
        }
      }
    }
    if (memberId === undefined || errors.hasRow(row)) continue;
    const typed = checkSchema(MemberFacts, facts, row, headerOf, errors);
    if (!typed) continue;
    const sheet = scored ? context.sheets?.get(memberId) : undefined;
    if (sheet && !fromSheet(typed, sheet, row, errors)) continue;
    rows.push({ row, memberId, facts: typed });
  }
  return { rows, errors: errors.listed, errorCount: errors.count, total: table.rows.length };
}

/** Takes a member's scores from the sheet where the row leaves them empty; false (with row errors) where it contradicts them. */
function fromSheet(facts: MemberFacts, sheet: { general: number; tasks: number; total: number }, row: number, errors: RowErrorList): boolean {
  let ok = true;
  const pairs = [['generalScore', sheet.general], ['taskScore', sheet.tasks], ['selfScore', sheet.total]] as const;
  for (const [key, value] of pairs) {
    const given = facts[key];
    if (given === null || given === undefined) {
      facts[key] = value;
    } else if (Math.abs(given - value) > 0.0005) {
      ok = false;
      errors.add({ row, column: headerOf(key), code: 'SCORES_FROM_SHEET', message: `Điểm ${String(given).replace('.', ',')} khác điểm trên phiếu chấm điểm của đảng viên (${String(value).replace('.', ',')}); sửa phiếu chấm điểm hoặc để trống ô này.` });
    }
  }
  return ok;
}
