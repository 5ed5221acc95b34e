import { Caller } from '@kd/domain';

export { Caller };
export type { Role } from '@kd/domain';

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
