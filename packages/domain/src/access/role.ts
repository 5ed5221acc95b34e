import { z } from 'zod';

/**
 * The working roles a user acts in, for one unit of one province. `member`: a party member signed
 * in for themselves (`unit` is their cell, `sub` their member id); they reach only their own record.
 */
export const roles = ['province_board', 'bloc_board', 'base_committee', 'cell_secretary', 'viewer', 'member'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const roleLabels: Record<Role, string> = {
  province_board: 'Ban Tổ chức Tỉnh ủy',
  bloc_board: 'Ban Tổ chức Đảng ủy cấp trên cơ sở',
  base_committee: 'Đảng ủy cơ sở',
  cell_secretary: 'Bí thư chi bộ',
  viewer: 'Xem',
  member: 'Đảng viên',
};
