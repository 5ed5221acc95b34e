import { z } from 'zod';
import { isOnTime, milestoneWindow } from '../deadline';
import type { ReportEvent, ReportMilestone } from './report-event';

/**
 * Where a unit stands on one milestone at a moment: done on time, done late, not done after the
 * due time (missing), not done yet while there is still time (open), or the completing event is not
 * something the system records yet (unrecorded: "chưa ghi nhận").
 */
export const completionStatuses = ['onTime', 'late', 'missing', 'open', 'unrecorded'] as const;
export const CompletionStatus = z.enum(completionStatuses);
export type CompletionStatus = z.infer<typeof CompletionStatus>;

export const completionStatusLabels: Record<CompletionStatus, string> = {
  onTime: 'Đúng hạn',
  late: 'Trễ hạn',
  missing: 'Quá hạn, chưa thực hiện',
  open: 'Chưa thực hiện (chưa đến hạn)',
  unrecorded: 'Chưa ghi nhận',
};

/**
 * When each event was recorded for one unit (ISO instants). For `dossierSubmitted` this is the
 * FIRST submission: a dossier returned and submitted again was still submitted when it was first
 * sent, so a resubmission after a return never makes the unit late.
 */
export type UnitCompletions = Partial<Record<ReportEvent, string | null>>;

/** Status of one unit on one milestone, seen at `now`. */
export function completionStatus(
  m: Pick<ReportMilestone, 'wording' | 'date' | 'fromDate' | 'event'>,
  completedAt: string | null | undefined,
  now: Date,
  recordable: boolean,
): CompletionStatus {
  if (completedAt) {
    const at = new Date(completedAt);
    // An event recorded after `now` (a clock set back in a test, a late-arriving write) is not yet done.
    if (at.getTime() <= now.getTime()) return isOnTime(m, at) ? 'onTime' : 'late';
  }
  if (!recordable) return 'unrecorded';
  return now.getTime() >= milestoneWindow(m).due.getTime() ? 'missing' : 'open';
}

export const Counts = z.object({
  expected: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  onTime: z.number().int().nonnegative(),
  late: z.number().int().nonnegative(),
  missing: z.number().int().nonnegative(),
  open: z.number().int().nonnegative(),
  unrecorded: z.number().int().nonnegative(),
});
export type Counts = z.infer<typeof Counts>;

export function countStatuses(statuses: readonly CompletionStatus[]): Counts {
  const c: Counts = { expected: statuses.length, done: 0, onTime: 0, late: 0, missing: 0, open: 0, unrecorded: 0 };
  for (const s of statuses) c[s] += 1;
  c.done = c.onTime + c.late;
  return c;
}
