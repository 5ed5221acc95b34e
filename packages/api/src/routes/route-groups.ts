import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';

type RouteFactory = (deps: AppDeps) => OpenAPIHono<AppEnv>;

/**
 * The JSON API's route groups, in the order they are mounted (the order decides which of two
 * matching routes answers). Each loads with the first request to one of its routes: building a
 * group's zod schemas and OpenAPI definitions is most of what a cold start of the API function
 * would otherwise spend (`npm run bench -- bundle`, docs/architecture.md, "Cold starts").
 */
export const ROUTE_GROUPS = {
  me: () => import('./me').then((m) => m.meRoutes),
  units: () => import('./units').then((m) => m.unitRoutes),
  members: () => import('./members').then((m) => m.memberRoutes),
  audit: () => import('./audit').then((m) => m.auditRoutes),
  campaignAdmin: () => import('./campaign-admin').then((m) => m.campaignAdminRoutes),
  campaigns: () => import('./campaigns').then((m) => m.campaignRoutes),
  uploads: () => import('./uploads').then((m) => m.uploadRoutes),
  rollups: () => import('./rollups').then((m) => m.rollupRoutes),
  reports: () => import('./reports').then((m) => m.reportRoutes),
  masses: () => import('./masses').then((m) => m.massesRoutes),
  massesSessions: () => import('./masses-sessions').then((m) => m.massesSessionRoutes),
  massesFollowup: () => import('./masses-followup').then((m) => m.massesFollowupRoutes),
  archives: () => import('./archives').then((m) => m.archiveRoutes),
  history: () => import('./history').then((m) => m.historyRoutes),
  rewards: () => import('./rewards').then((m) => m.rewardRoutes),
  reconciliation: () => import('./reconciliation').then((m) => m.reconciliationRoutes),
  quotaException: () => import('./quota-exception').then((m) => m.quotaExceptionRoutes),
  scoring: () => import('./scoring').then((m) => m.scoringRoutes),
  rulebook: () => import('./rulebook').then((m) => m.rulebookRoutes),
} satisfies Record<string, () => Promise<RouteFactory>>;

export type RouteGroupName = keyof typeof ROUTE_GROUPS;
