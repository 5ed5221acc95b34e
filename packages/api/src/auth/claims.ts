import { z } from 'zod';

export const roles = ['province_board', 'bloc_board', 'base_committee', 'cell_secretary', 'viewer'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const roleLabels: Record<Role, string> = {
  province_board: 'Ban Tổ chức Tỉnh ủy',
  bloc_board: 'Ban Tổ chức Đảng ủy cấp trên cơ sở',
  base_committee: 'Đảng ủy cơ sở',
  cell_secretary: 'Bí thư chi bộ',
  viewer: 'Xem',
};

/** The caller, as every request sees it, whatever verified the token (contract §2). */
export const Caller = z.object({
  sub: z.string().min(1),
  name: z.string().min(1),
  tenant: z.string().min(1),
  unit: z.string().min(1),
  role: Role,
});
export type Caller = z.infer<typeof Caller>;

/** Reads claims in either form: plain (`tenant`) or Cognito custom attributes (`custom:tenant`). */
export function callerFromClaims(claims: Record<string, unknown>): Caller | undefined {
  const pick = (name: string) => claims[name] ?? claims[`custom:${name}`];
  const parsed = Caller.safeParse({
    sub: claims.sub,
    name: claims.name ?? claims['cognito:username'] ?? claims.email,
    tenant: pick('tenant'),
    unit: pick('unit'),
    role: pick('role'),
  });
  return parsed.success ? parsed.data : undefined;
}
