import { z } from 'zod';

/** A calendar date `YYYY-MM-DD` (docs/api.md, "Conventions"). Dates carry no time zone; deadlines are in Asia/Ho_Chi_Minh. */
export const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD').refine(isValidLocalDate, 'Ngày không hợp lệ');
export type LocalDate = z.infer<typeof LocalDate>;

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Viet Nam has no daylight saving: UTC+7 all year. */
export const VN_OFFSET_MINUTES = 7 * 60;

export function isValidLocalDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toLocalDate(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parts(date: LocalDate): { year: number; month: number; day: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { year: y, month: m, day: d };
}

/** Adds calendar months, clamping to the month's last day (31/08 + 6 months = 28/02 or 29/02). */
export function addMonthsClamped(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return toLocalDate(y, m, Math.min(day, daysInMonth(y, m)));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const { year, month, day } = parts(date);
  const t = new Date(Date.UTC(year, month - 1, day + days));
  return toLocalDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** `dd/mm/yyyy`, as Vietnamese documents print dates. */
export function formatVietnameseDate(date: LocalDate): string {
  const { year, month, day } = parts(date);
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
}

/** Reads `dd/mm/yyyy` or `d/m/yyyy`; undefined when it is not a real date. */
export function parseVietnameseDate(text: string): LocalDate | undefined {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const date = toLocalDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return isValidLocalDate(date) ? date : undefined;
}

/** The instant a local day starts in Asia/Ho_Chi_Minh. */
export function startOfDayInVietnam(date: LocalDate): Date {
  const { year, month, day } = parts(date);
  return new Date(Date.UTC(year, month - 1, day) - VN_OFFSET_MINUTES * 60_000);
}

/** The calendar date in Asia/Ho_Chi_Minh of an instant. */
export function vietnamDateOf(instant: Date): LocalDate {
  const t = new Date(instant.getTime() + VN_OFFSET_MINUTES * 60_000);
  return toLocalDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** ISO 8601 with the +07:00 offset, for instants shown to Vietnamese users. */
export function toVietnamIso(instant: Date): string {
  const t = new Date(instant.getTime() + VN_OFFSET_MINUTES * 60_000);
  return t.toISOString().replace('Z', '+07:00');
}

/** `dd/mm/yyyy HH:MM` in Asia/Ho_Chi_Minh. */
export function formatVietnameseDateTime(instant: Date): string {
  const iso = toVietnamIso(instant);
  return `${formatVietnameseDate(iso.slice(0, 10))} ${iso.slice(11, 16)}`;
}
