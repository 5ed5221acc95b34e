import { z } from 'zod';

/** Days before a milestone's last day that reminders go out, when a board has not said otherwise. */
export const DEFAULT_REMINDER_DAYS = [2] as const;

/**
 * An organising board's settings (Ban Tổ chức of the province or of a bloc, or any unit that
 * wants its own address for reminders): who receives its reports, and when reminders go out.
 */
export const BoardConfig = z.object({
  emails: z.array(z.email().transform((e) => e.toLowerCase())).max(20).default([]),
  /** Days before a milestone's last day; 0 = on the last day itself. Empty = no reminders. */
  reminderDaysBefore: z.array(z.number().int().min(0).max(30)).max(5).default([...DEFAULT_REMINDER_DAYS]),
  /** Whether the unit receives the daily and due-time reports (boards), or only reminders. */
  receivesReports: z.boolean().default(true),
});
export type BoardConfig = z.infer<typeof BoardConfig>;
