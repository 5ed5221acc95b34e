import { Member, type Unit } from '@kd/domain';
import type { Store } from '@kd/data';
import { seedTenant } from '../../packages/local/src/seed';
import type { Identity } from '@kd/api';

/**
 * A small, hand-made pair of provinces for API tests: t1 has two base committees, t2 one cell.
 *   t1: p1 → b1 (bloc) → bc1 (baseCommittee) → c1 (cell, group g1), c2 (cell)
 *                      → bc2 (baseCommittee) → c3 (cell)
 *   t2: p2 → b2 → bc9 → c9
 */
const u = (id: string, name: string, kind: Unit['kind'], path: string[]): Unit => ({
  id,
  name,
  kind,
  parentId: path.length > 1 ? path[path.length - 2]! : null,
  path,
  foundedOn: '2010-01-01',
  closedOn: null,
  sector: kind === 'province' || kind === 'bloc' ? null : 'agency',
  version: 1,
});

export const t1Units: Unit[] = [
  u('p1', 'Tỉnh ủy Thử Nghiệm', 'province', ['p1']),
  u('b1', 'Đảng ủy Khối các cơ quan tỉnh', 'bloc', ['p1', 'b1']),
  u('bc1', 'Đảng ủy Sở Y tế', 'baseCommittee', ['p1', 'b1', 'bc1']),
  u('c1', 'Chi bộ Bệnh viện Phổi', 'cell', ['p1', 'b1', 'bc1', 'c1']),
  u('g1', 'Tổ đảng Khoa Nội', 'group', ['p1', 'b1', 'bc1', 'c1', 'g1']),
  u('c2', 'Chi bộ Văn phòng Sở', 'cell', ['p1', 'b1', 'bc1', 'c2']),
  u('bc2', 'Đảng ủy Sở Tài chính', 'baseCommittee', ['p1', 'b1', 'bc2']),
  u('c3', 'Chi bộ Phòng Ngân sách', 'cell', ['p1', 'b1', 'bc2', 'c3']),
];
export const t2Units: Unit[] = [
  u('p2', 'Tỉnh ủy Khác', 'province', ['p2']),
  u('b2', 'Đảng ủy Khối tỉnh khác', 'bloc', ['p2', 'b2']),
  u('bc9', 'Đảng ủy Sở Y tế tỉnh khác', 'baseCommittee', ['p2', 'b2', 'bc9']),
  u('c9', 'Chi bộ Bệnh viện tỉnh khác', 'cell', ['p2', 'b2', 'bc9', 'c9']),
];

const m = (id: string, unitId: string, fullName: string, extra: Partial<Member> = {}): Member =>
  Member.parse({ id, unitId, fullName, admittedOn: '2015-05-19', officialOn: '2016-05-19', ...extra });

export const t1Members: Member[] = [
  m('M001', 'c1', 'Lê Hồng Vũ', { partyPosition: 'secretary', groupId: 'g1' }),
  m('M002', 'c1', 'Nguyễn Văn An', { groupId: 'g1' }),
  m('M003', 'c1', 'Trần Thị Ánh'),
  m('M004', 'c1', 'Phạm Minh Ân'),
  m('M005', 'c1', 'Võ Văn Ăn'),
  m('M006', 'c1', 'Đặng Thị Anh'),
  m('M007', 'c1', 'Huỳnh Văn Đức'),
  m('M008', 'c1', 'Bùi Văn Dũng'),
  m('M009', 'c1', 'Lý Thị Bình'),
  m('M010', 'c2', 'Đỗ Văn Long', { partyPosition: 'secretary' }),
  m('M011', 'c3', 'Hồ Thị Mai', { partyPosition: 'secretary' }),
];
export const t2Members: Member[] = [m('Q001', 'c9', 'Ngô Văn Nam', { partyPosition: 'secretary' })];

export const identities = {
  province: { tenant: 't1', unit: 'p1', role: 'province_board', name: 'Ban Tổ chức Tỉnh ủy', sub: 'id-p1' },
  bloc: { tenant: 't1', unit: 'b1', role: 'bloc_board', name: 'Ban Tổ chức Đảng ủy Khối', sub: 'id-b1' },
  baseCommittee: { tenant: 't1', unit: 'bc1', role: 'base_committee', name: 'Đảng ủy Sở Y tế', sub: 'id-bc1' },
  otherBaseCommittee: { tenant: 't1', unit: 'bc2', role: 'base_committee', name: 'Đảng ủy Sở Tài chính', sub: 'id-bc2' },
  cell: { tenant: 't1', unit: 'c1', role: 'cell_secretary', name: 'Lê Hồng Vũ', sub: 'id-c1' },
  otherCell: { tenant: 't1', unit: 'c3', role: 'cell_secretary', name: 'Hồ Thị Mai', sub: 'id-c3' },
  viewer: { tenant: 't1', unit: 'bc1', role: 'viewer', name: 'Người xem', sub: 'id-v1' },
  // A party member signed in for themselves: `sub` is their member id.
  member: { tenant: 't1', unit: 'c1', role: 'member', name: 'Nguyễn Văn An', sub: 'M002' },
  otherTenant: { tenant: 't2', unit: 'p2', role: 'province_board', name: 'Ban Tổ chức tỉnh khác', sub: 'id-p2' },
} satisfies Record<string, Identity>;

export async function seedFixture(store: Store): Promise<void> {
  const at = '2021-12-01T00:00:00.000Z';
  await seedTenant(store, { tenantId: 't1', name: 'Tỉnh ủy Thử Nghiệm', units: t1Units, members: t1Members }, at);
  await seedTenant(store, { tenantId: 't2', name: 'Tỉnh ủy Khác', units: t2Units, members: t2Members }, at);
}
