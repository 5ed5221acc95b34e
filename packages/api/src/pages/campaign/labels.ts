import { ratingAbbreviations, ratingLabels, formatVietnameseDateTime, type NotRatedReason, type Rating } from '@kd/domain';

/** Why a member has no rating, as the review page says it. */
export const notRatedLabels: Record<NotRatedReason, string> = {
  exempt: 'Miễn công tác và sinh hoạt đảng: không xếp loại',
  suspended: 'Đình chỉ sinh hoạt đảng: không xếp loại',
  newMember: 'Đảng viên mới kết nạp chưa đủ 6 tháng: có kiểm điểm, không xếp loại',
  absent: 'Vắng họp xếp loại: xếp loại bổ sung sau',
  pending: 'Chưa xếp loại',
};

export const auditActionLabels: Record<string, string> = {
  'results.commit': 'Tải lên kết quả (phiên bản mới)',
  'results.edit': 'Sửa kết quả của đảng viên',
  'dossier.collective': 'Xếp loại tập thể',
  'dossier.cellMeeting': 'Ghi nhận cuộc họp chi bộ',
  'dossier.submit': 'Gửi hồ sơ lên cấp trên',
  'dossier.return': 'Trả lại hồ sơ',
  'dossier.approve': 'Thẩm định, duyệt hồ sơ',
  'dossier.approveWithAdjustments': 'Thẩm định, duyệt có điều chỉnh',
  'review.member.save': 'Ghi bản tự kiểm điểm',
  'review.collective.save': 'Ghi báo cáo kiểm điểm tập thể',
  'event.groupMeetingHeld': 'Ghi nhận tổ đảng họp kiểm điểm',
  'event.groupReportSent': 'Ghi nhận tổ đảng báo cáo kết quả',
};

export const short = (r: Rating | null | undefined) => (r ? (ratingAbbreviations[r][0] ?? ratingLabels[r]) : '');
export const full = (r: Rating | null | undefined) => (r ? ratingLabels[r] : '—');
export const when = (iso: string | null | undefined) => (iso ? formatVietnameseDateTime(new Date(iso)) : '—');
