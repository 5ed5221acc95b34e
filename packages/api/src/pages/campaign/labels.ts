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
  'event.baseMassesReportSent': 'Cấp ủy cơ sở gửi báo cáo tự phê bình trước quần chúng',
  'event.blocMassesReportSent': 'Đảng ủy Khối gửi báo cáo tự phê bình trước quần chúng',
  'masses.settings': 'Thiết lập tự phê bình trước quần chúng',
  'masses.review.open': 'Mở đợt tự phê bình trước quần chúng',
  'masses.workplace.put': 'Khai báo nơi làm việc, số quần chúng',
  'masses.workplace.upload': 'Tải lên nơi làm việc',
  'masses.workplace.copyForward': 'Chép nơi làm việc năm trước',
  'masses.session.plan': 'Lên kế hoạch buổi tự phê bình',
  'masses.session.record': 'Ghi biên bản buổi tự phê bình',
  'masses.session.recordNew': 'Ghi nhận buổi tự phê bình',
  'masses.session.sign': 'Ký biên bản buổi tự phê bình',
  'masses.comment.oral': 'Ghi ý kiến góp ý trực tiếp',
  'masses.comment.written': 'Buổi tự phê bình nhận một ý kiến bằng văn bản',
  'masses.comment.classify': 'Phân loại ý kiến đóng góp',
  'masses.codes.issue': 'Phát mã phiếu góp ý',
  'masses.remediation.add': 'Giao nội dung khắc phục',
  'masses.remediation.status': 'Cập nhật trạng thái khắc phục',
  'masses.selfCriticism.save': 'Ghi bản tự phê bình trước quần chúng',
};

export const short = (r: Rating | null | undefined) => (r ? (ratingAbbreviations[r][0] ?? ratingLabels[r]) : '');
export const full = (r: Rating | null | undefined) => (r ? ratingLabels[r] : '—');
export const when = (iso: string | null | undefined) => (iso ? formatVietnameseDateTime(new Date(iso)) : '—');
