import { z } from 'zod';

/**
 * Why a member on the roll has no rating in the cell's minutes (rules.md §3.1, §4.A; seed 000 "Một số
 * lưu ý"). The labels are printed in the minutes.
 */
export const minutesNotRatedReasons = ['exempt', 'suspended', 'newlyAdmitted', 'absentRatedLater', 'notYetRated'] as const;
export const MinutesNotRatedReason = z.enum(minutesNotRatedReasons);
export type MinutesNotRatedReason = z.infer<typeof MinutesNotRatedReason>;

export const minutesNotRatedReasonLabels: Record<MinutesNotRatedReason, string> = {
  exempt: 'Miễn công tác và sinh hoạt đảng',
  suspended: 'Đình chỉ sinh hoạt đảng',
  newlyAdmitted: 'Đảng viên mới kết nạp chưa đủ 6 tháng',
  absentRatedLater: 'Vắng họp — xếp loại sau',
  notYetRated: 'Chưa xếp loại',
};
