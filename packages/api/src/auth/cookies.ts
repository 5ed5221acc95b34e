import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/** The cookies the app sets: the session, the sign-in in progress, and the CSRF secret before a session. */
export const COOKIES = { session: 'kd_session', login: 'kd_login', pre: 'kd_pre' } as const;
export type CookieBase = (typeof COOKIES)[keyof typeof COOKIES];

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Cookies are `Secure` with the `__Host-` prefix (no Domain, Path=/, so no other host can set or
 * shadow them) over https and on the loopback addresses, where browsers accept Secure cookies over
 * plain http; on another plain-http host (a LAN address given in HOST) they are neither, or the
 * browser would drop them.
 */
export function secureCookies(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'https:' || LOOPBACK.has(u.hostname);
}

/** The name a cookie has on this request's origin. */
export function cookieName(url: string, base: CookieBase): string {
  return secureCookies(url) ? `__Host-${base}` : base;
}

export function readCookie(c: Context, base: CookieBase): string | undefined {
  const value = getCookie(c, cookieName(c.req.url, base));
  return value === undefined || value === '' ? undefined : value;
}

/**
 * HttpOnly always. SameSite: Strict for the session (no request from another site carries it),
 * Lax for the sign-in in progress (the provider sends the browser back with a top-level GET from
 * its own site).
 */
export function writeCookie(c: Context, base: CookieBase, value: string, options: { maxAge: number; sameSite: 'Strict' | 'Lax' }): void {
  setCookie(c, cookieName(c.req.url, base), value, { httpOnly: true, secure: secureCookies(c.req.url), path: '/', maxAge: options.maxAge, sameSite: options.sameSite });
}

export function clearCookie(c: Context, base: CookieBase): void {
  deleteCookie(c, cookieName(c.req.url, base), { path: '/', secure: secureCookies(c.req.url), httpOnly: true });
}
