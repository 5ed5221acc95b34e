import { createRoute, z } from '@hono/zod-openapi';
import { CellMappingEntry as CellMappingEntrySchema, HeaderMapping as HeaderMappingSchema, LocalDate, differenceFields, rowErrorCodes } from '@kd/domain';
import { RunEntry as RunEntrySchema, RunSummary as RunSummarySchema } from '@kd/data';
import { correctionsFile, decideEntry, readMemberIdentity, readRun, reconciliationMappings, runReconciliation, runsOf, saveMemberIdentity, setCellMapping, setHeaderMapping } from '@kd/services';
import type { AppDeps } from '../deps';
import { newRouter } from '../router';
import { bearer, commonErrors, conflictError, json, MemberIdParam, refusedError, tooLargeError, unsupportedTypeError, UnitIdParam } from '../openapi';
import { spreadsheetBody, streamedBody, xlsxDownload, xlsxResponseDoc } from './file-bodies';

const HeaderMapping = HeaderMappingSchema.extend({}).openapi('ReconciliationHeaderMapping');
const CellMappingEntry = CellMappingEntrySchema.extend({}).openapi('ReconciliationCellMappingEntry');
const Mappings = z
  .object({
    headers: z.object({ value: HeaderMapping, version: z.number().int(), updatedAt: z.string().nullable() }),
    cells: z.object({ value: z.array(CellMappingEntry), version: z.number().int(), updatedAt: z.string().nullable() }),
  })
  .openapi('ReconciliationMappings');
const RunEntry = RunEntrySchema.extend({}).openapi('ReconciliationEntry');
const RunSummary = RunSummarySchema.extend({}).openapi('ReconciliationRunSummary');
const RowErrorView = z.object({ row: z.number().int(), column: z.string(), code: z.enum(rowErrorCodes), message: z.string() });
const Run = z.object({ summary: RunSummary, entries: z.array(RunEntry) }).openapi('ReconciliationRun');
const RunAnswer = Run.extend({ errors: z.array(RowErrorView) }).openapi('ReconciliationRunAnswer');
const Identity = z
  .object({ memberId: z.string(), partyCardNumber: z.string().nullable(), nationalIdLast4: z.string().nullable(), hasNationalId: z.boolean(), version: z.number().int() })
  .openapi('MemberIdentity', { description: 'Số định danh cá nhân không bao giờ được trả về: chỉ 4 chữ số cuối.' });

const RunParams = UnitIdParam.extend({ runId: z.string().min(1).max(64).openapi({ param: { name: 'runId', in: 'path' } }) });
// The entry's number is checked by the service, after the scope check (an unknown one is 404).
const EntryParams = RunParams.extend({ n: z.string().max(10).openapi({ param: { name: 'n', in: 'path' }, example: '1' }) });
const body = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

/** Reconciliation with the central party-member database (docs/api.md, "Reconciliation"; docs/reconciliation.md). */
export function reconciliationRoutes(deps: AppDeps) {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get', path: '/units/{unitId}/reconciliation/mappings', security: bearer,
      summary: 'Bảng ánh xạ tên cột của tệp CSDL đảng viên và bảng ánh xạ chi bộ của tỉnh',
      request: { params: UnitIdParam },
      responses: { 200: json(Mappings, 'Hai bảng ánh xạ và phiên bản'), ...commonErrors },
    }),
    async (c) => c.json(await reconciliationMappings(deps, c.get('caller'), c.req.valid('param').unitId), 200),
  );

  r.openapi(
    createRoute({
      method: 'put', path: '/units/{unitId}/reconciliation/header-mapping', security: bearer,
      summary: 'Sửa bảng ánh xạ tên cột (mỗi trường: các tên cột có thể gặp trong tệp xuất từ CSDL)',
      request: { params: UnitIdParam, body: body(z.object({ value: HeaderMapping, version: z.number().int().nonnegative() })) },
      responses: { 200: json(Mappings.shape.headers, 'Bảng sau khi sửa'), ...commonErrors, ...conflictError },
    }),
    async (c) => {
      const { value, version } = c.req.valid('json');
      return c.json(await setHeaderMapping(deps, c.get('caller'), c.req.valid('param').unitId, value, version), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put', path: '/units/{unitId}/reconciliation/cell-mapping', security: bearer,
      summary: 'Thay bảng ánh xạ chi bộ: tên chi bộ trong CSDL → mã chi bộ trong hệ thống (không đối chiếu chi bộ theo tên)',
      request: { params: UnitIdParam, body: body(z.object({ value: z.array(CellMappingEntry).max(20000), version: z.number().int().nonnegative() })) },
      responses: { 200: json(Mappings.shape.cells, 'Bảng sau khi sửa'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const { value, version } = c.req.valid('json');
      return c.json(await setCellMapping(deps, c.get('caller'), c.req.valid('param').unitId, value, version), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/units/{unitId}/reconciliation/runs', security: bearer,
      summary: 'Đối chiếu đảng viên trong phạm vi đơn vị với tệp xuất từ CSDL đảng viên',
      description: 'Thân yêu cầu là nội dung tệp. Số định danh cá nhân được băm ngay khi đọc; kết quả chỉ có 4 chữ số cuối. Không sửa hồ sơ nào: mỗi mục được xử lý riêng.',
      request: { params: UnitIdParam, body: spreadsheetBody },
      responses: { 201: json(RunAnswer, 'Kết quả đối chiếu'), ...commonErrors, ...tooLargeError, ...unsupportedTypeError },
    }),
    async (c) => c.json(await runReconciliation(deps, c.get('caller'), c.req.valid('param').unitId, streamedBody(c)), 201),
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/units/{unitId}/reconciliation/runs', security: bearer,
      summary: 'Các lần đối chiếu của đơn vị, mới nhất trước',
      request: { params: UnitIdParam },
      responses: { 200: json(z.object({ runs: z.array(RunSummary) }), 'Các lần đối chiếu'), ...commonErrors },
    }),
    async (c) => c.json({ runs: (await runsOf(deps, c.get('caller'), c.req.valid('param').unitId)).runs }, 200),
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/units/{unitId}/reconciliation/runs/{runId}', security: bearer,
      summary: 'Một lần đối chiếu: đảng viên chỉ có ở hệ thống, chỉ có trong CSDL, và khác nhau',
      request: { params: RunParams },
      responses: { 200: json(Run, 'Lần đối chiếu'), ...commonErrors },
    }),
    async (c) => {
      const { unitId, runId } = c.req.valid('param');
      const { summary, entries } = await readRun(deps, c.get('caller'), unitId, runId);
      return c.json({ summary, entries }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/units/{unitId}/reconciliation/runs/{runId}/entries/{n}/decision', security: bearer,
      summary: 'Xử lý một mục: sửa hồ sơ theo CSDL (`central`, có ghi nhật ký) hoặc giữ hồ sơ của tỉnh và đề nghị sửa CSDL (`ours`)',
      request: {
        params: EntryParams,
        body: body(z.object({ decision: z.enum(['central', 'ours']), fields: z.array(z.enum(differenceFields)).optional(), officialOn: LocalDate.nullable().optional() }).openapi('ReconciliationDecision')),
      },
      responses: { 200: json(RunEntry, 'Mục sau khi xử lý'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const { unitId, runId, n } = c.req.valid('param');
      return c.json(await decideEntry(deps, c.get('caller'), unitId, runId, Number(n), c.req.valid('json')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/units/{unitId}/reconciliation/runs/{runId}/corrections.xlsx', security: bearer,
      summary: 'Danh sách đề nghị điều chỉnh CSDL đảng viên (.xlsx): các mục hồ sơ của tỉnh đúng',
      request: { params: RunParams },
      responses: { 200: xlsxResponseDoc('Danh sách .xlsx'), ...commonErrors },
    }),
    async (c) => {
      const { unitId, runId } = c.req.valid('param');
      return xlsxDownload(c, await correctionsFile(deps, c.get('caller'), unitId, runId));
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/members/{memberId}/identity', security: bearer,
      summary: 'Số thẻ đảng viên và 4 chữ số cuối số định danh cá nhân',
      request: { params: MemberIdParam },
      responses: { 200: json(Identity, 'Thông tin định danh'), ...commonErrors },
    }),
    async (c) => c.json(await readMemberIdentity(deps, c.get('caller'), c.req.valid('param').memberId), 200),
  );

  r.openapi(
    createRoute({
      method: 'put', path: '/members/{memberId}/identity', security: bearer,
      summary: 'Ghi số thẻ đảng viên, số định danh cá nhân (chỉ lưu giá trị băm có khóa và 4 chữ số cuối)',
      request: {
        params: MemberIdParam,
        body: body(z.object({ partyCardNumber: z.string().max(40).nullable().optional(), nationalId: z.string().max(20).nullable().optional(), version: z.number().int().nonnegative() }).openapi('MemberIdentityInput')),
      },
      responses: { 200: json(Identity, 'Sau khi ghi'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => c.json(await saveMemberIdentity(deps, c.get('caller'), c.req.valid('param').memberId, c.req.valid('json')), 200),
  );

  return r;
}
