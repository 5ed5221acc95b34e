import { Hono } from 'hono';
import { DomainError } from '@kd/domain';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { errorResponse } from '../errors';
import { pageRoutes } from './routes';
import { campaignPages } from './campaign-pages';
import { uploadPages } from './upload-pages';
import { dashboardPages } from './dashboard-pages';
import { reportPages } from './report-pages';

/**
 * Every server-rendered page (login, units, campaigns, uploads, dashboards, reports) as one Hono
 * app. `createApp` loads this module with the first page request, so a cold start that serves the
 * JSON API compiles none of the views (docs/deploy.md, "Cold start").
 */
export function pageApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.onError((error, c) => errorResponse(c, error));
  app.notFound((c) => errorResponse(c, new DomainError('ROUTE_NOT_FOUND', 'Không tìm thấy địa chỉ yêu cầu.')));
  app.route('/', pageRoutes(deps));
  app.route('/', campaignPages(deps));
  app.route('/', uploadPages(deps));
  app.route('/', dashboardPages(deps));
  app.route('/', reportPages(deps));
  return app;
}
