import type { IsolationCase } from '../case';

/** Deadline reports and the outbox. */
export const reportCases: Record<string, IsolationCase> = {
  'GET /api/v1/units/:unitId/reports': {},
  'POST /api/v1/units/:unitId/reports': {},
  'GET /api/v1/units/:unitId/reports/:reportId': {},
  'GET /api/v1/units/:unitId/reports/:reportId/xlsx': {},
  'GET /api/v1/units/:unitId/late-units': {},
  'GET /api/v1/units/:unitId/report-recipients': {},
  'PUT /api/v1/units/:unitId/report-recipients': { body: () => ({ emails: ['bantochuc@thu.example.vn'], reminderDaysBefore: [2] }) },
  'GET /units/:unitId/reports': { page: true },
  'POST /units/:unitId/reports': { page: true },
  'GET /units/:unitId/reports/:reportId': { page: true },
  'GET /units/:unitId/reports/:reportId/xlsx': { page: true },
  'GET /units/:unitId/late-units': { page: true },
  'GET /units/:unitId/outbox': { page: true },
};
