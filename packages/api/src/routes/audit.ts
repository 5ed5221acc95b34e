import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { newRouter } from '../router';
import { readAudit } from '@kd/services';
import { bearer, commonErrors, json, UnitIdParam } from '../openapi';

const AuditView = z
  .object({
    id: z.string(),
    unitId: z.string(),
    at: z.string(),
    actor: z.object({ sub: z.string(), name: z.string(), role: z.string(), unit: z.string() }),
    action: z.string(),
    target: z.string(),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    reason: z.string().nullable().optional(),
  })
  .openapi('AuditEntry');

export function auditRoutes(deps: AppDeps) {
  const r = newRouter();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/units/{unitId}/audit',
      summary: 'Nhật ký thay đổi của đơn vị (mới nhất trước)',
      security: bearer,
      request: { params: UnitIdParam, query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100), cursor: z.string().max(4000).optional() }) },
      responses: { 200: json(z.object({ entries: z.array(AuditView), cursor: z.string().nullable() }), 'Nhật ký'), ...commonErrors },
    }),
    async (c) => {
      const { entries, cursor } = await readAudit(deps, c.get('caller'), c.req.valid('param').unitId, c.req.valid('query'));
      return c.json({ entries, cursor }, 200);
    },
  );
  return r;
}
