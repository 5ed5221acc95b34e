import type { IsolationCase } from '../case';

/** Units, members and the audit trail. */
export const unitCases: Record<string, IsolationCase> = {
  'GET /api/v1/units/:unitId': {},
  'GET /api/v1/units/:unitId/subtree': {},
  'POST /api/v1/units/:unitId/children': { body: () => ({ name: 'Tổ đảng mới', kind: 'group' }) },
  'PATCH /api/v1/units/:unitId': { body: () => ({ name: 'Tên mới' }) },
  'POST /api/v1/units/:unitId/move': { body: () => ({ parentId: 'bc1' }) },
  'POST /api/v1/units/:unitId/close': { body: () => ({ closedOn: '2021-12-31' }) },
  'POST /api/v1/units/:unitId/merge': { body: () => ({ sourceIds: ['c2'], on: '2021-12-01' }) },
  'POST /api/v1/units/:unitId/split': { body: () => ({ on: '2021-12-01', successors: [{ unitId: 'c2' }, { unitId: 'c3' }] }) },
  'GET /api/v1/units/:unitId/tree-jobs/:jobId': {},
  'GET /api/v1/units/:unitId/members': {},
  'GET /api/v1/units/:unitId/search': { query: '?q=an' },
  'POST /api/v1/units/:unitId/members': { body: () => ({ id: 'NEW-1', fullName: 'Nguyễn Văn Mới', admittedOn: '2020-01-01' }) },
  'GET /api/v1/members/:memberId': {},
  'PATCH /api/v1/members/:memberId': { body: () => ({ fullName: 'Tên Sửa', version: 1 }) },
  'POST /api/v1/members/:memberId/transfer': { body: (t) => ({ unitId: t.unitId, version: 1 }) },
  'GET /api/v1/units/:unitId/audit': {},
  'GET /units/:unitId': { page: true },
  'GET /units/:unitId/search': { page: true, query: '?q=an' },
};
