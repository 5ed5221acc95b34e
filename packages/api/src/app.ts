import { OpenAPIHono } from '@hono/zod-openapi';
import type { Hono } from 'hono';
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
import { campaignRoutes } from './routes/campaigns';
import { uploadRoutes } from './routes/uploads';
import { rollupRoutes } from './routes/rollups';
import { reportRoutes } from './routes/reports';
import { PAGE_PATHS } from './pages/page-paths';
import { DomainError } from '@kd/domain';

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
  secured.route('/', meRoutes(deps));
  secured.route('/', unitRoutes(deps));
  secured.route('/', memberRoutes(deps));
  secured.route('/', auditRoutes(deps));
  secured.route('/', campaignRoutes(deps));
  secured.route('/', uploadRoutes(deps));
  secured.route('/', rollupRoutes(deps));
  secured.route('/', reportRoutes(deps));
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
  // The pages: their views load with the first page request, not at a cold start.
  let pages: Promise<Hono<AppEnv>> | undefined;
  const loadPages = () =>
    (pages ??= import('./pages/page-app').then((m) => m.pageApp(deps)).catch((error: unknown) => {
      pages = undefined;
      throw error;
    }));
  for (const [method, path] of PAGE_PATHS) app.on(method, path, async (c) => (await loadPages()).fetch(c.req.raw, c.env));
  return app;
}

export type App = ReturnType<typeof createApp>;
