/**
 * Every page route, as `createApp` registers it: each answers by loading the pages (page-app.ts)
 * with the first page request, so a cold start of the JSON API compiles no views. Listed here
 * because the routes themselves live in the modules that load late; the list keeps them visible
 * to `app.routes` (the isolation matrix reads it). test/unit/api/page-paths.test.ts holds it equal
 * to what page-app.ts serves: a new page route goes in both.
 */
export const PAGE_PATHS: ReadonlyArray<readonly ['GET' | 'POST', string]> = [
  ['GET', '/login'],
  ['POST', '/login'],
  ['POST', '/logout'],
  ['GET', '/'],
  ['GET', '/units/:unitId'],
  ['GET', '/units/:unitId/campaigns'],
  ['GET', '/campaigns/:year/units/:unitId'],
  ['GET', '/campaigns/:year/units/:unitId/review'],
  ['POST', '/campaigns/:year/units/:unitId/review/members/:memberId'],
  ['POST', '/campaigns/:year/units/:unitId/review/collective'],
  ['POST', '/campaigns/:year/units/:unitId/review/submit'],
  ['GET', '/campaigns/:year/units/:unitId/appraisal'],
  ['POST', '/campaigns/:year/units/:unitId/appraisal/approve'],
  ['POST', '/campaigns/:year/units/:unitId/appraisal/return'],
  ['GET', '/units/:unitId/audit-trail'],
  ['GET', '/units/:unitId/results-upload'],
  ['GET', '/campaigns/:year/units/:unitId/results-upload'],
  ['GET', '/units/:unitId/roster-upload'],
  ['GET', '/dashboard/units/:unitId'],
  ['GET', '/dashboard/:year/units/:unitId'],
  ['GET', '/dashboard/:year/units/:unitId/members'],
  ['GET', '/dashboard/:year/units/:unitId/members/:memberId'],
  ['GET', '/units/:unitId/reports'],
  ['POST', '/units/:unitId/reports'],
  ['GET', '/units/:unitId/reports/:reportId'],
  ['GET', '/units/:unitId/reports/:reportId/xlsx'],
  ['GET', '/units/:unitId/late-units'],
  ['GET', '/units/:unitId/outbox'],
];
