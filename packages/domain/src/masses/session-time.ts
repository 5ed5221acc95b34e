import { z } from 'zod';
import { addDays, startOfDayInVietnam, toVietnamIso, vietnamDateOf, type LocalDate } from '../local-date';

/**
 * A moment of a session: ISO 8601 with an offset, or without one meaning Viet Nam time (a clerk
 * types "2020-11-10T08:00"). Stored as ISO with +07:00.
 */
export const SessionInstant = z.iso
  .datetime({ offset: true, local: true, error: 'Thời điểm phải có dạng YYYY-MM-DDTHH:MM (giờ Việt Nam) hoặc ISO 8601 có múi giờ' })
  .transform((s) => toVietnamIso(new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(s) ? s : `${s}+07:00`)));
export type SessionInstant = z.infer<typeof SessionInstant>;

/** The session's day in Asia/Ho_Chi_Minh: the finest time a written comment carries. */
export function sessionDay(startsAt: string): LocalDate {
  return vietnamDateOf(new Date(startsAt));
}

/**
 * The latest a session may end (R-MASS-04, "không quá 01 ngày"): the end of the day it starts,
 * or of the last of `days` days, in Viet Nam time.
 */
export function latestSessionEnd(startsAt: string, days: number): Date {
  return startOfDayInVietnam(addDays(sessionDay(startsAt), days));
}
