import type { IsolationCase } from '../case';

/** Roll-ups, dashboard and exports. */
export const rollupCases: Record<string, IsolationCase> = {
  'GET /api/v1/campaigns/:year/units/:unitId/rollup': {},
  'GET /api/v1/campaigns/:year/units/:unitId/bieu-1.xlsx': {},
  'GET /api/v1/campaigns/:year/units/:unitId/bieu-2.xlsx': {},
  'GET /dashboard/units/:unitId': { page: true },
  'GET /dashboard/:year/units/:unitId': { page: true },
  'GET /dashboard/:year/units/:unitId/members': { page: true },
  'GET /dashboard/:year/units/:unitId/members/:memberId': { page: true },
};
