import type { Context } from 'hono';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import type { Caller, DomainError } from '@kd/domain';
import { resolveCaller, sessionTokenOf } from '../auth/middleware';
import { clearCookie, COOKIES } from '../auth/cookies';
import { logFailure, retryHeaders, toDomainError } from '../errors';
import { httpStatus } from '../http-status';
import { ErrorPage } from './unit-page';
import { assertWritable, tenantNotice } from '@kd/services';
import { withPageNotice } from './page-notice';
import { loginHref, safeNext } from './session-pages';
import { nextStepOf } from './next-steps';
import type { ErrorBody } from '../errors';

export type PageHandler = (c: Context<AppEnv>, caller: Caller) => Response | Promise<Response>;

/** The page to come back to after signing in: this one, or for a form post the page that sent it. */
function returnPath(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  if (c.req.method === 'GET') return url.pathname + url.search;
  const referer = c.req.header('referer');
  const from = referer && URL.canParse(referer) ? new URL(referer) : undefined;
  return from && from.origin === url.origin ? safeNext(from.pathname + from.search) : '/';
}

/** The page the user came from (same origin, never this address), for a "back" link on an error page. */
function backOf(c: Context<AppEnv>): string | undefined {
  const referer = c.req.header('referer');
  const url = new URL(c.req.url);
  const from = referer && URL.canParse(referer) ? new URL(referer) : undefined;
  if (!from || from.origin !== url.origin || from.pathname === url.pathname) return undefined;
  const back = safeNext(from.pathname + from.search);
  return back === '/' ? undefined : back;
}

/** An error as a Vietnamese page: its message, what to do about it, and the way back. */
function errorView(c: Context<AppEnv>, caller: Caller | undefined, status: number, code: string, message: string, headers: Record<string, string> = {}): Response | Promise<Response> {
  return c.html(<ErrorPage caller={caller} status={status} message={message} next={nextStepOf(code, status, c.req.path)} back={backOf(c)} />, status as (typeof httpStatus)[keyof typeof httpStatus], headers);
}

/** No valid session: to the login page, which comes back here; an expired session cookie is dropped. */
export function toLogin(c: Context<AppEnv>): Response {
  if (sessionTokenOf(c) !== undefined) clearCookie(c, COOKIES.session);
  return c.redirect(loginHref(returnPath(c)), c.req.method === 'GET' ? 302 : 303);
}

/**
 * Every page: the caller from the session cookie (none, or an invalid or expired token → the login
 * page, then back), then the page itself; anything it throws is rendered as an error page with the
 * error's status (403, 404 …). A frozen province's users see where it went at the top of every page,
 * and their forms write nothing.
 */
export function pageHandler(deps: AppDeps, handler: PageHandler) {
  return async (c: Context<AppEnv>) => {
    const caller = await resolveCaller(deps, c);
    if (!caller) return toLogin(c);
    const notice = await tenantNotice(deps, caller.tenant);
    return withPageNotice(notice, async () => {
      try {
        if (notice && c.req.method !== 'GET' && c.req.method !== 'HEAD') await assertWritable(deps, caller.tenant);
        return await handler(c, caller);
      } catch (error) {
        const e = toDomainError(error);
        logFailure(e);
        return errorView(c, caller, httpStatus[e.kind], e.code, e.message, retryHeaders(e));
      }
    });
  };
}

/**
 * Anything outside the JSON APIs that no page handled — an unknown address, a body too large, a
 * failure before a page ran — answered as a Vietnamese page of the error's status, with the
 * caller's header when there is a valid session.
 */
export async function errorPage(deps: AppDeps, c: Context<AppEnv>, error: unknown): Promise<Response> {
  const e = toDomainError(error);
  logFailure(e);
  const caller = await resolveCaller(deps, c).catch(() => undefined);
  return errorView(c, caller, httpStatus[e.kind], e.code, e.message, retryHeaders(e));
}

/**
 * A refusal of the pages' JSON API met by following a link (a .docx, an .xlsx that cannot be made
 * yet, a record not there): the browser would show the raw JSON, so the answer is the Vietnamese
 * error page of the same status, saying what to do. The pages' scripts still get the JSON.
 */
export async function linkErrorPage(deps: AppDeps, c: Context<AppEnv>, res: Response): Promise<Response> {
  const body = (await res.json().catch(() => null)) as ErrorBody | null;
  const caller = await resolveCaller(deps, c).catch(() => undefined);
  const retry = res.headers.get('retry-after');
  return errorView(c, caller, res.status, body?.error.code ?? 'INTERNAL', body?.error.message ?? 'Đã có lỗi hệ thống. Vui lòng thử lại sau.', retry ? { 'retry-after': retry } : {});
}

/** A write refused before any page ran (a forged or stale form): an error page of its own status. */
export function refusedPage(c: Context<AppEnv>, e: DomainError): Response | Promise<Response> {
  return c.html(<ErrorPage status={httpStatus[e.kind]} message={e.message} />, httpStatus[e.kind]);
}
