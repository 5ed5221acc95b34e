import {
  dossierStateLabels,
  formatVietnameseDate,
  formatVietnameseDateTime,
  partyPositionLabels,
  ratingLabels,
  roleLabels,
  sectorLabels,
  unitKindLabels,
  campaignStateLabels,
} from '@kd/domain';

/**
 * The audit trail in words: what an entry's before and after say, field by field, in Vietnamese,
 * with names instead of ids and dates as dd/mm/yyyy — never the stored JSON.
 */
export const auditFieldLabels: Record<string, string> = {
  fullName: 'Họ và tên',
  birthDate: 'Ngày sinh',
  admittedOn: 'Ngày vào Đảng',
  officialOn: 'Ngày chính thức',
  groupId: 'Tổ đảng',
  partyPosition: 'Chức vụ Đảng',
  governmentPosition: 'Chức vụ chính quyền',
  civilServant: 'Cán bộ, công chức',
  exempt: 'Miễn công tác và sinh hoạt đảng',
  suspended: 'Đình chỉ sinh hoạt đảng',
  transferredInOn: 'Ngày chuyển đến',
  temporaryAttachmentAt: 'Sinh hoạt tạm thời tại',
  unitId: 'Đơn vị',
  parentId: 'Đơn vị cấp trên',
  name: 'Tên',
  kind: 'Loại hình',
  sector: 'Lĩnh vực',
  foundedOn: 'Ngày thành lập',
  closedOn: 'Ngày kết thúc hoạt động',
  on: 'Ngày hiệu lực',
  year: 'Năm',
  version: 'Phiên bản',
  rows: 'Số dòng',
  source: 'Nguồn',
  state: 'Trạng thái',
  status: 'Tình trạng',
  rating: 'Xếp loại',
  proposed: 'Đề xuất',
  decided: 'Chi bộ quyết định',
  selfProposed: 'Tự nhận',
  final: 'Kết quả',
  reason: 'Lý do',
  meetingDate: 'Ngày họp',
  date: 'Ngày',
  at: 'Thời điểm',
  share: 'Tỷ lệ',
  emails: 'Địa chỉ thư',
  reminderDaysBefore: 'Nhắc trước (ngày)',
  receivesReports: 'Nhận báo cáo',
  milestones: 'Các mốc thời gian',
  title: 'Tiêu đề',
  deadline: 'Hạn',
  closedAt: 'Thời điểm kết thúc',
  openedAt: 'Thời điểm mở',
  rulebookId: 'Bộ quy tắc',
  sourceIds: 'Các đơn vị nhập vào',
  successors: 'Các đơn vị tách ra',
  score: 'Điểm',
  scores: 'Điểm',
  points: 'Điểm',
  comment: 'Ý kiến',
  text: 'Nội dung',
  count: 'Số lượng',
  masses: 'Số quần chúng',
  enabled: 'Áp dụng',
  role: 'Vai trò',
  fromDate: 'Từ ngày',
};

/** Stored fields that say nothing to a reader (keys, bookkeeping, the history of cells). */
const HIDDEN = new Set(['pk', 'sk', 'type', 'tenant', 'id', 'cells', 'attachments', 'formerMemberIds', 'path', 'memberCount', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'searchName']);

const enumLabels: Record<string, Record<string, string>> = {
  partyPosition: partyPositionLabels,
  kind: unitKindLabels,
  sector: sectorLabels,
  rating: ratingLabels,
  proposed: ratingLabels,
  decided: ratingLabels,
  selfProposed: ratingLabels,
  final: ratingLabels,
  role: roleLabels,
  state: { ...dossierStateLabels, ...campaignStateLabels },
};

const MAX_LINES = 12;

export type Names = ReadonlyMap<string, string>;

/** One value in words. */
export function valueText(value: unknown, key: string, names: Names): string {
  if (value === null || value === undefined || value === '') return '(trống)';
  if (typeof value === 'boolean') return value ? 'có' : 'không';
  if (typeof value === 'number') return value.toLocaleString('vi-VN');
  if (typeof value === 'string') {
    const label = enumLabels[key]?.[value];
    if (label) return label;
    if (names.has(value)) return names.get(value)!;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatVietnameseDate(value);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && !Number.isNaN(Date.parse(value))) return formatVietnameseDateTime(new Date(value));
    return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '(không có)';
    if (value.every((v) => typeof v !== 'object' || v === null)) {
      const shown = value.slice(0, 5).map((v) => valueText(v, key, names));
      return value.length > 5 ? `${shown.join(', ')} và ${value.length - 5} mục khác` : shown.join(', ');
    }
    return `${value.length} mục`;
  }
  return `${Object.keys(value as object).filter((k) => !HIDDEN.has(k)).length} thông tin`;
}

const labelOf = (key: string) => auditFieldLabels[key] ?? 'Thông tin khác';

export interface ChangeLine {
  label: string;
  before: string | null;
  after: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What an entry changed, line by line: for two records the fields that differ (before → after),
 * for a creation the fields it was given, for a removal what it had; a nested record one level
 * down with its parent's label. At most twelve lines.
 */
export function changeLines(before: unknown, after: unknown, names: Names, prefix = ''): ChangeLine[] {
  const lines: ChangeLine[] = [];
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!isRecord(before) && !isRecord(after)) {
    if (hasBefore || hasAfter) lines.push({ label: prefix || 'Giá trị', before: hasBefore ? valueText(before, '', names) : null, after: hasAfter ? valueText(after, '', names) : null });
    return lines;
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const known = Object.keys(auditFieldLabels);
  const rank = (k: string) => (known.includes(k) ? known.indexOf(k) : known.length);
  const keysInOrder = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN.has(k)).sort((x, y) => rank(x) - rank(y));
  // A record created or removed: what it had, not its empty fields.
  const empty = (v: unknown) => v === null || v === undefined || v === '' || v === false || (Array.isArray(v) && v.length === 0);
  const oneSided = !isRecord(before) || !isRecord(after);
  const same = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);
  for (const key of keysInOrder) {
    const x = b[key];
    const y = a[key];
    if (same(x, y)) continue;
    if (oneSided && empty(x) && empty(y)) continue;
    // A record's new version number says nothing beside the fields that changed with it (a results
    // version, in a small record of its own, is the change itself).
    if (key === 'version' && keysInOrder.length > 4 && keysInOrder.some((k) => k !== 'version' && !same(b[k], a[k]))) continue;
    const label = prefix ? `${prefix} › ${labelOf(key)}` : labelOf(key);
    if ((isRecord(x) || isRecord(y)) && !prefix) {
      lines.push(...changeLines(x, y, names, label));
    } else {
      lines.push({
        label,
        before: hasBefore && isRecord(before) ? valueText(x, key, names) : null,
        after: hasAfter && isRecord(after) ? valueText(y, key, names) : null,
      });
    }
    if (lines.length >= MAX_LINES) break;
  }
  return lines.slice(0, MAX_LINES);
}

/** The target of an entry in words: `campaign/2021` → "đợt kiểm điểm năm 2021", `c1/2021` → "Chi bộ … — năm 2021". */
export function targetText(target: string, names: Names): string {
  const parts = target.split('/').filter(Boolean);
  const words = parts.map((p) => (p === 'campaign' ? 'Đợt kiểm điểm' : /^\d{4}$/.test(p) ? `năm ${p}` : (names.get(p) ?? p)));
  return words.join(' — ');
}
