import { compareText } from '../vietnamese-name';
import type { Counts } from './completion';
import { lateUnits, type LateUnit, type ReportContent } from './report-content';

/** How many units the e-mail names; the rest are in the attached file and behind the link. */
export const DIGEST_TOP = 10;
/** Children of the board listed in the e-mail before "và N đơn vị khác". */
export const DIGEST_GROUPS = 30;

export interface DigestGroup {
  name: string;
  expected: number;
  late: number;
  missing: number;
}

/** One of the most overdue units, with its worst milestone and how many others it is behind on. */
export interface DigestUnit extends LateUnit {
  otherMilestones: number;
}

export interface ReportDigest {
  totals: { expected: number; late: number; missing: number; lateItems: number; lateUnits: number };
  /** Every milestone with units to act, with its counts: the title appears once, here. */
  milestones: { title: string; deadline: string; recordable: boolean; counts: Counts }[];
  /** Per child of the board (each bloc in the province's report, each base committee in a bloc's), over every milestone. */
  groups: DigestGroup[];
  moreGroups: number;
  /** The most overdue units, grouped by the milestone of their worst item (titles once per group). */
  top: { title: string; deadline: string; units: DigestUnit[] }[];
}

const worse = (a: LateUnit, b: LateUnit) =>
  b.daysOverdue - a.daysOverdue || (a.status === b.status ? 0 : a.status === 'missing' ? -1 : 1) || compareText(a.parentName, b.parentName) || compareText(a.name, b.name);

/**
 * What a deadline report's e-mail says, whatever the size of the board's subtree: the counts per
 * milestone and per child of the board, and the ten units most overdue with their direct parent.
 * The full list goes in the attached .xlsx and the late-units page.
 */
export function reportDigest(content: ReportContent): ReportDigest {
  const late = lateUnits(content);
  const milestones = content.milestones
    .filter((m) => m.counts.expected > 0)
    .map((m) => ({ title: m.title, deadline: m.deadline, recordable: m.recordable, counts: m.counts }));
  const totals = { expected: 0, late: 0, missing: 0, lateItems: late.length, lateUnits: new Set(late.map((l) => l.unitId)).size };
  const groups = new Map<string, DigestGroup>();
  for (const m of content.milestones) {
    totals.expected += m.counts.expected;
    totals.late += m.counts.late;
    totals.missing += m.counts.missing;
    for (const g of m.groups) {
      const sum = groups.get(g.unitId) ?? { name: g.name, expected: 0, late: 0, missing: 0 };
      sum.expected += g.counts.expected;
      sum.late += g.counts.late;
      sum.missing += g.counts.missing;
      groups.set(g.unitId, sum);
    }
  }
  const behind = [...groups.values()].filter((g) => g.late + g.missing > 0).sort((a, b) => b.late + b.missing - (a.late + a.missing) || compareText(a.name, b.name));

  const byUnit = new Map<string, LateUnit[]>();
  for (const item of late) byUnit.set(item.unitId, [...(byUnit.get(item.unitId) ?? []), item]);
  const worst = [...byUnit.values()].map((items) => ({ ...items.sort(worse)[0]!, otherMilestones: items.length - 1 })).sort(worse).slice(0, DIGEST_TOP);
  const top: ReportDigest['top'] = [];
  for (const unit of worst) {
    const group = top.find((t) => t.title === unit.title && t.deadline === unit.deadline);
    if (group) group.units.push(unit);
    else top.push({ title: unit.title, deadline: unit.deadline, units: [unit] });
  }
  return { totals, milestones, groups: behind.slice(0, DIGEST_GROUPS), moreGroups: Math.max(0, behind.length - DIGEST_GROUPS), top };
}
