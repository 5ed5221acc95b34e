import { parsePartyPosition, partyPositionLabels, partyPositions } from '../party-position';
import type { ColumnDef } from './column';

/** Field keys of a roster row (docs/spreadsheets.md, "The roster"); `groupName` names the Tổ đảng, created if new. */
export type RosterKey =
  | 'id'
  | 'fullName'
  | 'birthDate'
  | 'admittedOn'
  | 'officialOn'
  | 'groupName'
  | 'partyPosition'
  | 'governmentPosition'
  | 'civilServant'
  | 'exempt'
  | 'suspended'
  | 'transferredInOn'
  | 'temporaryAttachmentAt';

/** The roster's columns (docs/spreadsheets.md, "The roster"), in template order. */
export const rosterColumns: readonly ColumnDef<RosterKey>[] = [
  { key: 'id', header: 'Mã đảng viên', required: true, type: 'text', maxLength: 40, width: 18,
    help: 'Mã số ổn định của đảng viên (số thẻ đảng viên hoặc mã của tỉnh); chỉ gồm chữ, số và . _ - /. Không trùng nhau trong tệp.' },
  { key: 'fullName', header: 'Họ và tên', required: true, type: 'text', maxLength: 120, width: 28,
    help: 'Họ và tên đầy đủ, có dấu.' },
  { key: 'birthDate', header: 'Ngày sinh', required: false, type: 'date', width: 14, help: 'Ngày sinh.' },
  { key: 'admittedOn', header: 'Ngày vào Đảng', required: true, type: 'date', width: 16, help: 'Ngày được kết nạp vào Đảng.' },
  { key: 'officialOn', header: 'Ngày chính thức', required: false, type: 'date', width: 16,
    help: 'Ngày được công nhận đảng viên chính thức; để trống nếu là đảng viên dự bị.' },
  { key: 'groupName', header: 'Tổ đảng', required: false, type: 'text', maxLength: 200, width: 18,
    help: 'Tên tổ đảng trong chi bộ; tổ đảng chưa có sẽ được tạo mới.' },
  { key: 'partyPosition', header: 'Chức vụ Đảng', required: false, type: 'enum', width: 22,
    options: partyPositions.map((p) => ({ value: p, label: partyPositionLabels[p] })),
    parse: parsePartyPosition,
    help: 'Chọn trong danh sách (cũng chấp nhận "Chi ủy viên", "Đảng ủy viên"); để trống nếu không giữ chức vụ. Bí thư là người đứng đầu đơn vị.' },
  { key: 'governmentPosition', header: 'Chức vụ chính quyền', required: false, type: 'text', maxLength: 200, width: 24,
    help: 'Chức vụ chính quyền, đoàn thể (nếu có).' },
  { key: 'civilServant', header: 'Công chức, viên chức', required: false, type: 'bool', width: 14,
    help: 'Có nếu là cán bộ, công chức, viên chức (có xếp loại công chức, viên chức).' },
  { key: 'exempt', header: 'Miễn công tác và sinh hoạt đảng', required: false, type: 'bool', width: 16,
    help: 'Có nếu được miễn công tác và sinh hoạt đảng.' },
  { key: 'suspended', header: 'Đình chỉ sinh hoạt đảng', required: false, type: 'bool', width: 14,
    help: 'Có nếu đang bị đình chỉ sinh hoạt đảng.' },
  { key: 'transferredInOn', header: 'Ngày chuyển đến', required: false, type: 'date', width: 16,
    help: 'Ngày chuyển sinh hoạt đảng chính thức đến đơn vị này (nếu có).' },
  { key: 'temporaryAttachmentAt', header: 'Sinh hoạt tạm thời tại', required: false, type: 'text', maxLength: 200, width: 24,
    help: 'Tên chi bộ nơi đảng viên sinh hoạt tạm thời (nếu có).' },
];
