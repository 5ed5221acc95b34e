import type { IsolationCase } from './case';
import { unitCases } from './cases/units';
import { campaignCases } from './cases/campaigns';
import { uploadCases } from './cases/uploads';
import { rollupCases } from './cases/rollups';
import { reportCases } from './cases/reports';
import { massesCases } from './cases/masses';
import { archiveCases } from './cases/archives';
import { historyCases } from './cases/history';
import { r2025Cases } from './cases/r2025';

export type { IsolationCase, Target } from './case';

/**
 * Routes anyone may call: sign-in and sign-out, the local OpenID provider, the pages' scripts and stylesheet, the
 * API description, and the local-only dev routes (test/integration/sessions.test.ts tests the sign-in).
 */
export const PUBLIC_ROUTES = new Set([
  'GET /openapi.json',
  'GET /docs',
  'GET /login',
  'GET /auth/callback',
  'POST /logout',
  'GET /signed-out',
  'GET /assets/upload.js',
  'GET /assets/table-scroll.js',
  'GET /assets/app.css',
  'GET /local-oidc/.well-known/openid-configuration',
  'GET /local-oidc/.well-known/jwks.json',
  'GET /local-oidc/oauth2/authorize',
  'POST /local-oidc/oauth2/authorize',
  'POST /local-oidc/oauth2/token',
  'GET /local-oidc/logout',
  'GET /',
  'GET /api/v1/dev/identities',
  'POST /api/v1/dev/token',
  // The masses' comment form, reached with a single-use code and no account (its own tests:
  // test/integration/masses-anonymity.test.ts — another tenant's session is 404, a code opens it once).
  'GET /y-kien',
  'POST /y-kien',
]);

/** Routes about the caller only: no target to isolate, but they still need a valid token. */
export const SELF_ROUTES = new Set(['GET /api/v1/me', 'GET /api/v1/campaigns']);

/**
 * Routes on the caller's own province as a whole (no unit in the path): a caller of another
 * province acts on its own, never on this one; below the province board they are refused.
 */
export const TENANT_ROUTES: Record<string, { body?: unknown }> = {
  'POST /api/v1/campaigns': { body: { year: 2030 } },
  'POST /api/v1/campaigns/:year/close': {},
};

/** Routes of the app that have no isolation cases: the suite fails while this is not empty. */
export function routesWithoutCases(routes: readonly { method: string; path: string }[]): string[] {
  return routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => `${r.method} ${r.path}`)
    .filter((k) => !PUBLIC_ROUTES.has(k) && !SELF_ROUTES.has(k) && !TENANT_ROUTES[k] && !isolationCases[k]);
}


/** Every route's cases, one file per area under `cases/`. */
export const isolationCases: Record<string, IsolationCase> = { ...unitCases, ...campaignCases, ...uploadCases, ...rollupCases, ...reportCases, ...archiveCases, ...historyCases, ...r2025Cases, ...massesCases };
