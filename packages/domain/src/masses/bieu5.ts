import type { ReportTable, ReportTableCell } from '../rollup/report-tables';
import { massesCountLabels, type MassesCounts } from './masses-counts';
import type { MassesRollupResponse } from './masses-rollup';

const { comments: c, remediation: r } = massesCountLabels;

/** Biểu 5's numbered headings: the columns Kế hoạch 03-KH/ĐUK asks the reports to give. */
export const bieu5Headers = [
  '(1) STT', '(2) Tên đơn vị', `(3) ${massesCountLabels.units}`, `(4) ${massesCountLabels.unitsRequired}`,
  `(5) ${massesCountLabels.sessionsHeld}`, `(6) ${massesCountLabels.sessionsComplete}`, `(7) ${massesCountLabels.membersSelfCriticised}`,
  `(8) ${massesCountLabels.membersAbsent}`, `(9) ${massesCountLabels.massesPresent}`, `(10) ${c.total}`, `(11) ${c.written}`, `(12) ${c.oral}`,
  `(13) ${c.dissenting}`, `(14) ${c.collective}`, `(15) ${c.individual}`, `(16) ${c.unclassified}`, `(17) ${r.items}`, `(18) ${r.done}`,
] as const;

function cells(x: MassesCounts): number[] {
  return [
    x.units, x.unitsRequired, x.sessionsHeld, x.sessionsComplete, x.membersSelfCriticised, x.membersAbsent, x.massesPresent,
    x.comments.total, x.comments.written, x.comments.oral, x.comments.dissenting, x.comments.collective, x.comments.individual, x.comments.unclassified,
    x.remediation.items, x.remediation.done,
  ];
}

/**
 * Biểu 5 — Tự phê bình và phê bình trước quần chúng: a row per direct child, then the unit's total.
 * Overdue remediation depends on the day it is read, so it is not a column (pages compute it).
 */
export function bieu5(rollup: MassesRollupResponse & { name: string }): ReportTable {
  const rows: ReportTableCell[][] = rollup.children.map((child, i) => [String(i + 1), child.name ?? child.unitId, ...cells(child)]);
  const emphasised = [rows.length];
  rows.push(['', `Tổng cộng ${rollup.name}`, ...cells(rollup)]);
  return {
    title: 'Biểu 5 — Tự phê bình và phê bình trước quần chúng',
    subtitle: `${rollup.name} · Năm ${rollup.year}`,
    headers: [...bieu5Headers],
    rows,
    emphasised,
  };
}
