import { z } from 'zod';

/** Roles a token may carry (docs/api.md, "Authentication and scope"). */
export const demoRoles = ['province_board', 'bloc_board', 'base_committee', 'cell_secretary', 'viewer', 'member'] as const;
export const DemoRole = z.enum(demoRoles);
export type DemoRole = z.infer<typeof DemoRole>;

/** A demo login, as `GET /api/v1/dev/identities` lists it: `tenant` is the tenant id. */
export const DemoIdentity = z.object({
  tenant: z.string().min(1),
  unit: z.string().min(1),
  role: DemoRole,
  name: z.string().min(1),
  sub: z.string().min(1),
});
export type DemoIdentity = z.infer<typeof DemoIdentity>;

/** Where a unit's reports go by e-mail: its organising board (Ban Tổ chức). Demo addresses only. */
export const DemoRecipients = z.object({
  unitId: z.string().min(1),
  emails: z.array(z.email().refine((e) => e.endsWith('.example.vn'), 'Chỉ dùng địa chỉ example.vn')).min(1),
});
export type DemoRecipients = z.infer<typeof DemoRecipients>;
