import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { newRouter } from '../router';
import { bearer, commonErrors, json, UnitIdParam } from '../openapi';
import { YearParam } from './campaign-schemas';
import { RollupView } from './rollups';
import { readArchivedRollup } from '@kd/services';

const FormerTenantParam = z.object({
  tenant: z.string().min(1).max(100).openapi({ param: { name: 'tenant', in: 'path' }, example: 'tra-vinh' }),
});

/** Archived campaigns of former provinces (docs/tree-history.md, "Merging provinces"), read through their grant. */
export function archiveRoutes(deps: AppDeps) {
  const r = newRouter();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/archives/{tenant}/campaigns/{year}/units/{unitId}/rollup',
      summary: 'Số liệu tổng hợp một năm của tỉnh cũ đã hợp nhất vào tỉnh của người dùng',
      description: 'Chỉ đọc được khi tỉnh cũ đã cấp quyền cho tỉnh mới (lệnh hợp nhất tỉnh); 404 nếu không có quyền.',
      security: bearer,
      request: { params: FormerTenantParam.merge(YearParam).merge(UnitIdParam) },
      responses: { 200: json(RollupView, 'Số liệu tổng hợp của tỉnh cũ'), ...commonErrors },
    }),
    async (c) => {
      const { tenant, year, unitId } = c.req.valid('param');
      const { path: _path, ...rollup } = await readArchivedRollup(deps, c.get('caller'), tenant, year, unitId);
      return c.json(rollup, 200);
    },
  );
  return r;
}
