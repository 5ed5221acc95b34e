import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { memberCountKeys, scoreCountKeys, unitCountKeys, workflowKeys, UnitKind } from '@kd/domain';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { newRouter } from '../router';
import { bearer, commonErrors, json, UnitIdParam } from '../openapi';
import { YearParam } from './campaign-schemas';
import { bieuXlsx, loadRollup } from '@kd/services';
import { attachment } from '../content-disposition';

const counts = (names: readonly string[]) => z.object(Object.fromEntries(names.map((k) => [k, z.number().int()])));
const RollupNumbersView = z.object({
  unitId: z.string(),
  name: z.string(),
  kind: UnitKind,
  members: counts(memberCountKeys).openapi('RollupMemberCounts'),
  units: counts(unitCountKeys).openapi('RollupUnitCounts'),
  workflow: counts(workflowKeys).openapi('RollupWorkflowCounts'),
  quota: z
    .object({ excellent: z.number().int(), good: z.number().int(), cap: z.number().int(), withinCap: z.boolean(), breaches: z.number().int() })
    .openapi('RollupQuota'),
  scores: z
    .object({ members: counts(scoreCountKeys), units: counts(scoreCountKeys) })
    .openapi('RollupScores', { description: 'Biểu 4 (r2025): đảng viên và tập thể được xếp loại có điểm, theo khung điểm ≥ 90, 70–< 90, 50–< 70, < 50' }),
});
export const RollupView = RollupNumbersView.extend({
  year: z.number().int(),
  asOf: z.string().openapi({ description: 'Thời điểm số liệu được cập nhật lần cuối' }),
  children: z.array(RollupNumbersView.openapi('RollupChild')),
}).openapi('Rollup');

const YearUnit = YearParam.merge(UnitIdParam);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const xlsxFile = (description: string) => ({ content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } }, description });

function xlsxResponse(c: Context<AppEnv>, bytes: Buffer, fileName: string) {
  return c.body(new Uint8Array(bytes), 200, { 'content-type': XLSX, 'content-disposition': attachment(fileName) });
}

/** Roll-ups (docs/api.md, "Roll-ups") and the report tables built from them (docs/rulebooks.md, "Report tables"). */
export function rollupRoutes(deps: AppDeps) {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{year}/units/{unitId}/rollup',
      summary: 'Số liệu tổng hợp của đơn vị và các đơn vị trực thuộc (đọc 1 + số đơn vị trực thuộc bản ghi)',
      security: bearer,
      request: { params: YearUnit },
      responses: { 200: json(RollupView, 'Số liệu tổng hợp'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      const { path: _path, ...rollup } = await loadRollup(deps.store, c.get('caller'), year, unitId);
      return c.json(rollup, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{year}/units/{unitId}/bieu-1.xlsx',
      summary: 'Biểu 1 — Kết quả đánh giá, xếp loại tổ chức đảng (.xlsx)',
      security: bearer,
      request: { params: YearUnit },
      responses: { 200: xlsxFile('Biểu 1'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      const { bytes, fileName } = await bieuXlsx(deps, c.get('caller'), year, unitId, 1);
      return xlsxResponse(c, bytes, fileName);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{year}/units/{unitId}/bieu-2.xlsx',
      summary: 'Biểu 2 — Kết quả đánh giá, xếp loại đảng viên (.xlsx)',
      security: bearer,
      request: { params: YearUnit },
      responses: { 200: xlsxFile('Biểu 2'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      const { bytes, fileName } = await bieuXlsx(deps, c.get('caller'), year, unitId, 2);
      return xlsxResponse(c, bytes, fileName);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{year}/units/{unitId}/bieu-4.xlsx',
      summary: 'Biểu 4 — Phân bố điểm đánh giá, xếp loại (thang 100) của đảng viên và tập thể (.xlsx)',
      security: bearer,
      request: { params: YearUnit },
      responses: { 200: xlsxFile('Biểu 4'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      const { bytes, fileName } = await bieuXlsx(deps, c.get('caller'), year, unitId, 4);
      return xlsxResponse(c, bytes, fileName);
    },
  );

  return r;
}
