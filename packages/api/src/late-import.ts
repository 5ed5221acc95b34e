import { z } from 'zod';

let extended: Promise<void> | undefined;

/**
 * Loads a module the app loads late (a route group, the pages, the OpenAPI document) after zod has
 * its `.openapi()`. @hono/zod-openapi adds it when its module runs, and a bundler is free to run a
 * module that only takes `z` from it before that module (esbuild does, across split chunks); the
 * request path never loads it at a cold start. So whatever loads late waits for it first.
 */
export function afterOpenApi<T>(load: () => Promise<T>): Promise<T> {
  extended ??= import('@hono/zod-openapi').then((m) => m.extendZodWithOpenApi(z));
  return extended.then(load);
}
