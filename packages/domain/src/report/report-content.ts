import { z } from 'zod';
import { vietnamDateOf, type LocalDate } from '../local-date';
import { UnitKind } from '../unit-kind';
import { CompletionStatus, Counts } from './completion';
import { TickKind } from './tick';
import { ReportEvent } from './report-event';

/** One expected unit on one milestone. `groupId` is the child of the board it sits under. */
export const UnitProgress = z.object({
  unitId: z.string(),
  name: z.string(),
  kind: UnitKind,
  groupId: z.string(),
  groupName: z.string(),
  /** The unit directly above (not the board's child in its place): two "Chi bộ Khóm 2" are told apart by it. Absent from reports kept before it was recorded. */
  parentId: z.string().optional(),
  parentName: z.string().optional(),
  status: CompletionStatus,
  completedAt: z.string().nullable(),
});
export type UnitProgress = z.infer<typeof UnitProgress>;

/** Totals for one child of the board: a bloc in the province's report, a base committee in a bloc's. */
export const GroupProgress = z.object({ unitId: z.string(), name: z.string(), kind: UnitKind, counts: Counts });
export type GroupProgress = z.infer<typeof GroupProgress>;

export const MilestoneProgress = z.object({
  milestoneId: z.string(),
  title: z.string(),
  event: ReportEvent,
  eventLabel: z.string(),
  /** The deadline as the plan words it ("trước ngày 22/12/2021"). */
  deadline: z.string(),
  dueAt: z.string(),
  /** The due time has passed at `asOf`: units not done are missing, not open. */
  passed: z.boolean(),
  /** False when the completing event is not recorded by the system yet. */
  recordable: z.boolean(),
  counts: Counts,
  groups: z.array(GroupProgress),
  units: z.array(UnitProgress),
});
export type MilestoneProgress = z.infer<typeof MilestoneProgress>;

/** The content of one deadline report for one organising board: what is kept, rendered and mailed. */
export const ReportContent = z.object({
  tenant: z.string(),
  board: z.object({ unitId: z.string(), name: z.string(), kind: UnitKind }),
  year: z.number().int(),
  asOf: z.string(),
  tickId: z.string(),
  trigger: TickKind,
  milestones: z.array(MilestoneProgress),
});
export type ReportContent = z.infer<typeof ReportContent>;

/** Counts that tell the board at a glance who is behind. */
export function reportSummary(content: ReportContent): { late: number; missing: number; onTime: number; expected: number } {
  let late = 0;
  let missing = 0;
  let onTime = 0;
  let expected = 0;
  for (const m of content.milestones) {
    late += m.counts.late;
    missing += m.counts.missing;
    onTime += m.counts.onTime;
    expected += m.counts.expected;
  }
  return { late, missing, onTime, expected };
}

export interface LateUnit {
  milestoneId: string;
  title: string;
  deadline: string;
  unitId: string;
  name: string;
  groupName: string;
  /** The unit directly above it (the board's child for reports kept before parents were recorded). */
  parentName: string;
  status: Extract<CompletionStatus, 'late' | 'missing'>;
  completedAt: string | null;
  /**
   * Calendar days (Vietnamese dates) past the milestone's last day: until it was done for a late
   * unit, until the report's moment for a missing one. The milestone's dates as the board reads them.
   */
  daysOverdue: number;
}

const DAY = 86_400_000;
const daysBetween = (from: LocalDate, to: LocalDate) => Math.round((Date.parse(to) - Date.parse(from)) / DAY);

/** Units late or missing on any milestone, milestone by milestone, for the drill-down list. */
export function lateUnits(content: Pick<ReportContent, 'milestones' | 'asOf'>): LateUnit[] {
  const today = vietnamDateOf(new Date(content.asOf));
  return content.milestones.flatMap((m) => {
    const lastDay = vietnamDateOf(new Date(new Date(m.dueAt).getTime() - 1));
    return m.units
      .filter((u): u is UnitProgress & { status: 'late' | 'missing' } => u.status === 'late' || u.status === 'missing')
      .map((u) => ({
        milestoneId: m.milestoneId,
        title: m.title,
        deadline: m.deadline,
        unitId: u.unitId,
        name: u.name,
        groupName: u.groupName,
        parentName: u.parentName ?? u.groupName,
        status: u.status,
        completedAt: u.completedAt,
        daysOverdue: Math.max(0, daysBetween(lastDay, u.completedAt ? vietnamDateOf(new Date(u.completedAt)) : today)),
      }));
  });
}
