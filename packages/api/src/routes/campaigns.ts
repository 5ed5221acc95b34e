import type { AppDeps } from '../deps';
import { newRouter } from '../router';

/** API routes of this area (see docs/architecture.md). */
export function campaignRoutes(_deps: AppDeps) {
  const r = newRouter();
  return r;
}
