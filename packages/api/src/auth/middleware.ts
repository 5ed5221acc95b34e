import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { DomainError } from '@kd/domain';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { callerFromClaims, type Caller } from './claims';

export const TOKEN_COOKIE = 'kd_token';

export function tokenOf(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    return m?.[1] ?? '';
  }
  return getCookie(c, TOKEN_COOKIE);
}

/**
 * An expiry, as a number of seconds or the string API Gateway's authorizer passes. Whatever the
 * source verified, claims without one are refused: a token must not be good forever.
 */
function expires(claims: Record<string, unknown>): boolean {
  const exp = typeof claims.exp === 'string' ? Number(claims.exp) : claims.exp;
  return typeof exp === 'number' && Number.isFinite(exp);
}

export async function resolveCaller(deps: AppDeps, c: Context): Promise<Caller | undefined> {
  const token = tokenOf(c);
  const claims = await deps.claims(c, token).catch(() => undefined);
  return claims && expires(claims) ? callerFromClaims(claims) : undefined;
}

/** Every API route but the public ones requires a verified caller (401 otherwise). */
export function requireCaller(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = await resolveCaller(deps, c);
    if (!caller) {
      const hasToken = tokenOf(c) !== undefined;
      throw new DomainError(hasToken ? 'INVALID_TOKEN' : 'UNAUTHENTICATED',
        hasToken ? 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.' : 'Bạn cần đăng nhập.',
      );
    }
    c.set('caller', caller);
    await next();
  };
}
