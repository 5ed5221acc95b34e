import type { IsolationCase } from '../case';

const base = '/api/v1/campaigns/:year/units/:unitId';
const form = 'application/x-www-form-urlencoded';
const edits = () => ({ source: 'Hướng dẫn 05-HD/TU', edits: [{ key: 'R-QUOTA-01.base', enabled: true, severity: 'blocking', params: { ratioPercent: 25 }, interpretation: null }], expectedVersion: 0 });

/** The 100-point regime: quota exceptions, scoring schemes and sheets, the rulebook and the province's overlay, Biểu 4. */
export const r2025Cases: Record<string, IsolationCase> = {
  [`PUT ${base}/quota-exception`]: { body: () => ({ share: 0.25, reason: 'Thành tích nổi trội, vượt kế hoạch' }) },
  [`GET ${base}/scoring-schemes/:appendix`]: {},
  [`PUT ${base}/scoring-schemes/:appendix`]: { body: () => ({ source: 'HD 05-HD/TU', points: { 'I.1': 10 }, rev: 0 }) },
  [`GET ${base}/score-sheet`]: {},
  [`PUT ${base}/score-sheet`]: { body: () => ({ variant: null, scores: { 'I.1': 5 }, rev: 0 }) },
  [`GET ${base}/score-sheet.docx`]: {},
  [`GET ${base}/members/:memberId/score-sheet`]: {},
  [`PUT ${base}/members/:memberId/score-sheet`]: { body: () => ({ variant: null, scores: { 'I.1': 5 }, rev: 0 }) },
  [`GET ${base}/members/:memberId/score-sheet.docx`]: {},
  [`GET ${base}/rulebook`]: {},
  [`POST ${base}/rulebook/overlay`]: { body: edits, query: '?dryRun=false' },
  [`GET ${base}/bieu-4.xlsx`]: {},
  // Pages.
  'GET /campaigns/:year/units/:unitId/rulebook': { page: true },
  'POST /campaigns/:year/units/:unitId/rulebook/preview': { page: true, contentType: form, body: () => 'expectedVersion=0&source=HD' },
  'POST /campaigns/:year/units/:unitId/rulebook/confirm': { page: true, contentType: form, body: () => 'expectedVersion=0&source=HD&edits=%5B%5D' },
  'GET /campaigns/:year/units/:unitId/scoring/:appendix': { page: true },
  'POST /campaigns/:year/units/:unitId/scoring/:appendix': { page: true, contentType: form, body: () => 'rev=0&source=HD&pt%3AI.1=10' },
  'GET /campaigns/:year/units/:unitId/score-sheet': { page: true },
  'POST /campaigns/:year/units/:unitId/score-sheet': { page: true, contentType: form, body: () => 'rev=0&variant=&sc%3AI.1=5' },
  'GET /campaigns/:year/units/:unitId/members/:memberId/score-sheet': { page: true },
  'POST /campaigns/:year/units/:unitId/members/:memberId/score-sheet': { page: true, contentType: form, body: () => 'rev=0&form=2B&variant=&sc%3AI.1=5' },
  'POST /campaigns/:year/units/:unitId/appraisal/quota-exception': { page: true, contentType: form, body: () => 'percent=25&reason=V%C6%B0%E1%BB%A3t+k%E1%BA%BF+ho%E1%BA%A1ch' },
};
