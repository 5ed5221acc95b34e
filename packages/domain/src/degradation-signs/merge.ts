import { z } from 'zod';
import { DomainError, type ErrorCode } from '../errors/index';
import { DegradationSign, type DegradationSign as Sign } from './degradation-sign';

/**
 * A tenant's own list. `replace`: the tenant's list is the whole list (Trà Vinh's 82 concretised
 * signs). `extend`: the national list stays; a tenant sign with a national code replaces that sign
 * (how official wording replaces a placeholder) and new codes are added.
 */
export const TenantSignList = z.object({
  mode: z.enum(['replace', 'extend']),
  signs: z.array(DegradationSign).min(1).max(500),
});
export type TenantSignList = z.infer<typeof TenantSignList>;
export type TenantSignListInput = z.input<typeof TenantSignList>;

/**
 * The list a tenant's members answer, ordered by `order`.
 * @throws DomainError `DUPLICATE_SIGN_CODE` / `DUPLICATE_SIGN_ORDER` (422) when two signs collide.
 * @example mergeSigns(nationalDegradationSigns, { mode: 'extend', signs: [{ code: 'NQ04.05', … }] })
 */
export function mergeSigns(national: readonly Sign[], tenantList?: TenantSignListInput | null): Sign[] {
  if (!tenantList) return sortSigns([...national]);
  const tenant = TenantSignList.parse(tenantList);
  assertUnique(tenant.signs, (s) => s.code, 'DUPLICATE_SIGN_CODE', 'Mã biểu hiện bị trùng trong danh sách của đơn vị');
  if (tenant.mode === 'replace') return checked(tenant.signs);
  const byCode = new Map(national.map((s) => [s.code, s] as const));
  for (const s of tenant.signs) byCode.set(s.code, s);
  return checked([...byCode.values()]);
}

function checked(signs: Sign[]): Sign[] {
  assertUnique(signs, (s) => String(s.order), 'DUPLICATE_SIGN_ORDER', 'Hai biểu hiện có cùng số thứ tự');
  return sortSigns(signs);
}

function sortSigns(signs: Sign[]): Sign[] {
  return signs.sort((a, b) => a.order - b.order);
}

function assertUnique(signs: readonly Sign[], keyOf: (s: Sign) => string, code: ErrorCode, message: string): void {
  const seen = new Set<string>();
  const dupes = new Set<string>();
  for (const s of signs) {
    const k = keyOf(s);
    if (seen.has(k)) dupes.add(k);
    seen.add(k);
  }
  if (dupes.size > 0) throw new DomainError(code, `${message}: ${[...dupes].join(', ')}.`, { duplicates: [...dupes] });
}
