import type { Role } from './role';

/**
 * What each role may do, in one table (the README prints it). Reading is always limited to the
 * caller's subtree by `scope.ts`; this table says which changes a role may make there.
 */
export const actions = [
  'unit.read',
  'unit.create',
  'unit.rename',
  'unit.move',
  'unit.close',
  'member.read',
  'member.write',
  'results.write',
  'review.submit',
  'review.appraise',
  'report.request',
  'scoring.manage',
  'plan.adopt',
  'campaign.manage',
  'member.reconcile',
  'masses.open',
  'masses.write',
] as const;
export type Action = (typeof actions)[number];

export const actionLabels: Record<Action, string> = {
  'unit.read': 'Xem đơn vị, cây đơn vị, số liệu',
  'unit.create': 'Tạo đơn vị trực thuộc',
  'unit.rename': 'Đổi tên đơn vị',
  'unit.move': 'Chuyển đơn vị sang đơn vị cấp trên khác',
  'unit.close': 'Giải thể đơn vị',
  'member.read': 'Xem danh sách, hồ sơ đảng viên',
  'member.write': 'Thêm, sửa, chuyển sinh hoạt đảng viên; tải danh sách',
  'results.write': 'Nhập kết quả kiểm điểm, xếp loại; xếp loại tập thể',
  'review.submit': 'Gửi hồ sơ lên cấp trên',
  'review.appraise': 'Thẩm định: duyệt, duyệt có điều chỉnh, trả lại',
  'report.request': 'Yêu cầu lập báo cáo tiến độ',
  'scoring.manage': 'Đặt điểm từng tiêu chí của khung chấm điểm (tỉnh; khối trong khung của tỉnh)',
  'plan.adopt': 'Ban hành kế hoạch của cấp mình (mốc thời gian trong khung của cấp trên)',
  'campaign.manage': 'Mở, kết thúc đợt kiểm điểm của tỉnh (bộ quy tắc, khung mốc thời gian); sửa bộ quy tắc của tỉnh; nhập kết quả các năm trước',
  'member.reconcile': 'Đối chiếu với CSDL đảng viên, sửa hồ sơ theo kết quả đối chiếu',
  'masses.open': 'Mở đợt tự phê bình trước quần chúng của năm',
  'masses.write': 'Khai báo nơi làm việc, ghi buổi tự phê bình trước quần chúng, ý kiến, khắc phục, ký biên bản',
};

const all = new Set<Action>(actions);
const readOnly = new Set<Action>(['unit.read', 'member.read']);

export const permissions: Record<Role, ReadonlySet<Action>> = {
  province_board: all,
  bloc_board: new Set<Action>([...all].filter((a) => a !== 'campaign.manage' && a !== 'member.reconcile')),
  base_committee: new Set<Action>(['unit.read', 'unit.create', 'unit.rename', 'unit.close', 'member.read', 'member.write', 'results.write', 'review.submit', 'review.appraise', 'plan.adopt', 'masses.write']),
  cell_secretary: new Set<Action>(['unit.read', 'unit.create', 'unit.rename', 'member.read', 'member.write', 'results.write', 'review.submit', 'plan.adopt', 'masses.write']),
  viewer: readOnly,
  // A member acts on their own record only, through the member's own use cases (services/members/own-record.ts), never on the unit.
  member: new Set<Action>(),
};

export function roleMay(role: Role, action: Action): boolean {
  return permissions[role].has(action);
}
