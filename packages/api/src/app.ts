import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { AppDeps } from './deps';
import type { AppEnv } from './env';
import { errorResponse } from './errors';
import { requireCaller } from './auth/middleware';
import { unitRoutes } from './routes/units';
import { memberRoutes } from './routes/members';
import { auditRoutes } from './routes/audit';
import { meRoutes } from './routes/me';
import { devRoutes } from './routes/dev';
import { docsPage } from './routes/docs';
import { pageRoutes } from './pages/routes';
import { campaignRoutes } from './routes/campaigns';
import { uploadRoutes } from './routes/uploads';
import { rollupRoutes } from './routes/rollups';
import { reportRoutes } from './routes/reports';
import { campaignPages } from './pages/campaign-pages';
import { uploadPages } from './pages/upload-pages';
import { dashboardPages } from './pages/dashboard-pages';
import { reportPages } from './pages/report-pages';
import { DomainError } from '@kd/domain';
import { assertWritable } from '@kd/services';
import { archiveRoutes } from './routes/archives';
import { treePages } from './pages/tree-pages';

export const API_BASE = '/api/v1';

/** The routes whose body is a spreadsheet file, read as a stream by the upload code. */
function isUploadBody(method: string, path: string): boolean {
  return method === 'POST' && /\/(roster|results)$/.test(path);
}

/**
 * The one application object: served by @hono/node-server locally and by hono/aws-lambda in AWS.
 * Everything it needs comes in `deps`.
 */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  // In AWS the upload page sends files straight to S3 through a pre-signed URL.
  const connectSrc = deps.uploads ? ["'self'", 'https://*.amazonaws.com'] : ["'self'"];
  app.use('*', secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'self'"], connectSrc, styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] } }));
  app.onError((error, c) => errorResponse(c, error));
  app.notFound((c) => errorResponse(c, new DomainError('ROUTE_NOT_FOUND', 'Không tìm thấy địa chỉ yêu cầu.')));

  const api = new OpenAPIHono<AppEnv>();
  // JSON bodies are small; uploads stream their file through their own 5 MB limit (docs/spreadsheets.md, "Files").
  const jsonLimit = bodyLimit({ maxSize: 1024 * 1024, onError: () => { throw new DomainError('BODY_TOO_LARGE', 'Nội dung gửi lên quá lớn.'); } });
  api.use('*', async (c, next) => (isUploadBody(c.req.method, c.req.path) ? next() : jsonLimit(c, next)));
  if (deps.local) api.route('/', devRoutes(deps.local));
  const secured = new OpenAPIHono<AppEnv>();
  secured.use('*', requireCaller(deps));
  // A frozen province (merged into another) is read-only: every write answers 409 TENANT_FROZEN.
  secured.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') await assertWritable(deps, c.get('caller').tenant);
    await next();
  });
  secured.route('/', meRoutes(deps));
  secured.route('/', unitRoutes(deps));
  secured.route('/', memberRoutes(deps));
  secured.route('/', auditRoutes(deps));
  secured.route('/', campaignRoutes(deps));
  secured.route('/', uploadRoutes(deps));
  secured.route('/', rollupRoutes(deps));
  secured.route('/', reportRoutes(deps));
  secured.route('/', archiveRoutes(deps));
  api.route('/', secured);
  app.route(API_BASE, api);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  const documentConfig = {
    openapi: '3.1.0',
    info: {
      title: 'Kiểm điểm — API',
      version: '1.0.0',
      description: 'Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên. Lỗi: {"error":{"code","message","details"?}}.',
    },
  };
  app.doc31('/openapi.json', documentConfig);
  app.route('/', docsPage(() => app.getOpenAPI31Document(documentConfig) as never));
  app.route('/', pageRoutes(deps));
  app.route('/', campaignPages(deps));
  app.route('/', uploadPages(deps));
  app.route('/', dashboardPages(deps));
  app.route('/', reportPages(deps));
  app.route('/', treePages(deps));
  return app;
}

export type App = ReturnType<typeof createApp>;
