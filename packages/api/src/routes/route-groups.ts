import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { afterOpenApi } from '../late-import';

type RouteFactory = (deps: AppDeps) => OpenAPIHono<AppEnv>;

/**
 * The JSON API's route groups, in the order they are mounted (the order decides which of two
 * matching routes answers). Each loads with the first request to one of its routes: building a
 * group's zod schemas and OpenAPI definitions is most of what a cold start of the API function
 * would otherwise spend (`npm run bench -- bundle`, docs/architecture.md, "Cold starts").
 */
export const ROUTE_GROUPS = {
  me: () => afterOpenApi(() => import('./me')).then((m) => m.meRoutes),
  units: () => afterOpenApi(() => import('./units')).then((m) => m.unitRoutes),
  members: () => afterOpenApi(() => import('./members')).then((m) => m.memberRoutes),
  audit: () => afterOpenApi(() => import('./audit')).then((m) => m.auditRoutes),
  campaignAdmin: () => afterOpenApi(() => import('./campaign-admin')).then((m) => m.campaignAdminRoutes),
  campaigns: () => afterOpenApi(() => import('./campaigns')).then((m) => m.campaignRoutes),
  uploads: () => afterOpenApi(() => import('./uploads')).then((m) => m.uploadRoutes),
  rollups: () => afterOpenApi(() => import('./rollups')).then((m) => m.rollupRoutes),
  reports: () => afterOpenApi(() => import('./reports')).then((m) => m.reportRoutes),
  masses: () => afterOpenApi(() => import('./masses')).then((m) => m.massesRoutes),
  massesSessions: () => afterOpenApi(() => import('./masses-sessions')).then((m) => m.massesSessionRoutes),
  massesFollowup: () => afterOpenApi(() => import('./masses-followup')).then((m) => m.massesFollowupRoutes),
  archives: () => afterOpenApi(() => import('./archives')).then((m) => m.archiveRoutes),
  history: () => afterOpenApi(() => import('./history')).then((m) => m.historyRoutes),
  rewards: () => afterOpenApi(() => import('./rewards')).then((m) => m.rewardRoutes),
  reconciliation: () => afterOpenApi(() => import('./reconciliation')).then((m) => m.reconciliationRoutes),
  quotaException: () => afterOpenApi(() => import('./quota-exception')).then((m) => m.quotaExceptionRoutes),
  scoring: () => afterOpenApi(() => import('./scoring')).then((m) => m.scoringRoutes),
  rulebook: () => afterOpenApi(() => import('./rulebook')).then((m) => m.rulebookRoutes),
} satisfies Record<string, () => Promise<RouteFactory>>;

export type RouteGroupName = keyof typeof ROUTE_GROUPS;
