import { createRoute } from '@hono/zod-openapi';
import type { AppDeps } from '../deps';
import { newRouter } from '../router';
import { bearer, commonErrors, conflictError, json, refusedError, UnitIdParam } from '../openapi';
import { DossierView, QuotaExceptionBody, YearParam } from './campaign-schemas';
import { setQuotaException } from '@kd/services';

/** The competent level's quota exception for a base organisation (QĐ 366-QĐ/TW Điều 11). */
export function quotaExceptionRoutes(deps: AppDeps) {
  const r = newRouter();
  r.openapi(
    createRoute({
      method: 'put',
      path: '/campaigns/{year}/units/{unitId}/quota-exception',
      summary: 'Cấp có thẩm quyền nâng tỷ lệ Hoàn thành xuất sắc nhiệm vụ của một tổ chức cơ sở đảng (r2025: đến 25% số Hoàn thành tốt)',
      description:
        'Do cấp thẩm định tổ chức cơ sở đảng hoặc cấp trên nữa thực hiện; chính tổ chức đó: 403 UPPER_LEVEL_ONLY. Vượt giới hạn của bộ quy tắc hoặc bộ quy tắc không cho phép (r2019, r2023): 422 QUOTA_EXCEPTION_NOT_ALLOWED. Không phải tổ chức cơ sở đảng: 422 NOT_A_BASE_ORGANISATION. `{"share": null}` bỏ ngoại lệ. Ghi nhật ký; đánh giá của tổ chức và số liệu tổng hợp dùng tỷ lệ này.',
      security: bearer,
      request: { params: YearParam.merge(UnitIdParam), body: { content: { 'application/json': { schema: QuotaExceptionBody } }, required: true } },
      responses: { 200: json(DossierView, 'Hồ sơ của tổ chức sau khi ghi'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      return c.json(await setQuotaException(deps, c.get('caller'), year, unitId, c.req.valid('json')), 200);
    },
  );
  return r;
}
