import type { IsolationCase } from '../case';

const form = 'application/x-www-form-urlencoded';
const boundary = 'isolation-boundary';
const multipart = `multipart/form-data; boundary=${boundary}`;
/** A form with a year and a small CSV file, as the history and reconciliation pages post them. */
const fileForm = (csv: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="year"\r\n\r\n2019\r\n--${boundary}\r\nContent-Disposition: form-data; name="commit"\r\n\r\n1\r\n` +
  `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`;
const pastMembers = (t: { memberId: string; unitId: string }) => `Mã đảng viên,Đơn vị,Xếp loại\n${t.memberId},${t.unitId},HTXSNV\n`;
const pastUnits = (t: { unitId: string }) => `Đơn vị,Xếp loại\n${t.unitId},HTXSNV\n`;
const central = (t: { memberId: string }) => `Số thẻ đảng viên,Họ và tên,Chi bộ\n${t.memberId},Nguyễn Văn Thử,Chi bộ X\n`;
const mapping = { partyCardNumber: ['Số thẻ'], fullName: ['Họ và tên'], birthDate: [], nationalId: [], status: [], admittedOn: [], cellName: ['Chi bộ'] };

/** Earlier years' results, rewards, reconciliation with the central database, member identity. */
export const historyCases: Record<string, IsolationCase> = {
  'GET /api/v1/units/:unitId/history': {},
  'GET /api/v1/units/:unitId/history/member-template': {},
  'GET /api/v1/units/:unitId/history/:year/unit-template': {},
  'POST /api/v1/units/:unitId/history/:year/member-results': { body: pastMembers, contentType: 'text/csv', query: '?dryRun=false' },
  'POST /api/v1/units/:unitId/history/:year/unit-results': { body: pastUnits, contentType: 'text/csv', query: '?dryRun=false' },
  'GET /api/v1/campaigns/:year/units/:unitId/rewards': {},
  'GET /api/v1/campaigns/:year/units/:unitId/rewards.xlsx': {},
  'GET /api/v1/units/:unitId/reconciliation/mappings': {},
  'PUT /api/v1/units/:unitId/reconciliation/header-mapping': { body: () => ({ value: mapping, version: 0 }) },
  'PUT /api/v1/units/:unitId/reconciliation/cell-mapping': { body: (t) => ({ value: [{ centralName: 'Chi bộ X', unitId: t.unitId }], version: 0 }) },
  'POST /api/v1/units/:unitId/reconciliation/runs': { body: central, contentType: 'text/csv' },
  'GET /api/v1/units/:unitId/reconciliation/runs': {},
  'GET /api/v1/units/:unitId/reconciliation/runs/:runId': {},
  'POST /api/v1/units/:unitId/reconciliation/runs/:runId/entries/:n/decision': { body: () => ({ decision: 'ours' }) },
  'GET /api/v1/units/:unitId/reconciliation/runs/:runId/corrections.xlsx': {},
  'GET /api/v1/members/:memberId/identity': {},
  'PUT /api/v1/members/:memberId/identity': { body: () => ({ nationalId: '001099012345', version: 0 }) },
  // Pages.
  'GET /units/:unitId/history': { page: true },
  'POST /units/:unitId/history/members': { page: true, contentType: multipart, body: (t) => fileForm(pastMembers(t)) },
  'POST /units/:unitId/history/units': { page: true, contentType: multipart, body: (t) => fileForm(pastUnits(t)) },
  'GET /campaigns/:year/units/:unitId/rewards': { page: true },
  'GET /units/:unitId/reconciliation': { page: true },
  'POST /units/:unitId/reconciliation/header-mapping': { page: true, contentType: form, body: () => 'version=0&fullName=H%E1%BB%8D+v%C3%A0+t%C3%AAn&cellName=Chi+b%E1%BB%99' },
  'POST /units/:unitId/reconciliation/cell-mapping': { page: true, contentType: form, body: (t) => `version=0&lines=Chi+b%E1%BB%99+X+%7C+${t.unitId}` },
  'POST /units/:unitId/reconciliation/runs': { page: true, contentType: multipart, body: (t) => fileForm(central(t)) },
  'GET /units/:unitId/reconciliation/runs/:runId': { page: true },
  'POST /units/:unitId/reconciliation/runs/:runId/entries/:n': { page: true, contentType: form, body: () => 'decision=ours' },
};
