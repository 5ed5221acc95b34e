import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { newRouter } from '../router';
import { Role } from '@kd/domain';
import { commonErrors, json } from '../openapi';

const IdentityView = z
  .object({ tenant: z.string(), unit: z.string(), role: Role, name: z.string(), sub: z.string() })
  .openapi('Identity');

/** Local runs only: demo identities and tokens signed by the local key. Never mounted in AWS. */
export function devRoutes(local: NonNullable<AppDeps['local']>) {
  const r = newRouter();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/dev/identities',
      summary: 'Danh sách tài khoản thử (chỉ khi chạy cục bộ)',
      responses: { 200: json(z.array(IdentityView), 'Tài khoản thử') },
    }),
    async (c) => c.json(await local.identities(), 200),
  );
  r.openapi(
    createRoute({
      method: 'post',
      path: '/dev/token',
      summary: 'Cấp token cho một tài khoản thử (chỉ khi chạy cục bộ)',
      request: {
        body: {
          content: {
            'application/json': {
              schema: z.object({ tenant: z.string().min(1), unit: z.string().min(1), role: Role, name: z.string().min(1), sub: z.string().min(1).optional() }).openapi('TokenRequest'),
            },
          },
          required: true,
        },
      },
      responses: { 200: json(z.object({ token: z.string() }), 'Token ES256'), 400: commonErrors[400] },
    }),
    async (c) => c.json({ token: await local.signer.sign(c.req.valid('json')) }, 200),
  );
  return r;
}
