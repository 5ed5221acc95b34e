import { join } from 'node:path';
import { putBoardConfigIfAbsent, listAllBoards } from '@kd/data';
import { dueInstants, nextTick, ticksBetween, tickId, type Tick } from '@kd/domain';
import { reportableCampaigns, storedCampaigns, storedCompletions, runTick, type CampaignSource, type CompletionSource, type Mailer, type ReportJobDeps, type TickOutcome } from '@kd/services';
import { outboxMailer } from '@kd/jobs';
import { DEFAULT_SENDER } from '@kd/config';
import { config } from './paths';
import type { BackgroundContext, BackgroundJob, StartJob } from './background';
import { generateDemo } from './demo';
import { isSeeded } from './seed';

/** A clock the scheduler waits on: the real one, or one a test moves forward. */
export interface SchedulerClock {
  now(): Date;
  /** Calls `fn` once `at` has come; answers a cancel function. */
  setTimer(at: Date, fn: () => Promise<void> | void): () => void;
}

/** Node timers cannot wait longer than about 24.8 days; longer waits are re-armed. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

export function realClock(now: () => Date = () => new Date()): SchedulerClock {
  return {
    now,
    setTimer(at, fn) {
      let handle: NodeJS.Timeout | undefined;
      let cancelled = false;
      const arm = () => {
        const wait = at.getTime() - now().getTime();
        if (wait <= 0) return void Promise.resolve(fn()).catch((e) => console.error(e));
        handle = setTimeout(() => !cancelled && arm(), Math.min(wait, MAX_TIMEOUT_MS));
        handle.unref?.();
      };
      arm();
      return () => {
        cancelled = true;
        if (handle) clearTimeout(handle);
      };
    },
  };
}

/**
 * A test clock: time moves only when told. `advanceTo` fires, in order, every timer that has come,
 * each at its own instant, and waits for what it started (a whole report run) before moving on.
 */
export class ManualClock implements SchedulerClock {
  private current: Date;
  private timers: { at: number; fn: () => Promise<void> | void; seq: number }[] = [];
  private seq = 0;

  constructor(start: Date | string) {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  setTimer(at: Date, fn: () => Promise<void> | void): () => void {
    const timer = { at: at.getTime(), fn, seq: this.seq++ };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Pending timers, for tests that check nothing spins. */
  get pending(): number {
    return this.timers.length;
  }

  async advanceTo(target: Date | string): Promise<void> {
    const until = new Date(target).getTime();
    for (;;) {
      const next = [...this.timers].sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!next || next.at > until) break;
      this.timers = this.timers.filter((t) => t !== next);
      if (next.at > this.current.getTime()) this.current = new Date(next.at);
      await next.fn();
    }
    if (until > this.current.getTime()) this.current = new Date(until);
  }
}

export interface ReportSchedulerOptions {
  clock?: SchedulerClock;
  mailer?: Mailer;
  from?: string;
  appUrl?: string;
  campaigns?: CampaignSource;
  completions?: CompletionSource;
  /** How far back missed ticks are run once at start (default 24 h). */
  catchUpMs?: number;
  /** The scheduler wakes at least this often to notice new milestones (default 1 h). */
  maxSleepMs?: number;
  /** Writes the demo recipients for seeded demo tenants that have none (default true). */
  seedDemoRecipients?: boolean;
  sleep?: (ms: number) => Promise<void>;
  onTick?: (outcome: TickOutcome) => void;
  log?: (message: string, details?: Record<string, unknown>) => void;
}

export interface ReportScheduler extends BackgroundJob {
  /** The next tick the scheduler will run. */
  readonly nextTick: Tick | undefined;
  /** When its one timer fires: the next tick, or sooner (at most `maxSleepMs`) to look for new milestones. */
  readonly wakeAt: Date | undefined;
  /** Resolves when the run in progress (if any) has finished. */
  idle(): Promise<void>;
}

/** Demo recipients (packages/local/src/demo): each demo tenant's boards, unless a user set theirs. */
export async function seedDemoRecipients(context: Pick<BackgroundContext, 'store'>, at: string): Promise<void> {
  for (const tenant of generateDemo().tenants) {
    if (!(await isSeeded(context.store, tenant.tenantId))) continue;
    for (const r of tenant.recipients) {
      await putBoardConfigIfAbsent(context.store, tenant.tenantId, r.unitId, { emails: r.emails, reminderDaysBefore: [2], receivesReports: true }, at);
    }
  }
}

/**
 * The deadline report scheduler of `npm start`: the same handler core the Lambda runs, on the same
 * schedule (07:00 Asia/Ho_Chi_Minh every day and each milestone's due time), delivering into
 * `<dataDir>/outbox/`. It never polls: it computes the next tick and sets one timer.
 *
 * After a restart it runs, once, the ticks it missed within `catchUpMs` (the last 24 hours by
 * default); older ones are skipped, since the next report covers everything anyway. Ticks that
 * did run before the restart are claimed in the table, so running them again sends nothing.
 */
export async function startReportScheduler(context: BackgroundContext, options: ReportSchedulerOptions = {}): Promise<ReportScheduler> {
  const clock = options.clock ?? realClock(context.clock);
  const log = options.log ?? ((message, details) => console.log(`[báo cáo] ${message}`, details ?? ''));
  const deps: ReportJobDeps = {
    store: context.store,
    mailer: options.mailer ?? outboxMailer(join(context.dataDir, 'outbox'), () => clock.now()),
    from: options.from ?? DEFAULT_SENDER,
    appUrl: options.appUrl ?? config().appUrl,
    now: () => clock.now(),
    campaigns: options.campaigns ?? storedCampaigns(context.store),
    completions: options.completions ?? storedCompletions(context.store),
    sleep: options.sleep,
    log,
  };
  const catchUpMs = options.catchUpMs ?? 24 * 3_600_000;
  const maxSleepMs = options.maxSleepMs ?? 3_600_000;
  let stopped = false;
  let cancel: (() => void) | undefined;
  let running: Promise<void> = Promise.resolve();
  let waitingFor: Tick | undefined;
  let upcoming: Tick | undefined;
  let wakeAt: Date | undefined;

  if (options.seedDemoRecipients ?? true) await seedDemoRecipients(context, clock.now().toISOString());

  async function dues(now: Date): Promise<Date[]> {
    const tenants = new Set((await listAllBoards(context.store)).map((b) => b.tenant));
    const campaigns = await Promise.all([...tenants].map((t) => reportableCampaigns(deps.campaigns, t)));
    return campaigns.flat().flatMap((c) => dueInstants(c.milestones));
  }

  async function run(tick: Tick): Promise<void> {
    try {
      const outcome = await runTick(deps, tick);
      options.onTick?.(outcome);
      const made = outcome.reports.filter((r) => r.claimed).length;
      if (made > 0 || outcome.reminders > 0 || outcome.retried > 0) log(`${tickId(tick)}: ${made} báo cáo, ${outcome.reminders} lời nhắc, ${outcome.retried} lần gửi lại`);
    } catch (error) {
      // The next tick retries what failed (open deliveries); the scheduler keeps going.
      log(`${tickId(tick)} lỗi`, { error: error instanceof Error ? error.message : String(error) });
    }
  }

  async function arm(): Promise<void> {
    if (stopped) return;
    const now = clock.now();
    const tick = nextTick(now, await dues(now));
    const at = new Date(tick.at);
    const wake = new Date(Math.min(at.getTime(), now.getTime() + maxSleepMs));
    waitingFor = wake.getTime() === at.getTime() ? tick : undefined;
    upcoming = tick;
    wakeAt = wake;
    cancel = clock.setTimer(wake, () => {
      running = (async () => {
        if (stopped) return;
        if (waitingFor) await run(waitingFor);
        await arm();
      })();
      return running;
    });
  }

  // Missed ticks first, oldest first, then wait for the next one.
  running = (async () => {
    const now = clock.now();
    for (const tick of ticksBetween(new Date(now.getTime() - catchUpMs), now, await dues(now))) {
      if (stopped) return;
      await run(tick);
    }
    await arm();
  })();

  return {
    name: 'deadline-report-scheduler',
    get nextTick() {
      return upcoming;
    },
    get wakeAt() {
      return wakeAt;
    },
    idle: () => running,
    async stop() {
      stopped = true;
      cancel?.();
      await running.catch(() => undefined);
    },
  };
}

/** The entry `npm start` runs (packages/local/src/jobs.ts). */
export const reportSchedulerJob: StartJob = (context) => startReportScheduler(context);
