import type { IsolationCase } from '../case';

/**
 * Tree job progress and the archived campaigns of former provinces. The matrix gives t1 a grant
 * from t2 (matrix.test.ts): t2's users have no grant from t1 (404), and t1's cell secretary is
 * neither t1's root nor the continuation of a t2 unit (403).
 */
export const archiveCases: Record<string, IsolationCase> = {
  'GET /units/:unitId/tree-jobs/:jobId': { page: true },
  'GET /api/v1/archives/:tenant/campaigns/:year/units/:unitId/rollup': {},
  'GET /archives/:tenant/:year/units/:unitId': { page: true },
};
