import { z } from 'zod';
import { DomainError } from '../errors/index';
import { nfcText } from '../text';

const MemberId = z.string().min(1).max(100);

/** Who attended a group or cell meeting; an absent member comes with the reason (the minutes print it). */
export const AttendanceEntry = z.object({ memberId: MemberId, present: z.boolean(), absenceReason: nfcText(300).nullable().default(null) });
export type AttendanceEntry = z.infer<typeof AttendanceEntry>;

/** A member who spoke, with what they said in short (the minutes' "ý kiến thảo luận"). */
export const Speaker = z.object({ memberId: MemberId, summary: nfcText(2000).nullable().default(null) });
export type Speaker = z.infer<typeof Speaker>;

/**
 * What a meeting's minutes need beyond date, time, place, chair and clerk: attendance, who spoke,
 * and, for the cell's rating meeting, the votes for the collective's own rating (each member's votes
 * are in the results). An empty attendance means it was not keyed in: the minutes then count
 * absences from the results.
 */
export const MeetingDetails = z.object({
  endTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:MM').nullable().default(null),
  attendance: z.array(AttendanceEntry).max(2000).default([]),
  speakers: z.array(Speaker).max(2000).default([]),
  collectiveVotesFor: z.number().int().nonnegative().max(100_000).nullable().default(null),
});
export type MeetingDetails = z.infer<typeof MeetingDetails>;
export type MeetingDetailsInput = z.input<typeof MeetingDetails>;

/**
 * A meeting's record holds together: everyone listed belongs to the meeting (the unit's members, a
 * group's own), no one twice, every absence has its reason, and whoever spoke was there.
 */
export function checkMeetingDetails(details: MeetingDetails, memberIds: ReadonlySet<string>): void {
  const listed = [...details.attendance.map((a) => a.memberId), ...details.speakers.map((s) => s.memberId)];
  const strangers = [...new Set(listed.filter((id) => !memberIds.has(id)))];
  if (strangers.length > 0) throw new DomainError('MEMBER_NOT_FOUND', 'Có người trong danh sách dự họp hoặc phát biểu không phải đảng viên của đơn vị.', { memberIds: strangers });
  if (new Set(details.attendance.map((a) => a.memberId)).size !== details.attendance.length) throw new DomainError('VALIDATION_FAILED', 'Mỗi đảng viên chỉ điểm danh một lần.');
  const unexplained = details.attendance.filter((a) => !a.present && !a.absenceReason).map((a) => a.memberId);
  if (unexplained.length > 0) throw new DomainError('ABSENCE_REASON_REQUIRED', 'Đảng viên vắng mặt phải có lý do vắng.', { memberIds: unexplained });
  const absent = new Set(details.attendance.filter((a) => !a.present).map((a) => a.memberId));
  const silentAbsent = details.speakers.filter((s) => absent.has(s.memberId)).map((s) => s.memberId);
  if (silentAbsent.length > 0) throw new DomainError('VALIDATION_FAILED', 'Đảng viên vắng mặt không thể có ý kiến phát biểu tại cuộc họp.', { memberIds: silentAbsent });
}
