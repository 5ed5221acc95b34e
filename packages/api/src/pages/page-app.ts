import { Hono } from 'hono';
import { DomainError } from '@kd/domain';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { errorPage } from './page-handler';
import { csrfSecretOf, csrfTokenFor } from '../auth/csrf';
import { requestContextStorage } from '../request-context';
import { oidcClient } from '../auth/oidc-client';
import { localProvider, localProviderSettings } from '../auth/local-provider';
import { sessionPages } from './session-pages';
import { assetRoutes } from './assets';
import { pageRoutes } from './routes';
import { campaignPages } from './campaign-pages';
import { reviewWorkPages } from './review-work-pages';
import { uploadPages } from './upload-pages';
import { dashboardPages } from './dashboard-pages';
import { reportPages } from './report-pages';
import { massesPages } from './masses/masses-pages';
import { phoneCommentRoutes } from './masses/phone-comment-routes';
import { treePages } from './tree-pages';
import { historyPages } from './history-pages';
import { rewardPages } from './reward-pages';
import { reconciliationPages } from './reconciliation-pages';
import { scoringPages } from './scoring-pages';
import { rulebookPages } from './rulebook-pages';

/**
 * Sign-in and every server-rendered page as one Hono app. `createApp` loads this module with the
 * first page request, so a cold start that serves the JSON API compiles none of the views, nor
 * the OpenID client (docs/deploy.md, "Cold start"). `inProcess` reaches the app itself: locally
 * the sign-in provider is one of its routes.
 */
export function pageApp(deps: AppDeps, inProcess: typeof fetch) {
  const app = new Hono<AppEnv>();
  // Errors on the page side answer a Vietnamese page, as the app's own handlers do (app.ts).
  app.onError((error, c) => errorPage(deps, c, error));
  app.notFound((c) => errorPage(deps, c, new DomainError('ROUTE_NOT_FOUND', 'Không có trang này. Địa chỉ có thể đã gõ sai hoặc trang đã được chuyển đi.')));
  // The views read the request's CSRF token from the context they render in (PostForm): this
  // app's own, where the sign-in provider also sets it for a browser that has no cookie yet.
  app.use('*', requestContextStorage());
  app.use('*', async (c, next) => {
    const secret = csrfSecretOf(c);
    if (secret) c.set('csrf', csrfTokenFor(secret));
    await next();
  });
  const oidc = deps.oidc ? oidcClient(deps.oidc) : deps.local ? oidcClient(localProviderSettings(inProcess)) : undefined;
  app.route('/', sessionPages(oidc));
  if (deps.local) app.route('/', localProvider(deps, deps.local));
  app.route('/', assetRoutes());
  app.route('/', pageRoutes(deps));
  app.route('/', campaignPages(deps));
  app.route('/', reviewWorkPages(deps));
  app.route('/', uploadPages(deps));
  app.route('/', dashboardPages(deps));
  app.route('/', reportPages(deps));
  app.route('/', massesPages(deps));
  // Public: the masses' comment form, opened with a single-use code and no account.
  app.route('/', phoneCommentRoutes(deps));
  app.route('/', treePages(deps));
  app.route('/', historyPages(deps));
  app.route('/', rewardPages(deps));
  app.route('/', reconciliationPages(deps));
  app.route('/', scoringPages(deps));
  app.route('/', rulebookPages(deps));
  return app;
}
