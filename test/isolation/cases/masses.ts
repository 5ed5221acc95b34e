import type { IsolationCase } from '../case';

const unit = '/api/v1/campaigns/:year/units/:unitId';
const session = `${unit}/masses-sessions/:sessionId`;
const page = '/campaigns/:year/units/:unitId/masses';
const form = 'application/x-www-form-urlencoded';
const record = (t: { memberId: string }) => ({
  startsAt: '2021-11-10T08:00', endsAt: '2021-11-10T11:00', place: 'Hội trường', chair: 'Lê Hồng Vũ', clerk: 'Trần Thị Ánh',
  committeeRepresentative: 'Nguyễn Văn An', massesPresent: 10, members: [{ memberId: t.memberId, present: true }],
});
const workplaceCsv = (t: { unitId: string }) => `Mã đơn vị,"Tên cơ quan, đơn vị, doanh nghiệp",Biên chế\n${t.unitId},Sở,6\n`;

/** Self-criticism before the masses: the API, the committee's pages and the Biểu 5 board. */
export const massesCases: Record<string, IsolationCase> = {
  // The review is the tenant's; the issuing unit (`unitId`) is what a subtree can leak.
  'POST /api/v1/campaigns/:year/masses': { query: '?unitId=c3', body: () => ({ sessionsBy: '2021-11-15', baseReportBy: '2021-11-20', blocReportBy: '2021-11-30' }) },
  [`GET ${unit}/masses`]: {},
  [`GET ${unit}/workplace`]: {},
  [`PUT ${unit}/workplace`]: { body: () => ({ name: 'Sở Tài chính', staff: { permanent: 6 } }) },
  [`POST ${unit}/workplaces/copy-forward`]: {},
  [`POST ${unit}/workplaces`]: { body: workplaceCsv, contentType: 'text/csv', query: '?dryRun=false' },
  [`POST ${unit}/masses-report`]: {},
  [`POST ${unit}/masses-sessions/plan`]: { body: () => ({ startsAt: '2021-11-10T08:00' }) },
  [`POST ${unit}/masses-sessions`]: { body: record },
  [`GET ${session}`]: {},
  [`PUT ${session}`]: { body: record },
  [`POST ${session}/comments`]: { body: () => ({ about: null, channel: 'written', heading: 1, kind: 'strength', text: 'Tốt' }) },
  [`GET ${session}/comments`]: {},
  [`PATCH ${session}/comments/:commentId`]: { body: () => ({ responsibility: 'collective' }) },
  [`POST ${session}/signatures`]: { body: () => ({ role: 'chair', name: 'Lê Hồng Vũ' }) },
  [`POST ${session}/codes`]: { body: () => ({}) },
  [`GET ${session}/minutes.docx`]: {},
  [`POST ${unit}/remediation-items`]: { body: () => ({ commentIds: [], text: 'Khắc phục', owner: 'Chi ủy', deadline: '2021-12-31', responsibility: 'collective' }) },
  [`GET ${unit}/remediation-items`]: {},
  [`PATCH ${unit}/remediation-items/:id`]: { body: () => ({ status: 'done' }) },
  [`GET ${unit}/masses-rollup`]: {},
  [`GET ${unit}/members/:memberId/self-criticism`]: {},
  [`PUT ${unit}/members/:memberId/self-criticism`]: { body: () => ({ body: { form: 'withoutPosition', identity: { fullName: 'Hồ Thị Mai' } }, rev: 0 }) },
  [`GET ${unit}/members/:memberId/self-criticism.docx`]: {},
  [`GET ${unit}/comment-form.docx`]: {},
  // Pages.
  [`GET ${page}`]: { page: true },
  [`POST ${page}/workplace`]: { page: true, contentType: form, body: () => 'name=S%E1%BB%9F&permanent=6' },
  [`POST ${page}/copy-forward`]: { page: true, contentType: form, body: () => '' },
  [`POST ${page}/plan`]: { page: true, contentType: form, body: () => 'startsAt=2021-11-10T08%3A00' },
  [`POST ${page}/report`]: { page: true, contentType: form, body: () => '' },
  [`GET ${page}/sessions/:sessionId`]: { page: true },
  [`POST ${page}/sessions/:sessionId/record`]: { page: true, contentType: form, body: () => 'place=H' },
  [`POST ${page}/sessions/:sessionId/comments`]: { page: true, contentType: form, body: () => 'channel=oral&kind=strength&heading=1&text=T' },
  [`POST ${page}/sessions/:sessionId/comments/:commentId`]: { page: true, contentType: form, body: () => 'responsibility=collective' },
  [`POST ${page}/sessions/:sessionId/codes`]: { page: true, contentType: form, body: () => '' },
  [`POST ${page}/sessions/:sessionId/signatures`]: { page: true, contentType: form, body: () => 'role=chair&name=A' },
  [`GET ${page}/remediation`]: { page: true },
  [`POST ${page}/remediation`]: { page: true, contentType: form, body: () => 'text=K&owner=C&deadline=2021-12-31&responsibility=collective' },
  [`POST ${page}/remediation/:id`]: { page: true, contentType: form, body: () => 'status=done' },
  'GET /dashboard/:year/units/:unitId/masses': { page: true },
};
