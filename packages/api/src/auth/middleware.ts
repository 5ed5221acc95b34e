import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from '@kd/domain';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { callerFromClaims, type Caller } from './claims';
import { COOKIES, readCookie } from './cookies';

/** The bearer token of the Authorization header ('' when the header is there but malformed). */
export function bearerOf(c: Context): string | undefined {
  const header = c.req.header('authorization');
  if (header === undefined) return undefined;
  return /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? '';
}

/**
 * An expiry, as a number of seconds or the string API Gateway's authorizer passes. Whatever the
 * source verified, claims without one are refused: a token must not be good forever.
 */
function expires(claims: Record<string, unknown>): boolean {
  const exp = typeof claims.exp === 'string' ? Number(claims.exp) : claims.exp;
  return typeof exp === 'number' && Number.isFinite(exp);
}

/** The session cookie's token (an OpenID Connect ID token). */
export function sessionTokenOf(c: Context): string | undefined {
  return readCookie(c, COOKIES.session);
}

/** True when this request came through the pages' JSON API (`WEB_API_BASE`): the cookie is its credential. */
function isSessionRequest(c: Context<AppEnv>): boolean {
  return (c.env as AppEnv['Bindings'] | undefined)?.session === true;
}

/**
 * The credential of a request: on the API, the bearer token only; on the pages' JSON API, the
 * session cookie only; on a page, a bearer token when the request has one (tests, scripts) and the
 * session cookie otherwise. A cookie is never read where a bearer header was sent.
 */
export function tokenOf(c: Context<AppEnv>, where: 'api' | 'page'): string | undefined {
  if (where === 'api') return isSessionRequest(c) ? sessionTokenOf(c) : bearerOf(c);
  return bearerOf(c) ?? sessionTokenOf(c);
}

export async function callerOf(deps: AppDeps, c: Context<AppEnv>, token: string | undefined): Promise<Caller | undefined> {
  if (token === undefined) return undefined;
  const claims = await deps.claims(c, token).catch(() => undefined);
  return claims && expires(claims) ? callerFromClaims(claims) : undefined;
}

/** The caller of a page, or undefined (no credential, or an invalid or expired one). */
export async function resolveCaller(deps: AppDeps, c: Context<AppEnv>): Promise<Caller | undefined> {
  return callerOf(deps, c, tokenOf(c, 'page'));
}

/** Every API route but the public ones requires a verified caller (401 otherwise). */
export function requireCaller(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = tokenOf(c, 'api');
    const caller = await callerOf(deps, c, token);
    if (!caller) {
      const hasToken = token !== undefined;
      throw new DomainError(hasToken ? 'INVALID_TOKEN' : 'UNAUTHENTICATED',
        hasToken ? 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.' : 'Bạn cần đăng nhập.',
      );
    }
    c.set('caller', caller);
    await next();
  };
}
