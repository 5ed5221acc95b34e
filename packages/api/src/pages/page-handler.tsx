import type { Context } from 'hono';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import type { Caller } from '@kd/domain';
import { resolveCaller } from '../auth/middleware';
import { toDomainError } from '../errors';
import { httpStatus } from '../http-status';
import { ErrorPage } from './unit-page';
import { assertWritable, tenantNotice } from '@kd/services';
import { withPageNotice } from './page-notice';

export type PageHandler = (c: Context<AppEnv>, caller: Caller) => Response | Promise<Response>;

/**
 * Every page: the caller from the session cookie (none or a bad token → the login page), then the
 * page itself; anything it throws is rendered as an error page with the error's status (403, 404 …).
 * A frozen province's users see where it went at the top of every page, and their forms write nothing.
 */
export function pageHandler(deps: AppDeps, handler: PageHandler) {
  return async (c: Context<AppEnv>) => {
    const caller = await resolveCaller(deps, c);
    if (!caller) return c.redirect('/login', 302);
    const notice = await tenantNotice(deps, caller.tenant);
    return withPageNotice(notice, async () => {
      try {
        if (notice && c.req.method !== 'GET' && c.req.method !== 'HEAD') await assertWritable(deps, caller.tenant);
        return await handler(c, caller);
      } catch (error) {
        const e = toDomainError(error);
        if (e.kind === 'internal') console.error(e.cause ?? e);
        return c.html(<ErrorPage caller={caller} status={httpStatus[e.kind]} message={e.message} />, httpStatus[e.kind]);
      }
    });
  };
}
