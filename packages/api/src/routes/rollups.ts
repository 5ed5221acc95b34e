import type { AppDeps } from '../deps';
import { newRouter } from '../router';

/** API routes of this area (see docs/architecture.md). */
export function rollupRoutes(_deps: AppDeps) {
  const r = newRouter();
  return r;
}
