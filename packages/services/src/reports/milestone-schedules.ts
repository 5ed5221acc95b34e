/**
 * One-off EventBridge Scheduler schedules at each milestone's due time (the CDK gives the function
 * the group, the role and the dead-letter queue for them: SCHEDULE_GROUP_NAME, SCHEDULER_ROLE_ARN,
 * SCHEDULE_DEAD_LETTER_ARN; `eventbridge-milestone-scheduler.ts` creates them). Without that
 * configuration the adapter below only says so, and the daily 07:00 run reports a milestone that
 * fell due the next morning.
 */
export interface MilestoneScheduler {
  /** Makes sure a schedule exists for each due instant in the future (idempotent: named by instant). */
  ensure(dues: readonly Date[], now: Date): Promise<void>;
}

/** The schedule name for a due instant: `due-20211221T170000Z`. */
export function dueScheduleName(due: Date): string {
  return `due-${due.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')}`;
}

/** The event a one-off schedule sends: the handler turns it into a `due` tick. */
export function dueScheduleInput(due: Date): string {
  return JSON.stringify({ kind: 'due', at: due.toISOString() });
}

export function unavailableMilestoneScheduler(log: (message: string, details?: Record<string, unknown>) => void): MilestoneScheduler {
  let said = false;
  return {
    async ensure(dues, now) {
      if (said) return;
      said = true;
      const upcoming = dues.filter((d) => d.getTime() > now.getTime()).map((d) => d.toISOString());
      if (upcoming.length > 0) log('milestone schedules not created: no schedule group configured', { upcoming });
    },
  };
}
