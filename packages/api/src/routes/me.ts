import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { newRouter } from '../router';
import { Role, roleLabels, permissions } from '@kd/domain';
import { bearer, commonErrors, json } from '../openapi';
import { unitInScope } from '@kd/services';
import { UnitView, unitView } from '../views';

export function meRoutes(deps: AppDeps) {
  const r = newRouter();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      summary: 'Người dùng hiện tại, đơn vị và quyền',
      security: bearer,
      responses: {
        200: json(
          z.object({ sub: z.string(), name: z.string(), tenant: z.string(), role: Role, roleLabel: z.string(), unit: UnitView, actions: z.array(z.string()) }),
          'Người dùng',
        ),
        401: commonErrors[401],
        404: commonErrors[404],
      },
    }),
    async (c) => {
      const caller = c.get('caller');
      const unit = await unitInScope(deps.store, caller, caller.unit, 'unit.read');
      return c.json({ ...caller, roleLabel: roleLabels[caller.role], unit: unitView(unit), actions: [...permissions[caller.role]] }, 200);
    },
  );
  return r;
}
