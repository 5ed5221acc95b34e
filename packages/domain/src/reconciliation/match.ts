import type { LocalDate } from '../local-date';
import { foldText, type CentralField } from './central-fields';
import type { CentralRecord, CentralStatus } from './central-rows';

/** One of our members as reconciliation compares them (the identity record's fields included). */
export interface OurMember {
  memberId: string;
  unitId: string;
  fullName: string;
  birthDate: LocalDate | null;
  admittedOn: LocalDate;
  status: CentralStatus;
  /** The identity record's card number; else the member id, which is the card number where a province uses it. */
  partyCardNumber: string | null;
  nationalIdHash: string | null;
  nationalIdLast4: string | null;
}

export const differenceFields = ['cell', 'fullName', 'birthDate', 'admittedOn', 'status', 'nationalId'] as const;
export type DifferenceField = (typeof differenceFields)[number];

export const differenceLabels: Record<DifferenceField, string> = {
  cell: 'Chi bộ',
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  admittedOn: 'Ngày vào Đảng',
  status: 'Chính thức / dự bị',
  nationalId: 'Số định danh cá nhân (4 số cuối)',
};

export interface Difference {
  field: DifferenceField;
  /** Values as text: dates `YYYY-MM-DD`, unit ids, `official`/`probationary`, the last four digits of a national id. */
  ours: string | null;
  central: string | null;
}

export type MatchedBy = 'card' | 'nationalId' | 'nameBirth';

export type ReconciliationEntry =
  | { kind: 'onlyHere'; member: OurMember }
  | { kind: 'onlyThere'; central: CentralRecord; unitId: string | null; note: string | null }
  | { kind: 'differs'; member: OurMember; central: CentralRecord; unitId: string | null; matchedBy: MatchedBy; differences: Difference[] };

export interface ReconciliationResult {
  entries: ReconciliationEntry[];
  matched: { card: number; nationalId: number; nameBirth: number };
  /** Matched with nothing to correct. */
  same: number;
  /** Central rows placed (through the cell mapping) in units outside the reconciled subtree: not compared. */
  outsideScope: number;
  /** Cell names of the export with no line in the province's cell mapping, and how many rows name each. */
  unmappedCells: { name: string; rows: number }[];
}

export interface ReconcileInput {
  /** Our members of the reconciled subtree. */
  ours: readonly OurMember[];
  central: readonly CentralRecord[];
  /** The fields the export has columns for. */
  fields: readonly CentralField[];
  /** The province's table: folded central cell name → unit id. Never matched by name alone. */
  cellMapping: ReadonlyMap<string, string>;
  /** Units of the reconciled subtree: a central row mapped elsewhere is not compared. */
  inScope: (unitId: string) => boolean;
}

const nameBirthKey = (name: string, birth: LocalDate | null) => (birth ? `${foldText(name)}|${birth}` : null);

/**
 * Compares our members with an export of the central database: each central row is matched by
 * party card number, else by national id (keyed hash), else by name and birth date (NFC, case and
 * space folded) when exactly one of our members has them. The cell is compared through the
 * province's cell mapping only. Returns members only here, rows only there, and matched pairs
 * that differ in cell, name, birth date, admission date, status or national id. Pure.
 */
export function reconcile(input: ReconcileInput): ReconciliationResult {
  const byCard = new Map<string, OurMember>();
  const byNid = new Map<string, OurMember>();
  const byNameBirth = new Map<string, OurMember[]>();
  for (const m of input.ours) {
    byCard.set(m.memberId, m);
    if (m.partyCardNumber) byCard.set(m.partyCardNumber, m);
    if (m.nationalIdHash) byNid.set(m.nationalIdHash, m);
    const key = nameBirthKey(m.fullName, m.birthDate);
    if (key) byNameBirth.set(key, [...(byNameBirth.get(key) ?? []), m]);
  }
  const taken = new Set<string>();
  const entries: ReconciliationEntry[] = [];
  const matched = { card: 0, nationalId: 0, nameBirth: 0 };
  let same = 0;
  let outsideScope = 0;
  const unmapped = new Map<string, { name: string; rows: number }>();
  const has = new Set(input.fields);

  for (const c of input.central) {
    const unitId = input.cellMapping.get(foldText(c.cellName)) ?? null;
    if (unitId === null) {
      const u = unmapped.get(foldText(c.cellName)) ?? { name: c.cellName, rows: 0 };
      u.rows++;
      unmapped.set(foldText(c.cellName), u);
    }
    const free = (m: OurMember | undefined) => (m && !taken.has(m.memberId) ? m : undefined);
    let member: OurMember | undefined;
    let by: MatchedBy = 'card';
    let note: string | null = null;
    if (c.partyCardNumber) member = free(byCard.get(c.partyCardNumber));
    if (!member && c.nationalIdHash && (member = free(byNid.get(c.nationalIdHash)))) by = 'nationalId';
    if (!member) {
      const key = nameBirthKey(c.fullName, c.birthDate);
      const candidates = key ? (byNameBirth.get(key) ?? []).filter((m) => !taken.has(m.memberId)) : [];
      if (candidates.length === 1) {
        member = candidates[0];
        by = 'nameBirth';
      } else if (candidates.length > 1) {
        note = `${candidates.length} đảng viên cùng họ tên và ngày sinh: cần đối chiếu bằng số thẻ hoặc số định danh cá nhân.`;
      }
    }
    if (!member) {
      if (unitId !== null && !input.inScope(unitId)) outsideScope++;
      else entries.push({ kind: 'onlyThere', central: c, unitId, note });
      continue;
    }
    taken.add(member.memberId);
    matched[by === 'card' ? 'card' : by === 'nationalId' ? 'nationalId' : 'nameBirth']++;
    const differences = compare(member, c, unitId, has);
    if (differences.length === 0) same++;
    else entries.push({ kind: 'differs', member, central: c, unitId, matchedBy: by, differences });
  }
  for (const m of input.ours) if (!taken.has(m.memberId)) entries.push({ kind: 'onlyHere', member: m });
  return { entries, matched, same, outsideScope, unmappedCells: [...unmapped.values()] };
}

function compare(m: OurMember, c: CentralRecord, unitId: string | null, has: ReadonlySet<CentralField>): Difference[] {
  const out: Difference[] = [];
  if (unitId !== null && unitId !== m.unitId) out.push({ field: 'cell', ours: m.unitId, central: unitId });
  if (foldText(m.fullName) !== foldText(c.fullName)) out.push({ field: 'fullName', ours: m.fullName, central: c.fullName });
  if (has.has('birthDate') && m.birthDate !== c.birthDate) out.push({ field: 'birthDate', ours: m.birthDate, central: c.birthDate });
  if (has.has('admittedOn') && m.admittedOn !== c.admittedOn) out.push({ field: 'admittedOn', ours: m.admittedOn, central: c.admittedOn });
  if (has.has('status') && c.status !== null && m.status !== c.status) out.push({ field: 'status', ours: m.status, central: c.status });
  if (m.nationalIdHash && c.nationalIdHash && m.nationalIdHash !== c.nationalIdHash) out.push({ field: 'nationalId', ours: m.nationalIdLast4, central: c.nationalIdLast4 });
  return out;
}
