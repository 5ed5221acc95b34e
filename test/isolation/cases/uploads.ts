import type { IsolationCase } from '../case';

/** A valid results file for the fixture's members: the scope check is what must answer. */
const resultsCsv = (t: { memberId: string }) => `Mã đảng viên,Chi bộ xếp loại\n${t.memberId},HTTNV\n`;
const rosterCsv = (t: { memberId: string }) => `Mã đảng viên,Họ và tên,Ngày vào Đảng\n${t.memberId},Nguyễn Văn Thử,19/05/2015\n`;

/** Roster and results uploads and templates. */
export const uploadCases: Record<string, IsolationCase> = {
  'GET /api/v1/units/:unitId/roster-template': {},
  'POST /api/v1/units/:unitId/roster': { body: rosterCsv, contentType: 'text/csv', query: '?dryRun=false' },
  'GET /api/v1/campaigns/:year/units/:unitId/results-template': {},
  'POST /api/v1/campaigns/:year/units/:unitId/results': { body: resultsCsv, contentType: 'text/csv', query: '?dryRun=false' },
  'POST /api/v1/units/:unitId/roster/upload-url': { body: () => ({ contentType: 'text/csv' }) },
  'POST /api/v1/units/:unitId/roster/from-upload': { body: () => ({ key: 'uploads/t1/c3/roster/x.csv', dryRun: false }) },
  'POST /api/v1/campaigns/:year/units/:unitId/results/upload-url': { body: () => ({ contentType: 'text/csv' }) },
  'POST /api/v1/campaigns/:year/units/:unitId/results/from-upload': { body: () => ({ key: 'uploads/t1/c3/results-2021/x.csv', dryRun: false }) },
  'GET /units/:unitId/results-upload': { page: true },
  'GET /campaigns/:year/units/:unitId/results-upload': { page: true },
  'GET /units/:unitId/roster-upload': { page: true },
};
