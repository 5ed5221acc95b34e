import { addDays, formatVietnameseDate, startOfDayInVietnam, type LocalDate } from './local-date';
import type { Milestone } from './campaign';

/**
 * When a milestone opens and when it is due, as instants, in Asia/Ho_Chi_Minh (glossary).
 * `due` is exclusive: an event recorded at `due` or later is late.
 */
export function milestoneWindow(m: Pick<Milestone, 'wording' | 'date' | 'fromDate'>): { opens: Date | null; due: Date } {
  switch (m.wording) {
    case 'before':
      return { opens: null, due: startOfDayInVietnam(m.date) };
    case 'on':
    case 'noLaterThan':
      return { opens: null, due: startOfDayInVietnam(addDays(m.date, 1)) };
    case 'window':
      return { opens: m.fromDate ? startOfDayInVietnam(m.fromDate) : null, due: startOfDayInVietnam(addDays(m.date, 1)) };
  }
}

/** Whether an event recorded at `at` meets the milestone. */
export function isOnTime(m: Pick<Milestone, 'wording' | 'date' | 'fromDate'>, at: Date): boolean {
  return at.getTime() < milestoneWindow(m).due.getTime();
}

/** The deadline as the plan words it, in Vietnamese: "trước ngày 22/12/2021", "từ ngày … đến ngày …". */
export function deadlineText(m: Pick<Milestone, 'wording' | 'date' | 'fromDate'>): string {
  const d = formatVietnameseDate(m.date as LocalDate);
  switch (m.wording) {
    case 'before':
      return `trước ngày ${d}`;
    case 'on':
      return `ngày ${d}`;
    case 'noLaterThan':
      return `chậm nhất đến hết ngày ${d}`;
    case 'window':
      return m.fromDate ? `từ ngày ${formatVietnameseDate(m.fromDate)} đến ngày ${d}` : `đến hết ngày ${d}`;
  }
}
