import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';

/**
 * The request being handled, for what renders deep inside it (PostForm's CSRF token), as Hono's
 * `contextStorage()` gives it but held weakly. Whatever the request creates keeps the store for
 * its whole life, and a keep-alive socket of the DynamoDB client opened during a request lives on
 * for later ones: with the context itself as the store, each such socket kept that request's
 * context, its answer included (6 MB for a 20,000-row upload), reachable until it closed.
 */
const current = new AsyncLocalStorage<WeakRef<Context<AppEnv>>>();

export function requestContextStorage(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await current.run(new WeakRef(c), next);
  };
}

/** The context of the request being handled, or undefined outside one (the handler holds it while it runs). */
export function currentRequestContext(): Context<AppEnv> | undefined {
  return current.getStore()?.deref();
}
