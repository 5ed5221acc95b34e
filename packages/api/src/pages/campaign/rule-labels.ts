import { ratingLabels, unitKindLabels, type Effect, type Severity } from '@kd/domain';

/** The rulebook page's words for what a rule does, how severe it is and whom it reads. */
export const effectLabels: Record<Effect, string> = {
  exclude: 'Không xếp loại',
  force: 'Buộc mức xếp loại',
  cap: 'Giới hạn mức cao nhất',
  require: 'Phải có trước khi xếp loại',
  propose: 'Đề nghị khen thưởng',
  flag: 'Đưa ra cấp ủy xem xét',
};
export const severityLabels: Record<Severity, string> = { blocking: 'Chặn gửi hồ sơ', warning: 'Cảnh báo' };
export const scopeLabels = { member: 'Đảng viên', unit: 'Tập thể', group: 'Nhóm tập thể tương đồng' } as const;

/** Each parameter of the check vocabulary as the form labels it. */
export const paramLabels: Record<string, string> = {
  ratioPercent: 'Tỷ lệ tối đa (% số Hoàn thành tốt)',
  exceptionMaxPercent: 'Tỷ lệ ngoại lệ tối đa (%)',
  rounding: 'Làm tròn',
  unitKinds: 'Loại đơn vị',
  months: 'Số tháng',
  reviewRequired: 'Vẫn phải kiểm điểm',
  cutoff: 'Tính đến',
  followUp: 'Phải xếp loại bổ sung',
  thresholdDays: 'Ngưỡng (ngày làm việc)',
  excludeFromVote: 'Không đưa vào danh sách biểu quyết',
  minPercent: 'Tỷ lệ tối thiểu (%)',
  minAbsences: 'Số kỳ vắng từ',
  minSilentMeetings: 'Số kỳ không phát biểu từ',
  taskShare: 'Bắt buộc có tỷ lệ hoàn thành nhiệm vụ',
  bands: 'Khung điểm',
  fallback: 'Mức khi không đạt điều kiện của khung nào',
  minScore: 'Điểm tối thiểu',
  circumstances: 'Tình tiết được xem xét',
  minShareAtLeastComplete: 'Tỷ lệ từ Hoàn thành nhiệm vụ trở lên (%)',
  minShareAtLeastGood: 'Tỷ lệ từ Hoàn thành tốt trở lên (%)',
  used: 'Áp dụng',
  minCompletedPercent: 'Hoàn thành nhiệm vụ từ (%)',
  maxLatePercent: 'Chậm tiến độ tối đa (%)',
  minExceedingPercent: 'Vượt yêu cầu từ (%)',
  requireRemedied: 'Đã khắc phục hết hạn chế',
  level: 'Mức',
  subject: 'Đối tượng',
  years: 'Số năm liền',
  awards: 'Hình thức khen thưởng',
  notRatedBreaksChain: 'Năm không xếp loại làm gián đoạn chuỗi năm liền',
};

/** Words that have fixed choices, as the form offers them. */
export const paramChoices: Record<string, readonly { value: string; label: string }[]> = {
  rounding: [{ value: 'floor', label: 'Làm tròn xuống' }, { value: 'round', label: 'Làm tròn' }, { value: 'ceil', label: 'Làm tròn lên' }],
  cutoff: [{ value: 'ratingDate', label: 'Ngày họp xếp loại' }, { value: 'yearEnd', label: 'Cuối năm' }],
  fallback: Object.entries(ratingLabels).map(([value, label]) => ({ value, label })),
  level: Object.entries(ratingLabels).map(([value, label]) => ({ value, label })),
  subject: [{ value: 'member', label: 'Đảng viên' }, { value: 'organisation', label: 'Tổ chức đảng' }],
};

/** The awards a reward rule proposes (who grants the year's certificate depends on the subject: the rewards list says). */
const awardNames: Record<string, string> = {
  baseCertificate: 'Giấy khen trong năm',
  upperCertificate: 'Giấy khen của cấp ủy cấp trên trực tiếp',
  provinceCertificate: 'Bằng khen của Ban Thường vụ Tỉnh ủy',
};
const awardText = (award: string) => awardNames[award] ?? award;

/** A parameter's value as the page prints it. */
export function paramText(name: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'string') return paramChoices[name]?.find((c) => c.value === value)?.label ?? value;
  if (Array.isArray(value)) {
    return value
      .map((v) => (typeof v === 'object' && v !== null ? Object.entries(v).map(([k, x]) => `${paramLabels[k] ?? k}: ${paramText(k, x)}`).join(', ') : name === 'unitKinds' ? (unitKindLabels[v as keyof typeof unitKindLabels] ?? String(v)) : name === 'awards' ? awardText(String(v)) : String(v)))
      .join(name === 'bands' ? ' | ' : '; ');
  }
  return JSON.stringify(value);
}

/** Where a rule is explained: its anchor on the campaign's rulebook page (every violation links here). */
export function ruleHref(year: number, unitId: string, ruleId: string): string {
  return `/campaigns/${year}/units/${encodeURIComponent(unitId)}/rulebook#rule-${ruleId}`;
}
