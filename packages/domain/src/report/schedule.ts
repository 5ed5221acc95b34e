import { addDays, startOfDayInVietnam, vietnamDateOf, type LocalDate } from '../local-date';
import { milestoneWindow } from '../deadline';
import type { Milestone } from '../campaign';
import type { Tick } from './tick';

/** The daily report runs at 07:00 Asia/Ho_Chi_Minh (the CDK schedule says the same). */
export const DAILY_REPORT_HOUR = 7;
const HOUR = 3_600_000;

/** The instant of the daily run on a Vietnamese calendar date. */
export function dailyTickOn(date: LocalDate, hour = DAILY_REPORT_HOUR): Date {
  return new Date(startOfDayInVietnam(date).getTime() + hour * HOUR);
}

/** The latest daily run at or before `now`. */
export function latestDailyTick(now: Date, hour = DAILY_REPORT_HOUR): Date {
  const today = dailyTickOn(vietnamDateOf(now), hour);
  return today.getTime() <= now.getTime() ? today : dailyTickOn(addDays(vietnamDateOf(now), -1), hour);
}

/** The first daily run strictly after `now`. */
export function nextDailyTick(now: Date, hour = DAILY_REPORT_HOUR): Date {
  const today = dailyTickOn(vietnamDateOf(now), hour);
  return today.getTime() > now.getTime() ? today : dailyTickOn(addDays(vietnamDateOf(now), 1), hour);
}

/** When each milestone falls due (the instant it becomes late), deduplicated and sorted. */
export function dueInstants(milestones: readonly Pick<Milestone, 'wording' | 'date' | 'fromDate'>[]): Date[] {
  const set = new Set(milestones.map((m) => milestoneWindow(m).due.getTime()));
  return [...set].sort((a, b) => a - b).map((t) => new Date(t));
}

/** The next tick strictly after `now`: the next daily run or the next milestone due time, whichever is first. */
export function nextTick(now: Date, dues: readonly Date[], hour = DAILY_REPORT_HOUR): Tick {
  const daily = nextDailyTick(now, hour);
  const due = dues.find((d) => d.getTime() > now.getTime());
  // A due time that coincides with a daily run is one tick, reported as the milestone's.
  if (due && due.getTime() <= daily.getTime()) return { kind: 'due', at: due.toISOString() };
  return { kind: 'daily', at: daily.toISOString() };
}

/**
 * Ticks in (after, until], oldest first: what a process that was down should have run. The
 * caller decides how far back to look (the local scheduler: one catch-up window).
 */
export function ticksBetween(after: Date, until: Date, dues: readonly Date[], hour = DAILY_REPORT_HOUR): Tick[] {
  const ticks: Tick[] = [];
  let cursor = after;
  for (;;) {
    const next = nextTick(cursor, dues, hour);
    if (new Date(next.at).getTime() > until.getTime()) return ticks;
    ticks.push(next);
    cursor = new Date(next.at);
  }
}

/** The last calendar day on which the milestone can still be met (glossary: "trước ngày D" → D−1). */
export function lastDayOf(m: Pick<Milestone, 'wording' | 'date' | 'fromDate'>): LocalDate {
  return vietnamDateOf(new Date(milestoneWindow(m).due.getTime() - 1));
}

/**
 * The day a reminder goes out, `daysBefore` days before the milestone's last day (0 = on the last
 * day itself), at the daily run.
 *
 * @example
 * reminderDate({ wording: 'before', date: '2021-12-22', fromDate: null }, 2); // '2021-12-19'
 */
export function reminderDate(m: Pick<Milestone, 'wording' | 'date' | 'fromDate'>, daysBefore: number): LocalDate {
  return addDays(lastDayOf(m), -daysBefore);
}

/** Milestones whose reminder falls on the Vietnamese date of `at`. */
export function milestonesToRemind<M extends Pick<Milestone, 'wording' | 'date' | 'fromDate'>>(
  milestones: readonly M[],
  at: Date,
  daysBefore: readonly number[],
): M[] {
  const today = vietnamDateOf(at);
  return milestones.filter((m) => daysBefore.some((n) => reminderDate(m, n) === today));
}
