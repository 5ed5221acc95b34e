import middy from '@middy/core';
import { z } from 'zod';
import { lambdaConfig } from '@kd/config';
import { createStore, listAllBoards } from '@kd/data';
import { latestDailyTick, dueInstants, type Tick } from '@kd/domain';
import { reportableCampaigns, storedCampaigns, storedCompletions, runTick, unavailableMilestoneScheduler, type ReportJobDeps, type MilestoneScheduler } from '@kd/services';
import { sesMailer } from './ses-mailer';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import type { Context } from 'aws-lambda';
import { eventBridgeMilestoneScheduler } from './eventbridge-milestone-scheduler';

/**
 * What EventBridge Scheduler delivers. The daily schedule sends no input of its own, so the tick
 * is the latest 07:00 at or before the moment it runs — a retry within the 4-hour event age still
 * names the same tick. A one-off milestone schedule sends `{kind: "due", at}`.
 */
export const DeadlineReportEvent = z
  .object({ kind: z.enum(['daily', 'due']).optional(), at: z.iso.datetime({ offset: true }).optional() })
  .loose()
  .nullish();

/** Scheduler may deliver a moment early; a daily run within this margin before 07:00 is that 07:00. */
const EARLY_MARGIN_MS = 60_000;

export function tickOfEvent(event: unknown, now: Date): Tick {
  const parsed = DeadlineReportEvent.safeParse(event);
  const e = parsed.success ? parsed.data : undefined;
  if (e?.kind === 'due' && e.at) return { kind: 'due', at: new Date(e.at).toISOString() };
  return { kind: 'daily', at: latestDailyTick(new Date(now.getTime() + EARLY_MARGIN_MS)).toISOString() };
}

/** The handler over given deps (tests build it with a local table and the outbox). */
export function createDeadlineReportHandler(deps: ReportJobDeps, milestones: MilestoneScheduler) {
  return async (event: unknown) => {
    const tick = tickOfEvent(event, deps.now());
    const outcome = await runTick(deps, tick);
    // Keep the due-time schedules in step with the campaigns (idempotent).
    const tenants = new Set((await listAllBoards(deps.store)).map((b) => b.tenant));
    const dues = (await Promise.all([...tenants].map((t) => reportableCampaigns(deps.campaigns, t)))).flat().flatMap((c) => dueInstants(c.milestones));
    await milestones.ensure(dues, deps.now());
    return { tickId: outcome.tickId, reports: outcome.reports.filter((r) => r.claimed).length, reminders: outcome.reminders, retried: outcome.retried };
  };
}

let cached: ReturnType<typeof createDeadlineReportHandler> | undefined;
const log = (message: string, details?: Record<string, unknown>) => console.log(JSON.stringify({ message, ...details }));

let functionArn = '';

function fromEnvironment() {
  const env = lambdaConfig('deadlineReport');
  const milestones =
    env.SCHEDULE_GROUP_NAME && env.SCHEDULER_ROLE_ARN && env.SCHEDULE_DEAD_LETTER_ARN
      ? eventBridgeMilestoneScheduler({
          client: new SchedulerClient({}),
          groupName: env.SCHEDULE_GROUP_NAME,
          roleArn: env.SCHEDULER_ROLE_ARN,
          deadLetterArn: env.SCHEDULE_DEAD_LETTER_ARN,
          targetArn: () => functionArn,
        })
      : unavailableMilestoneScheduler(log);
  const store = createStore({ tableName: env.TABLE_NAME, region: env.AWS_REGION });
  return createDeadlineReportHandler(
    {
      store,
      mailer: sesMailer(),
      from: env.SES_FROM,
      appUrl: env.APP_URL,
      now: () => new Date(),
      campaigns: storedCampaigns(store),
      completions: storedCompletions(store),
      log,
    },
    milestones,
  );
}

/** Lambda entry (functions/deadline-report.ts): EventBridge Scheduler event → one tick. */
export const deadlineReportHandler = middy().handler(async (event: unknown, context: Context) => {
  functionArn = context.invokedFunctionArn;
  cached ??= fromEnvironment();
  return cached(event);
});
