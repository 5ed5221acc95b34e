import type { Milestone } from '../campaign';
import type { MilestoneProgress } from './report-content';
import { milestonesToRemind } from './schedule';

export interface Reminder {
  unitId: string;
  unitName: string;
  milestone: Pick<MilestoneProgress, 'milestoneId' | 'title' | 'eventLabel' | 'deadline' | 'dueAt'>;
}

/**
 * The reminders a board sends at a daily run: for each milestone whose reminder day is today, one
 * per expected unit that has not acted yet. Units under a nested board that has its own settings
 * are that board's to remind (`ownedElsewhere`), so no unit is reminded twice.
 */
export function remindersDue(
  milestones: readonly MilestoneProgress[],
  plan: readonly Pick<Milestone, 'id' | 'wording' | 'date' | 'fromDate'>[],
  at: Date,
  daysBefore: readonly number[],
  ownedElsewhere: (unitId: string) => boolean,
): Reminder[] {
  const today = new Set(milestonesToRemind(plan, at, daysBefore).map((m) => m.id));
  return milestones
    .filter((m) => today.has(m.milestoneId) && m.recordable && !m.passed)
    .flatMap((m) =>
      m.units
        .filter((u) => u.status === 'open' && !ownedElsewhere(u.unitId))
        .map((u) => ({
          unitId: u.unitId,
          unitName: u.name,
          milestone: { milestoneId: m.milestoneId, title: m.title, eventLabel: m.eventLabel, deadline: m.deadline, dueAt: m.dueAt },
        })),
    );
}
