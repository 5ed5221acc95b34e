import type { IsolationCase } from '../case';

const base = '/api/v1/campaigns/:year/units/:unitId';
const form = 'application/x-www-form-urlencoded';

/** Campaigns, reviews, collective ratings, evaluations, workflow, documents. */
export const campaignCases: Record<string, IsolationCase> = {
  // The campaign itself is the tenant's; its unit view (`unitId`) is what a subtree can leak.
  'GET /api/v1/campaigns/:year': { query: '?unitId=c3' },
  [`PUT ${base}/collective`]: { body: () => ({ decided: 'good', rev: 0 }) },
  [`GET ${base}/members/:memberId/evaluation`]: {},
  [`GET ${base}/evaluation`]: {},
  [`GET ${base}/review`]: {},
  [`PUT ${base}/members/:memberId/results`]: { body: () => ({ facts: { decided: 'good' }, rowRev: null, dossierRev: 0 }) },
  [`GET ${base}/members/:memberId/self-review`]: {},
  [`PUT ${base}/members/:memberId/self-review`]: { body: () => ({ sections: { politicalThought: 'Nội dung' }, rev: 0 }) },
  [`GET ${base}/collective-review`]: {},
  [`PUT ${base}/collective-review`]: { body: () => ({ sections: { democraticCentralism: 'Nội dung' }, rev: 0 }) },
  [`POST ${base}/cell-meeting`]: {
    body: (t) => ({ heldOn: '2021-12-20', startTime: '07:30', location: 'Hội trường', chairMemberId: t.memberId, clerkMemberId: t.memberId, rev: 0 }),
  },
  [`POST ${base}/group-meeting`]: { body: () => ({ heldOn: '2021-12-14' }) },
  [`POST ${base}/group-report`]: { body: () => ({}) },
  [`POST ${base}/submit`]: { body: () => ({ rev: 0 }) },
  [`POST ${base}/approve`]: { body: () => ({ rev: 0 }) },
  [`POST ${base}/return`]: { body: () => ({ rev: 0, reason: 'Thiếu biên bản họp chi bộ' }) },
  [`GET ${base}/appraisals`]: {},
  [`GET ${base}/members/:memberId/self-review.docx`]: {},
  [`GET ${base}/rating-minutes.docx`]: {},
  [`GET ${base}/plan`]: {},
  [`PUT ${base}/plan`]: { body: () => ({ issuer: 'Ban Thường vụ', number: '01-KH', date: '2021-11-01', title: 'Kế hoạch', milestones: [], rev: 0 }) },
  // Pages.
  'GET /campaigns/:year/units/:unitId': { page: true },
  'GET /campaigns/:year/units/:unitId/review': { page: true },
  'POST /campaigns/:year/units/:unitId/review/members/:memberId': { page: true, contentType: form, body: () => 'dossierRev=0&rowRev=&decided=good' },
  'POST /campaigns/:year/units/:unitId/review/collective': { page: true, contentType: form, body: () => 'rev=0&decided=good' },
  'POST /campaigns/:year/units/:unitId/review/submit': { page: true, contentType: form, body: () => 'rev=0' },
  'GET /campaigns/:year/units/:unitId/appraisal': { page: true },
  'POST /campaigns/:year/units/:unitId/appraisal/approve': { page: true, contentType: form, body: () => 'rev=0' },
  'POST /campaigns/:year/units/:unitId/appraisal/return': { page: true, contentType: form, body: () => 'rev=0&reason=Thi%E1%BA%BFu+bi%C3%AAn+b%E1%BA%A3n' },
  'GET /units/:unitId/audit-trail': { page: true },
  'GET /units/:unitId/campaigns': { page: true },
  'POST /units/:unitId/campaigns': { page: true, contentType: form, body: () => 'year=2030' },
  'POST /campaigns/:year/units/:unitId/plan': { page: true, contentType: form, body: () => 'rev=0&issuer=A&number=1&date=2021-11-01&title=K' },
  'POST /campaigns/:year/units/:unitId/close': { page: true, contentType: form, body: () => 'confirm=yes' },
  // The review's own work (meetings, self-reviews, collective review, prompts, a member's record).
  'GET /campaigns/:year/units/:unitId/meetings': { page: true },
  'POST /campaigns/:year/units/:unitId/meetings/cell': { page: true, contentType: form, body: (t) => `rev=0&heldOn=2021-12-20&startTime=07:30&location=H&chairMemberId=${t.memberId}&clerkMemberId=${t.memberId}&absence:${t.memberId}=` },
  'POST /campaigns/:year/units/:unitId/meetings/group': { page: true, contentType: form, body: (t) => `heldOn=2021-12-14&startTime=07:30&location=H&chairMemberId=${t.memberId}&clerkMemberId=${t.memberId}` },
  'GET /campaigns/:year/units/:unitId/meetings/minutes.docx': { page: true },
  'GET /campaigns/:year/units/:unitId/meetings/group-minutes.docx': { page: true },
  'GET /campaigns/:year/units/:unitId/members/:memberId/self-review': { page: true },
  'POST /campaigns/:year/units/:unitId/members/:memberId/self-review': { page: true, contentType: form, body: () => 'rev=0&s:politicalThought=N%E1%BB%99i+dung' },
  'GET /campaigns/:year/units/:unitId/members/:memberId/record': { page: true },
  'GET /campaigns/:year/units/:unitId/collective-review': { page: true },
  'POST /campaigns/:year/units/:unitId/collective-review': { page: true, contentType: form, body: () => 'rev=0&s:democraticCentralism=N%E1%BB%99i+dung' },
  'GET /campaigns/:year/units/:unitId/collective-review.docx': { page: true },
  'POST /campaigns/:year/units/:unitId/review-prompts': { page: true, contentType: form, body: () => 'text=G%E1%BB%A3i+%C3%BD' },
  'POST /campaigns/:year/units/:unitId/review-prompts/:promptId/answer': { page: true, contentType: form, body: () => 'rev=1&answer=Gi%E1%BA%A3i+tr%C3%ACnh' },
};
