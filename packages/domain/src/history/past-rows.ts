import type { Discipline } from '../discipline';
import { MemberId } from '../member';
import type { Rating } from '../rating';
import { isCell } from '../unit-kind';
import type { UnitKind } from '../unit-kind';
import { matchHeaders } from '../upload/header-match';
import { type RowError, RowErrorList, excerpt } from '../upload/row-error';
import { readRowValues, sameName } from '../upload/row-values';
import { isBlankCell, type Table, type TableRow } from '../upload/table';
import { pastMemberColumns, pastUnitColumns } from './past-columns';
import type { OrgDiscipline, PastNotRatedReason, PastUnitNotRatedReason } from './past-result';
import { unitLookup, type PastUnitRef } from './past-units';

export interface PastValidation<R> {
  rows: R[];
  errors: RowError[];
  errorCount: number;
  total: number;
}

/** A member of the tenant as an import finds them. */
export interface KnownMember {
  id: string;
  fullName: string;
}

export interface PastMembersContext {
  /** The units of the importing unit's subtree, closed ones included. */
  units: readonly PastUnitRef[];
  membersById: ReadonlyMap<string, KnownMember>;
  /** Members by party card number (the identity record's, else a member id that is the card number). */
  membersByCard: ReadonlyMap<string, KnownMember>;
  /** Units whose year holds results entered in the system: an import never overwrites them. */
  lockedUnits: ReadonlySet<string>;
}

export interface PastMemberRow {
  row: number;
  unitId: string;
  /** The member's id in the system, or for a member no longer in it the file's id (else card number). */
  memberId: string;
  known: boolean;
  fullName: string | null;
  rating: Rating | null;
  notRatedReason: PastNotRatedReason | null;
  discipline: Discipline | null;
}

const header = (key: string) => pastMemberColumns.find((c) => c.key === key)?.header ?? key;
const unitHeader = (key: string) => pastUnitColumns.find((c) => c.key === key)?.header ?? key;

const locked = (unit: PastUnitRef) =>
  `Năm này "${unit.name}" đã có kết quả nhập trong hệ thống; số liệu nhập từ năm trước không ghi đè lên kết quả đó.`;

/** Whether the row's cell of a column holds anything (a value that failed to parse is already an error). */
const filled = (row: TableRow, index: number | undefined) => index !== undefined && !isBlankCell(row.cells[index]);

/** Rating xor reason: a row says what the year's result was, or why there was none. */
function checkOutcome(row: number, rating: unknown, reason: unknown, ratingHeader: string, errors: RowErrorList): boolean {
  if ((rating == null) === (reason == null)) {
    errors.add({
      row, column: ratingHeader, code: 'RATING_OR_REASON',
      message: rating == null ? 'Ghi mức xếp loại, hoặc lý do không xếp loại.' : 'Đã ghi mức xếp loại thì không ghi lý do không xếp loại.',
    });
    return false;
  }
  return true;
}

/**
 * Checks a file of members' results of an earlier year (docs/spreadsheets.md, "Results of earlier
 * years") row by row: the member by id or party card number, the cell by id or name, the final
 * rating or why there was none. A member no longer in the system is accepted with a name. Header
 * problems throw (400); everything else is a row error.
 */
export function validatePastMemberRows(table: Table, context: PastMembersContext): PastValidation<PastMemberRow> {
  const indexOf = matchHeaders(table.headers, pastMemberColumns);
  if (!indexOf.has('memberId') && !indexOf.has('partyCardNumber')) {
    matchHeaders(table.headers, pastMemberColumns.map((c) => (c.key === 'memberId' ? { ...c, required: true } : c)));
  }
  const findUnit = unitLookup(context.units, isCell, 'chi bộ');
  const errors = new RowErrorList();
  const rows: PastMemberRow[] = [];
  const seen = new Map<string, number>();
  for (const tableRow of table.rows) {
    const { row } = tableRow;
    const v = readRowValues(pastMemberColumns, indexOf, tableRow, errors);
    const given = typeof v.memberId === 'string' ? v.memberId : null;
    const card = typeof v.partyCardNumber === 'string' ? v.partyCardNumber.replace(/\s+/g, '') : null;
    if (given !== null && !MemberId.safeParse(given).success) {
      errors.add({ row, column: header('memberId'), code: 'INVALID_MEMBER_ID', message: `Mã đảng viên "${excerpt(given)}" không hợp lệ: chỉ gồm chữ, số và . _ - /.` });
    }
    if (given === null && card === null && !errors.hasRow(row)) {
      errors.add({ row, column: header('memberId'), code: 'REQUIRED', message: 'Ghi mã đảng viên hoặc số thẻ đảng viên.' });
    }
    const byId = given === null ? undefined : context.membersById.get(given);
    const byCard = card === null ? undefined : context.membersByCard.get(card) ?? context.membersById.get(card);
    if (byId && byCard && byId.id !== byCard.id) {
      errors.add({ row, column: header('partyCardNumber'), code: 'MEMBER_MISMATCH', message: `Số thẻ "${excerpt(card!)}" là của đảng viên khác với mã "${excerpt(given!)}".` });
    }
    const member = byId ?? byCard;
    const fullName = typeof v.fullName === 'string' ? v.fullName : null;
    if (member && fullName !== null && !sameName(fullName, member.fullName)) {
      errors.add({ row, column: header('fullName'), code: 'NAME_MISMATCH', message: `Họ và tên "${excerpt(fullName)}" không khớp với hệ thống ("${member.fullName}").` });
    }
    if (!member && (given !== null || card !== null) && fullName === null) {
      errors.add({ row, column: header('fullName'), code: 'REQUIRED', message: 'Đảng viên không có trong hệ thống: cần ghi họ và tên.' });
    }
    const memberId = member?.id ?? given ?? card;
    if (memberId !== null && !errors.hasRow(row)) {
      const first = seen.get(memberId);
      if (first !== undefined) errors.add({ row, column: header('memberId'), code: 'DUPLICATE_MEMBER_ID', message: `Đảng viên này đã có ở dòng ${first}.` });
      else seen.set(memberId, row);
    }
    let unitId: string | null = null;
    if (typeof v.unit === 'string') {
      const found = findUnit(v.unit);
      if (!found.ok) errors.add({ row, column: header('unit'), code: found.code, message: found.message });
      else if (context.lockedUnits.has(found.unit.id)) errors.add({ row, column: header('unit'), code: 'UNIT_HAS_RESULTS', message: locked(found.unit) });
      else unitId = found.unit.id;
    }
    checkOutcome(row, filled(tableRow, indexOf.get('rating')) ? 'given' : null, filled(tableRow, indexOf.get('notRatedReason')) ? 'given' : null, header('rating'), errors);
    if (errors.hasRow(row) || memberId === null || unitId === null) continue;
    rows.push({
      row, unitId, memberId, known: Boolean(member), fullName: member ? member.fullName : fullName,
      rating: (v.rating as Rating | undefined) ?? null,
      notRatedReason: (v.notRatedReason as PastNotRatedReason | undefined) ?? null,
      discipline: (v.discipline as Discipline | undefined) ?? null,
    });
  }
  return { rows, errors: errors.listed, errorCount: errors.count, total: table.rows.length };
}

export interface PastUnitsContext {
  units: readonly PastUnitRef[];
  /** The kinds rated as collectives under the year's rulebook. */
  isRated: (kind: UnitKind) => boolean;
  lockedUnits: ReadonlySet<string>;
}

export interface PastUnitRow {
  row: number;
  unitId: string;
  rating: Rating | null;
  notRatedReason: PastUnitNotRatedReason | null;
  discipline: OrgDiscipline | null;
}

/** Checks a file of organisations' results of an earlier year, row by row, as the members' file. */
export function validatePastUnitRows(table: Table, context: PastUnitsContext): PastValidation<PastUnitRow> {
  const indexOf = matchHeaders(table.headers, pastUnitColumns);
  const findUnit = unitLookup(context.units, context.isRated, 'tổ chức đảng được xếp loại');
  const errors = new RowErrorList();
  const rows: PastUnitRow[] = [];
  const seen = new Map<string, number>();
  for (const tableRow of table.rows) {
    const { row } = tableRow;
    const v = readRowValues(pastUnitColumns, indexOf, tableRow, errors);
    let unitId: string | null = null;
    if (typeof v.unit === 'string') {
      const found = findUnit(v.unit);
      if (!found.ok) errors.add({ row, column: unitHeader('unit'), code: found.code, message: found.message });
      else if (seen.has(found.unit.id)) errors.add({ row, column: unitHeader('unit'), code: 'DUPLICATE_UNIT', message: `"${found.unit.name}" đã có ở dòng ${seen.get(found.unit.id)}.` });
      else if (context.lockedUnits.has(found.unit.id)) errors.add({ row, column: unitHeader('unit'), code: 'UNIT_HAS_RESULTS', message: locked(found.unit) });
      else {
        seen.set(found.unit.id, row);
        unitId = found.unit.id;
      }
    }
    checkOutcome(row, filled(tableRow, indexOf.get('rating')) ? 'given' : null, filled(tableRow, indexOf.get('notRatedReason')) ? 'given' : null, unitHeader('rating'), errors);
    if (errors.hasRow(row) || unitId === null) continue;
    rows.push({
      row, unitId,
      rating: (v.rating as Rating | undefined) ?? null,
      notRatedReason: (v.notRatedReason as PastUnitNotRatedReason | undefined) ?? null,
      discipline: (v.discipline as OrgDiscipline | undefined) ?? null,
    });
  }
  return { rows, errors: errors.listed, errorCount: errors.count, total: table.rows.length };
}
