import { z } from 'zod';
import { Member } from '../member';
import { matchHeaders } from './header-match';
import { rosterColumns } from './roster-columns';
import { type RowError, RowErrorList, excerpt } from './row-error';
import { checkMemberId, checkSchema, readRowValues } from './row-values';
import type { Table } from './table';

/** A member as a roster row states it: the Member fields, with the group by name (docs/spreadsheets.md, "The roster"). */
export const RosterMember = Member.omit({ groupId: true, version: true }).extend({
  groupName: z.string().min(1).max(200).nullable().default(null),
});
export type RosterMember = z.infer<typeof RosterMember>;

export interface RosterRow {
  row: number;
  member: RosterMember;
}

export interface RosterValidation {
  rows: RosterRow[];
  errors: RowError[];
  errorCount: number;
  total: number;
}

export interface RosterContext {
  unitId: string;
  /**
   * Ids of the file that belong to another unit of the tenant: a transfer is an explicit action.
   * Which unit is never said — not even its name — so a roster cannot map where members are.
   */
  membersElsewhere: Pick<ReadonlySet<string>, 'has'>;
}

const headerOf = (key: string) => rosterColumns.find((c) => c.key === key)?.header ?? key;
const ID = headerOf('id');

/**
 * Checks a roster sheet (docs/spreadsheets.md, "The roster") row by row. Header problems throw a DomainError (400);
 * everything else is a row error.
 *
 * @example
 * const { rows, errors } = validateRosterRows(table, { unitId: 'u-cell-1', membersElsewhere: new Set() });
 */
export function validateRosterRows(table: Table, context: RosterContext): RosterValidation {
  const indexOf = matchHeaders(table.headers, rosterColumns);
  const errors = new RowErrorList();
  const rows: RosterRow[] = [];
  const seen = new Map<string, number>();

  for (const tableRow of table.rows) {
    const { row } = tableRow;
    const values = readRowValues(rosterColumns, indexOf, tableRow, errors);
    const id = checkMemberId(values.id, row, ID, errors);
    if (id !== undefined) {
      const first = seen.get(id);
      const elsewhere = context.membersElsewhere.has(id);
      if (first !== undefined) {
        errors.add({ row, column: ID, code: 'DUPLICATE_MEMBER_ID', message: `Mã đảng viên "${excerpt(id)}" đã có ở dòng ${first}.` });
      } else {
        seen.set(id, row);
        if (elsewhere) {
          errors.add({ row, column: ID, code: 'MEMBER_IN_OTHER_UNIT', message: memberInOtherUnitMessage(id) });
        }
      }
    }
    checkDateOrder(values, row, errors);
    if (id === undefined || errors.hasRow(row)) continue;
    const member = checkSchema(RosterMember, { ...values, id, unitId: context.unitId }, row, headerOf, errors);
    if (member) rows.push({ row, member });
  }
  return { rows, errors: errors.listed, errorCount: errors.count, total: table.rows.length };
}

/** The same words whatever unit holds the member: the message names none. */
export function memberInOtherUnitMessage(id: string): string {
  return `Mã đảng viên "${excerpt(id)}" đã thuộc một đơn vị khác. Muốn chuyển sinh hoạt đảng, đơn vị đang quản lý đảng viên hoặc cấp ủy cấp trên chung dùng chức năng chuyển sinh hoạt.`;
}

function checkDateOrder(values: Partial<Record<string, unknown>>, row: number, errors: RowErrorList): void {
  const { birthDate, admittedOn, officialOn, transferredInOn } = values;
  if (typeof admittedOn !== 'string') return;
  if (typeof birthDate === 'string' && birthDate >= admittedOn) {
    errors.add({ row, column: headerOf('birthDate'), code: 'DATE_ORDER', message: 'Ngày sinh phải trước ngày vào Đảng.' });
  }
  if (typeof officialOn === 'string' && officialOn < admittedOn) {
    errors.add({ row, column: headerOf('officialOn'), code: 'DATE_ORDER', message: 'Ngày chính thức không được trước ngày vào Đảng.' });
  }
  if (typeof transferredInOn === 'string' && transferredInOn < admittedOn) {
    errors.add({ row, column: headerOf('transferredInOn'), code: 'DATE_ORDER', message: 'Ngày chuyển đến không được trước ngày vào Đảng.' });
  }
}
