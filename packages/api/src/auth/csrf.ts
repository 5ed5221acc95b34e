import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { DomainError } from '@kd/domain';
import type { AppEnv } from '../env';
import { COOKIES, readCookie, writeCookie } from './cookies';

/** The hidden field of every form that changes something, and the header of the pages' script. */
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)/i;

/**
 * The token of a browser session: a hash of the session cookie (or, before sign-in, of the random
 * `kd_pre` cookie). A page of another origin can read neither, so it cannot write the token into a
 * forged form; the token changes with every sign-in and needs no server-side state.
 */
export function csrfTokenFor(secret: string): string {
  return createHash('sha256').update(`kd-csrf\u0000${secret}`).digest('base64url');
}

/** The cookie the token is derived from on this request. */
export function csrfSecretOf(c: Context): string | undefined {
  return readCookie(c, COOKIES.session) ?? readCookie(c, COOKIES.pre);
}

/** The token for the forms of this response; before sign-in, sets the `kd_pre` cookie it derives from. */
export function ensureCsrf(c: Context<AppEnv>): string {
  let secret = csrfSecretOf(c);
  if (!secret) {
    secret = randomBytes(32).toString('base64url');
    writeCookie(c, COOKIES.pre, secret, { maxAge: 3600, sameSite: 'Strict' });
  }
  const token = csrfTokenFor(secret);
  c.set('csrf', token);
  return token;
}

function sameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Why a write was refused, or null: the Origin and Sec-Fetch-Site of the browser, then the token.
 * The token is asked of every request that carries one of our cookies (a session to ride on), and
 * of `alwaysToken` paths; a request with no cookie and no bearer token is nobody's and is answered
 * by its route (the login page).
 */
async function refusal(c: Context<AppEnv>, tokenInBody: boolean, alwaysToken: boolean): Promise<DomainError | null> {
  const site = c.req.header('sec-fetch-site');
  const origin = c.req.header('origin');
  if ((site !== undefined && site !== 'same-origin') || (origin !== undefined && origin !== new URL(c.req.url).origin)) {
    return new DomainError('CROSS_SITE_REQUEST', 'Yêu cầu gửi từ trang của một địa chỉ khác: bị từ chối.', { origin: origin ?? null, site: site ?? null });
  }
  const secret = csrfSecretOf(c);
  if (!secret && !alwaysToken) return null;
  let sent = c.req.header(CSRF_HEADER);
  if (sent === undefined && tokenInBody && FORM_TYPES.test(c.req.header('content-type') ?? '')) {
    const field = (await c.req.parseBody())[CSRF_FIELD];
    sent = typeof field === 'string' ? field : undefined;
  }
  if (!secret || sent === undefined || !sameToken(sent, csrfTokenFor(secret))) {
    return new DomainError('CSRF_TOKEN_INVALID', 'Biểu mẫu đã cũ hoặc không do trang của hệ thống gửi. Đồng chí vui lòng tải lại trang rồi làm lại.');
  }
  return null;
}

/**
 * Every write a browser can send with its cookies — page forms, the sign-in provider's form, the
 * pages' JSON API (`/web/api/v1`) — must come from a page of this origin (Sec-Fetch-Site
 * `same-origin`, or an Origin equal to ours, when the browser sends them) AND, when it carries one
 * of our cookies, the session's token (hidden field `_csrf`, or header `x-csrf-token`). Not
 * guarded: `skip` paths (the bearer-only
 * API, the provider's token endpoint called server to server) and page writes that carry a bearer
 * token (a header no other site can make a browser send; pages then ignore the cookie).
 */
export function csrfGuard(options: {
  skip: (path: string) => boolean;
  jsonPath: (path: string) => boolean;
  /** Forms that need the token even without a session: the sign-in provider's. */
  alwaysToken: (path: string) => boolean;
  page: (c: Context<AppEnv>, e: DomainError) => Response | Promise<Response>;
}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || options.skip(c.req.path)) return next();
    const json = options.jsonPath(c.req.path);
    if (!json && c.req.header('authorization') !== undefined) return next();
    const refused = await refusal(c, !json, options.alwaysToken(c.req.path));
    if (!refused) return next();
    console.warn(JSON.stringify({ msg: 'csrf.refused', code: refused.code, method: c.req.method, path: c.req.path, origin: c.req.header('origin') ?? null, site: c.req.header('sec-fetch-site') ?? null }));
    if (json) throw refused;
    return options.page(c, refused);
  };
}
