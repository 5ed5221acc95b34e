import { z } from 'zod';

/**
 * Why a member on the roll has no rating in the cell's minutes (R-ELIG-01 to R-ELIG-05, docs/rulebooks.md; KH Chi bộ Bệnh viện Phổi 2021 "Một số
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
