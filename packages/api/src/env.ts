import type { Caller } from '@kd/domain';

/** Hono typing shared by every route: the verified caller is set by the auth middleware. */
export interface AppEnv {
  Variables: { caller: Caller };
  Bindings: { event?: { requestContext?: { authorizer?: { jwt?: { claims?: Record<string, unknown> } } } } };
}
