import { OpenAPIHono } from '@hono/zod-openapi';
import { toDomainError } from './errors';
import type { AppEnv } from './env';

/** Every router validates with zod and answers invalid input with the contract's 400 body. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw toDomainError(result.error);
    },
  });
}
