import type { IsolationCase } from './case';
import { unitCases } from './cases/units';
import { campaignCases } from './cases/campaigns';
import { uploadCases } from './cases/uploads';
import { rollupCases } from './cases/rollups';
import { reportCases } from './cases/reports';
import { archiveCases } from './cases/archives';

export type { IsolationCase, Target } from './case';

/** Routes anyone may call: the login page, the API description, and the local-only dev routes. */
export const PUBLIC_ROUTES = new Set([
  'GET /openapi.json',
  'GET /docs',
  'GET /login',
  'POST /login',
  'POST /logout',
  'GET /',
  'GET /api/v1/dev/identities',
  'POST /api/v1/dev/token',
]);

/** Routes about the caller only: no target to isolate, but they still need a valid token. */
export const SELF_ROUTES = new Set(['GET /api/v1/me']);

/** Routes of the app that have no isolation cases: the suite fails while this is not empty. */
export function routesWithoutCases(routes: readonly { method: string; path: string }[]): string[] {
  return routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => `${r.method} ${r.path}`)
    .filter((k) => !PUBLIC_ROUTES.has(k) && !SELF_ROUTES.has(k) && !isolationCases[k]);
}


/** Every route's cases, one file per area under `cases/`. */
export const isolationCases: Record<string, IsolationCase> = { ...unitCases, ...campaignCases, ...uploadCases, ...rollupCases, ...reportCases, ...archiveCases };
