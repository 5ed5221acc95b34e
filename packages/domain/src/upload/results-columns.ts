import { disciplineLabels, disciplines, parseDiscipline } from '../discipline';
import type { MemberFacts } from '../member-facts';
import type { ColumnDef } from './column';

/** Field keys of a results row (docs/spreadsheets.md, "The results"): the member, then one key per MemberFacts field. */
export type ResultsKey = 'memberId' | 'fullName' | keyof MemberFacts;

/** The results columns (docs/spreadsheets.md, "The results"), in template order. */
export const resultsColumns: readonly ColumnDef<ResultsKey>[] = [
  { key: 'memberId', header: 'Mã đảng viên', required: true, type: 'text', maxLength: 40, width: 18,
    help: 'Mã đảng viên; phải có trong danh sách đảng viên của đơn vị. Không trùng nhau trong tệp.' },
  { key: 'fullName', header: 'Họ và tên', required: false, type: 'text', maxLength: 120, width: 28,
    help: 'Nếu ghi, phải khớp với họ tên trong danh sách đảng viên (không phân biệt chữ hoa, chữ thường).' },
  { key: 'absences', header: 'Số kỳ vắng sinh hoạt', aliases: ['Số kì vắng sinh hoạt'], required: false, type: 'int', min: 0, width: 12,
    help: 'Số kỳ sinh hoạt chi bộ thường kỳ vắng mặt trong năm (có hoặc không có lý do).' },
  { key: 'silentMeetings', header: 'Số kỳ không phát biểu', aliases: ['Số kì không phát biểu'], required: false, type: 'int', min: 0, width: 12,
    help: 'Số kỳ sinh hoạt có mặt nhưng không phát biểu ý kiến.' },
  { key: 'sickLeaveDays', header: 'Số ngày nghỉ ốm', required: false, type: 'int', min: 0, width: 12,
    help: 'Số ngày làm việc nghỉ ốm trong năm.' },
  { key: 'maternityLeave', header: 'Nghỉ thai sản', required: false, type: 'bool', width: 12,
    help: 'Có nếu nghỉ thai sản trong năm.' },
  { key: 'discipline', header: 'Hình thức kỷ luật trong năm', aliases: ['Hình thức kỉ luật trong năm'], required: false, type: 'enum', width: 18,
    options: disciplines.map((d) => ({ value: d, label: disciplineLabels[d] })),
    parse: parseDiscipline,
    help: 'Hình thức kỷ luật bị thi hành trong năm; để trống nếu không bị kỷ luật.' },
  { key: 'degradationConcluded', header: 'Có kết luận suy thoái', required: false, type: 'bool', width: 14,
    help: 'Có nếu cấp có thẩm quyền kết luận có biểu hiện suy thoái trong năm.' },
  { key: 'civilServantRating', header: 'Xếp loại công chức, viên chức', required: false, type: 'rating', width: 28,
    help: 'Kết quả xếp loại công chức, viên chức (đối với cán bộ, công chức, viên chức).' },
  { key: 'taskCompletionPercent', header: 'Tỷ lệ hoàn thành nhiệm vụ (%)', aliases: ['Tỉ lệ hoàn thành nhiệm vụ (%)'], required: false, type: 'number', min: 0, max: 100, width: 14,
    help: 'Tỷ lệ phần trăm hoàn thành nhiệm vụ, từ 0 đến 100 (dấu thập phân là dấu chấm hoặc dấu phẩy).' },
  { key: 'monthsAtPreviousCell', header: 'Số tháng ở chi bộ cũ', required: false, type: 'int', min: 0, max: 12, width: 12,
    help: 'Số tháng trong năm sinh hoạt ở chi bộ cũ, đối với đảng viên chuyển đến (0 đến 12).' },
  { key: 'previousCellComment', header: 'Có nhận xét của chi bộ cũ', required: false, type: 'bool', width: 14,
    help: 'Có nếu đã có nhận xét bằng văn bản của chi bộ cũ.' },
  { key: 'temporaryCellComment', header: 'Có nhận xét nơi sinh hoạt tạm thời', required: false, type: 'bool', width: 16,
    help: 'Có nếu đã có nhận xét của chi bộ nơi sinh hoạt tạm thời.' },
  { key: 'residenceComment', header: 'Có nhận xét nơi cư trú', required: false, type: 'bool', width: 14,
    help: 'Có nếu đã có nhận xét của chi ủy nơi cư trú.' },
  { key: 'absentFromRatingMeeting', header: 'Vắng họp xếp loại', required: false, type: 'bool', width: 12,
    help: 'Có nếu vắng mặt tại cuộc họp xếp loại (sẽ được xếp loại sau).' },
  { key: 'selfProposed', header: 'Tự xếp loại', required: false, type: 'rating', width: 28, help: 'Mức xếp loại đảng viên tự đề xuất.' },
  { key: 'groupProposed', header: 'Tổ đảng đề xuất', required: false, type: 'rating', width: 28, help: 'Mức xếp loại tổ đảng đề xuất.' },
  { key: 'decided', header: 'Chi bộ xếp loại', required: false, type: 'rating', width: 28,
    help: 'Mức xếp loại chi bộ biểu quyết; để trống khi chi bộ chưa biểu quyết hoặc đảng viên không xếp loại.' },
  { key: 'votesFor', header: 'Số phiếu tán thành', required: false, type: 'int', min: 0, width: 12,
    help: 'Số phiếu tán thành mức xếp loại của chi bộ.' },
  { key: 'note', header: 'Ghi chú', required: false, type: 'text', maxLength: 2000, width: 30, help: 'Ghi chú (nếu có).' },
];

/** The 100-point regime (QĐ 366-QĐ/TW Điều 10): the two group scores and the member's own total (the 100-point regime only). */
export const scoreColumns: readonly ColumnDef<ResultsKey>[] = [
  { key: 'generalScore', header: 'Điểm tiêu chí chung', required: false, type: 'number', min: 0, max: 30, width: 12,
    help: 'Điểm nhóm tiêu chí chung do chi bộ quyết định, từ 0 đến 30; bắt buộc với đảng viên thuộc diện xếp loại.' },
  { key: 'taskScore', header: 'Điểm kết quả thực hiện nhiệm vụ', required: false, type: 'number', min: 0, max: 70, width: 14,
    help: 'Điểm nhóm tiêu chí về kết quả thực hiện nhiệm vụ, từ 0 đến 70; bắt buộc với đảng viên thuộc diện xếp loại.' },
  { key: 'selfScore', header: 'Điểm tự chấm', required: false, type: 'number', min: 0, max: 100, width: 12,
    help: 'Tổng điểm đảng viên tự chấm trên bản kiểm điểm (Mẫu 2A, 2B, 2C), từ 0 đến 100; để lưu hồ sơ.' },
];

/** The task figures of QĐ 366-QĐ/TW Điều 11 (also read by r2023's conditions for excellent). */
export const taskColumns: readonly ColumnDef<ResultsKey>[] = [
  { key: 'latePercent', header: 'Tỷ lệ nhiệm vụ chậm tiến độ (%)', aliases: ['Tỉ lệ nhiệm vụ chậm tiến độ (%)'], required: false, type: 'number', min: 0, max: 100, width: 14,
    help: 'Tỷ lệ phần trăm nhiệm vụ hoàn thành chậm tiến độ, từ 0 đến 100; để trống là 0.' },
  { key: 'exceedingPercent', header: 'Tỷ lệ nhiệm vụ vượt yêu cầu (%)', aliases: ['Tỉ lệ nhiệm vụ vượt yêu cầu (%)'], required: false, type: 'number', min: 0, max: 100, width: 14,
    help: 'Tỷ lệ phần trăm nhiệm vụ hoàn thành vượt yêu cầu, từ 0 đến 100; để trống là 0.' },
  { key: 'shortcomingsRemedied', header: 'Đã khắc phục hết hạn chế đã chỉ ra', required: false, type: 'bool', width: 14,
    help: 'Có nếu đã khắc phục hết hạn chế, khuyết điểm được chỉ ra ở kỳ kiểm điểm trước; để trống là Có.' },
  { key: 'prohibitionsBreached', header: 'Vi phạm những điều đảng viên không được làm', required: false, type: 'bool', width: 16,
    help: 'Có nếu vi phạm Quy định về những điều đảng viên không được làm trong năm.' },
];
