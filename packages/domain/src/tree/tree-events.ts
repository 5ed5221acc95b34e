import { DomainError } from '../errors/domain-error';
import { formatVietnameseDate, type LocalDate } from '../local-date';
import { lastEventOn, type DatedUnit } from './unit-history';

/** The dated events of the tree (docs/tree-history.md). */
export const treeEventKinds = ['found', 'rename', 'move', 'merge', 'split', 'close', 'provinceMerge'] as const;
export type TreeEventKind = (typeof treeEventKinds)[number];

export const treeEventLabels: Record<TreeEventKind, string> = {
  found: 'Thành lập',
  rename: 'Đổi tên',
  move: 'Chuyển về trực thuộc đơn vị khác',
  merge: 'Hợp nhất',
  split: 'Chia tách',
  close: 'Giải thể',
  provinceMerge: 'Hợp nhất tỉnh',
};

/**
 * An event's date must not lie in the future (the tree as recorded is the tree of today) and must
 * not come before an event already recorded for a unit it touches: a unit's history is written in
 * date order, so a campaign's tree on its rating date is read from the periods alone.
 */
export function checkEventDate(on: LocalDate, today: LocalDate, units: readonly DatedUnit[]): void {
  if (on > today) {
    throw new DomainError('EVENT_IN_FUTURE', `Ngày hiệu lực ${formatVietnameseDate(on)} chưa đến: chỉ ghi nhận sự kiện đã có hiệu lực (đến hôm nay ${formatVietnameseDate(today)}).`);
  }
  for (const unit of units) {
    const last = lastEventOn(unit);
    if (last !== null && on < last) {
      throw new DomainError('EVENT_BEFORE_LAST', `Ngày hiệu lực ${formatVietnameseDate(on)} trước sự kiện đã ghi nhận của "${unit.name}" (ngày ${formatVietnameseDate(last)}): sự kiện của một đơn vị được ghi theo thứ tự thời gian.`, { unitId: unit.id, last });
    }
  }
}
