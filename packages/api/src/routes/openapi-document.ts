import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { API_BASE } from '../base-paths';
import { devRoutes } from './dev';
import { ROUTE_GROUPS } from './route-groups';

const documentConfig = {
  openapi: '3.1.0',
  info: {
    title: 'Kiểm điểm — API',
    version: '1.0.0',
    description: 'Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên. Lỗi: {"error":{"code","message","details"?}}.',
  },
} as const;

export type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

/** The OpenAPI 3.1 document of the JSON API: every route group mounted as createApp serves it, under /api/v1. */
export async function openApiDocument(deps: AppDeps): Promise<OpenApiDocument> {
  const all = new OpenAPIHono<AppEnv>();
  if (deps.local) all.route('/', devRoutes(deps.local));
  for (const load of Object.values(ROUTE_GROUPS)) all.route('/', (await load())(deps));
  const app = new OpenAPIHono<AppEnv>();
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.route(API_BASE, all);
  return app.getOpenAPI31Document(documentConfig);
}
