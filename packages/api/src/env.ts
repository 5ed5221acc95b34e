import type { Caller } from '@kd/domain';

/** Hono typing shared by every route: the verified caller is set by the auth middleware. */
export interface AppEnv {
  Variables: {
    caller: Caller;
    /** The CSRF token of the browser session, for the forms of the page being rendered (absent for bearer callers). */
    csrf: string | undefined;
  };
  Bindings: {
    event?: { requestContext?: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } } };
    /** Set on requests that came in through WEB_API_BASE: the caller is the session cookie's. */
    session?: boolean;
    /** Handed by createApp to a route group that loaded late (routes/route-group-dispatch.ts): the caller it verified. */
    caller?: Caller;
  };
}
