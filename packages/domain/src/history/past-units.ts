import type { UnitKind } from '../unit-kind';
import type { RowErrorCode } from '../upload/row-error';
import { excerpt } from '../upload/row-error';

/** A unit an import may name: any unit of the importing unit's subtree, closed ones included. */
export interface PastUnitRef {
  id: string;
  name: string;
  kind: UnitKind;
}

export type UnitLookup = { ok: true; unit: PastUnitRef } | { ok: false; code: RowErrorCode; message: string };

const fold = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');

/**
 * Finds the unit a cell names, by id first, then by name (NFC, spaces and case folded). A name two
 * units share is refused: the row must give the unit's id instead. A unit outside the list is
 * "unknown", whether it exists elsewhere or not, so nothing about other subtrees leaks.
 */
export function unitLookup(units: readonly PastUnitRef[], accepts: (kind: UnitKind) => boolean, kindWanted: string): (text: string) => UnitLookup {
  const byId = new Map(units.map((u) => [u.id, u]));
  const byName = new Map<string, PastUnitRef[]>();
  for (const u of units) byName.set(fold(u.name), [...(byName.get(fold(u.name)) ?? []), u]);
  return (text) => {
    const found = byId.get(text.trim()) ?? (byName.get(fold(text))?.length === 1 ? byName.get(fold(text))![0] : undefined);
    if (!found) {
      if ((byName.get(fold(text))?.length ?? 0) > 1) {
        return { ok: false, code: 'AMBIGUOUS_UNIT', message: `Có nhiều đơn vị tên "${excerpt(text)}"; hãy ghi mã đơn vị.` };
      }
      return { ok: false, code: 'UNKNOWN_UNIT', message: `Không tìm thấy đơn vị "${excerpt(text)}" trong phạm vi quản lý.` };
    }
    if (!accepts(found.kind)) return { ok: false, code: 'WRONG_UNIT_KIND', message: `"${found.name}" không phải là ${kindWanted}.` };
    return { ok: true, unit: found };
  };
}
