import type { Identity } from '@kd/api/deps';

/** What a route needs to be called against a target: its path parameters come from here. */
export interface Target {
  unitId: string;
  memberId: string;
  year: string;
}

export interface IsolationCase {
  /** A valid body, so that validation passes and the scope check is what answers. */
  body?: (target: Target) => unknown;
  contentType?: string;
  query?: string;
  /** Pages answer with HTML and redirect to the login page instead of 401. */
  page?: boolean;
  /** Who calls from outside the subtree when the cell secretary is not the right probe. */
  outsideCaller?: Identity;
}

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

export const isolationCases: Record<string, IsolationCase> = {
  'GET /api/v1/units/:unitId': {},
  'GET /api/v1/units/:unitId/subtree': {},
  'POST /api/v1/units/:unitId/children': { body: () => ({ name: 'Tổ đảng mới', kind: 'group' }) },
  'PATCH /api/v1/units/:unitId': { body: () => ({ name: 'Tên mới' }) },
  'POST /api/v1/units/:unitId/move': { body: () => ({ parentId: 'bc1' }) },
  'POST /api/v1/units/:unitId/close': { body: () => ({ closedOn: '2021-12-31' }) },
  'GET /api/v1/units/:unitId/members': {},
  'POST /api/v1/units/:unitId/members': { body: () => ({ id: 'NEW-1', fullName: 'Nguyễn Văn Mới', admittedOn: '2020-01-01' }) },
  'GET /api/v1/members/:memberId': {},
  'PATCH /api/v1/members/:memberId': { body: () => ({ fullName: 'Tên Sửa', version: 1 }) },
  'POST /api/v1/members/:memberId/transfer': { body: (t) => ({ unitId: t.unitId, version: 1 }) },
  'GET /api/v1/units/:unitId/audit': {},
  'GET /units/:unitId': { page: true },
};
