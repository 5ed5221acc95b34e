import type { NextStep } from './unit-page';

const enc = encodeURIComponent;

/** The year and unit an address is about (`/campaigns/2026/units/c1/…`, `/units/c1/…`, with or without the pages' API prefix). */
function placeOf(path: string): { year: string | null; unitId: string | null } {
  const campaign = /\/campaigns\/(\d{4})\/units\/([^/]+)/.exec(path);
  if (campaign) return { year: campaign[1]!, unitId: decodeURIComponent(campaign[2]!) };
  const unit = /^(?:\/web\/api\/v1)?\/units\/([^/]+)/.exec(path);
  return { year: null, unitId: unit ? decodeURIComponent(unit[1]!) : null };
}

/**
 * What the user can do about a refusal met on a page or on a link from one (a .docx or .xlsx not
 * yet possible): said in Vietnamese, with the page where the missing part is made when there is
 * one. Codes not listed get a sentence by status; `null` when there is nothing to add.
 */
export function nextStepOf(code: string, status: number, path: string): NextStep | null {
  const { year, unitId } = placeOf(path);
  const campaign = year && unitId ? `/campaigns/${year}/units/${enc(unitId)}` : null;
  switch (code) {
    case 'CELL_MEETING_NOT_RECORDED':
    case 'GROUP_MEETING_NOT_RECORDED':
      return { text: 'Biên bản được lập từ cuộc họp đã ghi nhận: ghi nhận cuộc họp (ngày, giờ, địa điểm, chủ trì, thư ký, người dự) rồi tải lại.', href: campaign ? `${campaign}/meetings` : undefined, label: 'Ghi nhận cuộc họp' };
    case 'SCORING_SCHEME_MISSING':
      return { text: 'Phiếu chấm điểm cần điểm từng tiêu chí do Ban Tổ chức Tỉnh ủy (hoặc đảng ủy cấp trên cơ sở) đặt cho năm. Đồng chí đề nghị cấp trên đặt thang điểm, rồi mở lại phiếu.' };
    case 'NOT_SCORED':
      return { text: 'Năm này đánh giá theo bản tự kiểm điểm, không chấm điểm theo thang 100: dùng bản tự kiểm điểm.' };
    case 'CAMPAIGN_NOT_FOUND':
      return { text: 'Các tệp của một năm có khi Ban Tổ chức Tỉnh ủy đã mở đợt kiểm điểm của năm đó.', href: unitId ? `/units/${enc(unitId)}/campaigns` : undefined, label: 'Xem các đợt kiểm điểm' };
    case 'ROLLUP_NOT_FOUND':
      return { text: 'Số liệu tổng hợp được lập khi các đơn vị trực thuộc gửi kết quả; đồng chí thử lại sau ít phút.' };
    case 'MASSES_REVIEW_NOT_FOUND':
    case 'WORKPLACE_MISSING':
    case 'SESSION_NOT_RECORDED':
      return { text: 'Tệp này được lập từ đợt tự phê bình trước quần chúng: mở đợt, khai báo nơi làm việc và ghi nhận buổi tự phê bình trước, rồi tải lại.', href: campaign ? `${campaign}/masses` : undefined, label: 'Tự phê bình trước quần chúng' };
    case 'RUN_NOT_FOUND':
      return { text: 'Lần đối chiếu này không còn hoặc chưa có.', href: unitId ? `/units/${enc(unitId)}/reconciliation` : undefined, label: 'Đối chiếu với CSDL đảng viên' };
    case 'NOT_YOUR_RECORD':
      return { text: 'Đồng chí mở được hồ sơ, bản tự kiểm điểm và phiếu chấm điểm của chính mình từ trang việc cần làm.', href: '/', label: 'Về hồ sơ của tôi' };
    case 'NOT_A_CELL':
    case 'NOT_RATED_AS_COLLECTIVE':
      return { text: 'Tệp này không lập cho đơn vị này; mở tệp ở trang của chi bộ hoặc tổ chức đảng được đánh giá.' };
  }
  if (status === 401) return { text: 'Phiên đăng nhập đã hết: đăng nhập lại rồi mở lại.', href: '/login', label: 'Đăng nhập' };
  if (status === 403) return { text: 'Nội dung này nằm ngoài phạm vi của đồng chí; nếu cần, đề nghị cấp ủy cấp trên.' };
  if (status === 404) return { text: 'Kiểm tra lại năm, đơn vị, đảng viên; hồ sơ có thể chưa được lập.' };
  if (status === 409 || status === 422) return { text: 'Hoàn thành phần còn thiếu nêu trên rồi thử lại.' };
  if (status === 429 || status === 503) return { text: 'Đồng chí thử lại sau ít giây.' };
  return null;
}
