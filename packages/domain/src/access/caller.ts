import { z } from 'zod';
import { Role } from './role';

/**
 * The caller, as every use case sees it, whatever verified the token: the tenant (province) and the
 * unit it acts for come from the verified token only (docs/security.md).
 */
export const Caller = z.object({
  sub: z.string().min(1),
  // Kept in audit entries: NFC like every stored text.
  name: z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().min(1)),
  tenant: z.string().min(1),
  unit: z.string().min(1),
  role: Role,
});
export type Caller = z.infer<typeof Caller>;
