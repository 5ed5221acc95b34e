import { Hono } from 'hono';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';

/** Server-rendered pages of this area. */
export function uploadPages(_deps: AppDeps) {
  const r = new Hono<AppEnv>();
  return r;
}
