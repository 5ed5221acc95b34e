import { isBaseOrganisation, unitKindLabels, type UnitKind } from '../unit-kind';
import { formatPercent } from './format';
import { memberCoverageFigures, memberRatingFigures, unitRatingFigures } from './figures';
import type { RollupNumbers, RollupResponse } from './view';

/** A cell of a report table: text, a count, or a share (a fraction shown as a percentage). */
export type ReportTableCell = string | number | { share: number | null };

export interface ReportTable {
  title: string;
  subtitle: string;
  /** Column headings in Vietnamese, numbered as docs/rulebooks.md ("Report tables") numbers them. */
  headers: string[];
  rows: ReportTableCell[][];
  /** Rows to print in bold (subtotals, total). */
  emphasised: number[];
}

const kindOrder: UnitKind[] = ['bloc', 'baseCommittee', 'baseCell', 'subCommittee', 'cell', 'group'];

function kindLabel(kind: UnitKind): string {
  return kind === 'bloc' ? 'Đảng bộ cấp trên cơ sở' : unitKindLabels[kind];
}

/** "12,5 % — trong giới hạn" / "… — vượt" for the ≤ 20 % check. */
function capCheck(excellent: number, good: number, withinCap: boolean | null): string {
  if (good === 0 && excellent === 0) return '';
  const ratio = formatPercent(excellent, good);
  if (withinCap === null) return ratio;
  return `${ratio} — ${withinCap ? 'đạt' : 'vượt tỷ lệ'}`;
}

function grouped(children: readonly RollupNumbers[]): [UnitKind, RollupNumbers[]][] {
  return kindOrder
    .map((k) => [k, children.filter((c) => c.kind === k)] as [UnitKind, RollupNumbers[]])
    .filter(([, list]) => list.length > 0);
}

function sumNumbers(list: readonly RollupNumbers[], pick: (n: RollupNumbers) => number): number {
  return list.reduce((s, n) => s + pick(n), 0);
}

/**
 * Biểu 1 — Kết quả đánh giá, xếp loại tổ chức đảng (docs/rulebooks.md, "Report tables"): one row per subordinate unit,
 * subtotals by type, then the unit's total. Percentages are of the organisations rated (column 6).
 */
export function bieu1(rollup: RollupResponse): ReportTable {
  const headers = [
    '(1) STT', '(2) Tên đơn vị', '(3) Loại hình', '(4) Tổng số tổ chức đảng', '(5) Số không đánh giá, chưa xếp loại',
    '(6) Số được đánh giá, xếp loại', '(7) HTXSNV: số lượng', '(8) HTXSNV: %', '(9) HTTNV: số lượng', '(10) HTTNV: %',
    '(11) HTNV: số lượng', '(12) HTNV: %', '(13) KHTNV: số lượng', '(14) KHTNV: %', '(15) Tỷ lệ HTXSNV/HTTNV (≤ 20 %)', '(16) Ghi chú',
  ];
  const row = (stt: string, name: string, kind: string, u: RollupNumbers['units'], note: string): (string | number | { share: number | null })[] => [
    stt, name, kind, u.total, u.notRated, u.rated,
    // Columns 7–14: the same figures as the dashboard's, out of the organisations rated.
    ...unitRatingFigures(u).flatMap((f) => [f.count, { share: f.share }]),
    capCheck(u.excellent, u.good, null), note,
  ];
  const rows: ReportTableCell[][] = [];
  const emphasised: number[] = [];
  let stt = 0;
  for (const [kind, list] of grouped(rollup.children)) {
    for (const child of list) rows.push(row(String(++stt), child.name, kindLabel(child.kind), child.units, child.units.total === 0 ? 'Không có tổ chức đảng được đánh giá' : ''));
    if (list.length > 1) {
      const u = Object.fromEntries((['total', 'notRated', 'rated', 'excellent', 'good', 'complete', 'incomplete'] as const).map((k) => [k, sumNumbers(list, (n) => n.units[k])])) as RollupNumbers['units'];
      emphasised.push(rows.length);
      rows.push(row('', `Cộng ${kindLabel(kind).toLocaleLowerCase('vi')}`, kindLabel(kind), u, ''));
    }
  }
  emphasised.push(rows.length);
  rows.push(row('', `Tổng cộng ${rollup.name}`, kindLabel(rollup.kind), rollup.units, ''));
  return { title: 'Biểu 1 — Kết quả đánh giá, xếp loại tổ chức đảng', subtitle: `${rollup.name} · Năm ${rollup.year}`, headers, rows, emphasised };
}

/**
 * Biểu 2 — Kết quả đánh giá, xếp loại đảng viên (docs/rulebooks.md, "Report tables"): one row per subordinate unit and
 * the total; column 8 = 3 − 4 − 5 − 6 − 7; percentages are of the members rated (column 8);
 * column 17 is R-QUOTA-01 at base organisations (and the sums above them); column 18 the members the
 * rewards list proposes (in the year, five years running) when `rewards` is given, and those disciplined.
 */
/** Members proposed for an award, per unit of the subtree (the rewards list, R-REW-01): Biểu 2 column 18. */
export type RewardCountsByUnit = ReadonlyMap<string, { year: number; fiveYears: number }>;

function rewardsAndDiscipline(unitId: string, disciplined: number, rewards: RewardCountsByUnit | undefined): string {
  const r = rewards?.get(unitId);
  const parts = [
    ...(rewards ? [`HTXS trong năm: ${r?.year ?? 0}; HTXS 5 năm liền: ${r?.fiveYears ?? 0}`] : []),
    ...(disciplined > 0 ? [`Bị kỷ luật trong năm: ${disciplined}`] : []),
  ];
  return parts.join(' · ');
}

export function bieu2(rollup: RollupResponse, rewards?: RewardCountsByUnit): ReportTable {
  const headers = [
    '(1) STT', '(2) Tên đơn vị', '(3) Tổng số đảng viên', '(4) Miễn công tác và sinh hoạt đảng', '(5) Bị đình chỉ sinh hoạt đảng',
    '(6) Mới kết nạp dưới 6 tháng', '(7) Chưa xếp loại (vắng, chờ)', '(8) Số được đánh giá, xếp loại', '(9) HTXSNV: số lượng', '(10) HTXSNV: %',
    '(11) HTTNV: số lượng', '(12) HTTNV: %', '(13) HTNV: số lượng', '(14) HTNV: %', '(15) KHTNV: số lượng', '(16) KHTNV: %',
    '(17) Tỷ lệ HTXSNV/HTTNV (≤ 20 %)', '(18) Khen thưởng; bị kỷ luật',
  ];
  const row = (stt: string, n: RollupNumbers): ReportTableCell[] => {
    const m = n.members;
    const quotaApplies = isBaseOrganisation(n.kind) || n.kind === 'bloc' || n.kind === 'province';
    return [
      stt, n.name, m.total, m.exempt, m.suspended, m.newMember, memberCoverageFigures(m).find((f) => f.key === 'notYet')!.count, m.rated,
      // Columns 9–16: the same figures as the dashboard's, out of the members rated (column 8).
      ...memberRatingFigures(m).flatMap((f) => [f.count, { share: f.share }]),
      quotaApplies ? capCheck(n.quota.excellent, n.quota.good, n.quota.withinCap) : capCheck(m.excellent, m.good, null),
      rewardsAndDiscipline(n.unitId, m.disciplined, rewards),
    ];
  };
  const rows: ReportTableCell[][] = [];
  let stt = 0;
  for (const [, list] of grouped(rollup.children)) for (const child of list) rows.push(row(String(++stt), child));
  const emphasised = [rows.length];
  rows.push(row('', { ...rollup, name: `Tổng cộng ${rollup.name}` }));
  return { title: 'Biểu 2 — Kết quả đánh giá, xếp loại đảng viên', subtitle: `${rollup.name} · Năm ${rollup.year}`, headers, rows, emphasised };
}
