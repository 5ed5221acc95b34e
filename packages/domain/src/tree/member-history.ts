import { z } from 'zod';
import { LocalDate, parts, toLocalDate, type LocalDate as Day } from '../local-date';

/** How a member came to a cell: their own transfer, or their cell merged or split into this one. */
export const stintVias = ['transfer', 'merge', 'split', 'provinceMerge'] as const;
export const StintVia = z.enum(stintVias);
export type StintVia = z.infer<typeof StintVia>;

/** A period a member was registered (sinh hoạt chính thức) at a cell: from (inclusive) to (exclusive). */
export const MemberStint = z.object({
  unitId: z.string().min(1),
  from: LocalDate.nullable(),
  to: LocalDate.nullable(),
  /** Null for the first known period (before the table recorded how the member came). */
  via: StintVia.nullable().default(null),
});
export type MemberStint = z.infer<typeof MemberStint>;

/** A temporary attachment (sinh hoạt tạm thời) with its period; `to` null while it lasts. */
export const TemporaryAttachment = z.object({
  at: z.string().trim().min(1).max(200),
  unitId: z.string().nullable().default(null),
  from: LocalDate,
  to: LocalDate.nullable().default(null),
});
export type TemporaryAttachment = z.infer<typeof TemporaryAttachment>;

export interface DatedMember {
  unitId: string;
  transferredInOn: Day | null;
  cells?: readonly MemberStint[] | undefined;
  attachments?: readonly TemporaryAttachment[] | undefined;
}

/** The member's periods, oldest first; a member recorded before dates were kept was always at their cell. */
export function stintsOf(member: DatedMember): readonly MemberStint[] {
  if (member.cells && member.cells.length > 0) return member.cells;
  return [{ unitId: member.unitId, from: member.transferredInOn, to: null, via: null }];
}

const holds = (s: Pick<MemberStint, 'from' | 'to'>, day: Day) => (s.from === null || s.from <= day) && (s.to === null || day < s.to);

/**
 * The cell the member was registered at on `day`, or null (not yet or no longer in the province).
 * A member without recorded periods is at their cell on every day, as before.
 */
export function cellOn(member: DatedMember, day: Day): string | null {
  if (!member.cells || member.cells.length === 0) return member.unitId;
  return member.cells.find((s) => holds(s, day))?.unitId ?? null;
}

/** The periods after a move to `unitId` on `on`: the open period ends that day. */
export function withStint(member: DatedMember, unitId: string, on: Day, via: StintVia): MemberStint[] {
  const closed = stintsOf(member).map((s) => (s.to === null && (s.from === null || s.from <= on) ? { ...s, to: on } : s));
  return [...closed.filter((s) => s.from === null || s.to === null || s.from < s.to), { unitId, from: on, to: null, via }];
}

/** Whole calendar months from `from` to `to` (31/01 → 28/02 is 0; 01/01 → 01/09 is 8). */
export function wholeMonths(from: Day, to: Day): number {
  const a = parts(from);
  const b = parts(to);
  const months = (b.year - a.year) * 12 + (b.month - a.month) - (b.day < a.day ? 1 : 0);
  return Math.max(0, months);
}

/**
 * Months the member spent, in the rated year, at the cell they transferred from (HD 21-HD/BTCTW:
 * "có thời gian công tác ở chi bộ, đơn vị cũ từ 06 tháng trở lên"), read from the dated periods:
 * the latest transfer of the year up to the rating date, and the time before it, back to 1 January,
 * at the cell left (and at cells that merged or split into it: the same cell continued). Null when
 * no transfer of the year is recorded — the uploaded number then stands.
 */
export function monthsAtPreviousCell(member: DatedMember, year: number, ratingDate: Day): number | null {
  const stints = member.cells ?? [];
  const yearStart = toLocalDate(year, 1, 1);
  for (let i = stints.length - 1; i > 0; i--) {
    const s = stints[i]!;
    if (s.via !== 'transfer' || s.from === null || s.from < yearStart || s.from > ratingDate) continue;
    let start = s.from;
    for (let j = i - 1; j >= 0; j--) {
      const before = stints[j]!;
      start = before.from === null || before.from < yearStart ? yearStart : before.from;
      if (start === yearStart || (before.via !== 'merge' && before.via !== 'split' && before.via !== 'provinceMerge')) break;
    }
    return wholeMonths(start, s.from);
  }
  return null;
}

/** Temporary attachments that overlap the rated period (1 January to the rating date). */
export function attachmentsIn(member: DatedMember, year: number, ratingDate: Day): TemporaryAttachment[] {
  const yearStart = toLocalDate(year, 1, 1);
  return (member.attachments ?? []).filter((a) => a.from <= ratingDate && (a.to === null || a.to > yearStart));
}
