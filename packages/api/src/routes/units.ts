import { createRoute, z } from '@hono/zod-openapi';
import { LocalDate, UnitKind, Sector, UnitName } from '@kd/domain';
import type { AppDeps } from '../deps';
import { newRouter } from '../router';
import { close, createChild, mergeUnits, move, readSubtree, readTreeJob, readUnit, rename, splitUnit } from '@kd/services';
import { bearer, commonErrors, conflictError, json, refusedError, UnitIdParam } from '../openapi';
import { UnitView, unitView } from '../views';
import { TreeJobView, treeJobView } from './tree-job-view';

const UnitDetail = UnitView.extend({ parent: UnitView.nullable(), children: z.array(UnitView) }).openapi('UnitDetail');

const NewChild = z
  .object({
    name: UnitName,
    kind: UnitKind,
    foundedOn: LocalDate.nullable().optional(),
    sector: Sector.nullable().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/).optional().openapi({ description: 'Mã đơn vị (tùy chọn; tự sinh nếu bỏ trống)' }),
  })
  .openapi('NewUnit');

const Versioned = { version: z.number().int().positive().optional().openapi({ description: 'Phiên bản đang xem; khác phiên bản hiện tại → 409' }) };
const EffectiveOn = { on: LocalDate.optional().openapi({ description: 'Ngày hiệu lực (mặc định hôm nay); không sau hôm nay, không trước sự kiện đã ghi nhận của đơn vị' }) };
const JobParams = UnitIdParam.extend({ jobId: z.string().min(1).max(100).openapi({ param: { name: 'jobId', in: 'path' } }) });
const accepted = { 202: json(TreeJobView, 'Đã nhận: thao tác chạy nền; theo dõi tại `GET /units/{unitId}/tree-jobs/{jobId}`') };

export function unitRoutes(deps: AppDeps) {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/units/{unitId}',
      summary: 'Đơn vị, cấp trên và các đơn vị trực thuộc',
      security: bearer,
      request: { params: UnitIdParam },
      responses: { 200: json(UnitDetail, 'Đơn vị'), ...commonErrors },
    }),
    async (c) => {
      const { unit, parent, children } = await readUnit(deps, c.get('caller'), c.req.valid('param').unitId);
      return c.json({ ...unitView(unit), parent: parent ? unitView(parent) : null, children: children.map(unitView) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/units/{unitId}/subtree',
      summary: 'Toàn bộ cây đơn vị trực thuộc, kèm số đảng viên',
      security: bearer,
      request: { params: UnitIdParam },
      responses: { 200: json(z.object({ units: z.array(UnitView) }), 'Cây đơn vị theo thứ tự đường dẫn'), ...commonErrors },
    }),
    async (c) => {
      const units = await readSubtree(deps, c.get('caller'), c.req.valid('param').unitId);
      return c.json({ units: units.map(unitView) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/units/{unitId}/children',
      summary: 'Tạo đơn vị trực thuộc',
      security: bearer,
      request: { params: UnitIdParam, body: { content: { 'application/json': { schema: NewChild } }, required: true } },
      responses: { 201: json(UnitView, 'Đơn vị mới'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const unit = await createChild(deps, c.get('caller'), c.req.valid('param').unitId, c.req.valid('json'));
      return c.json(unitView(unit), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/units/{unitId}',
      summary: 'Đổi tên đơn vị',
      security: bearer,
      request: {
        params: UnitIdParam,
        body: { content: { 'application/json': { schema: z.object({ name: UnitName, ...Versioned, ...EffectiveOn }).openapi('RenameUnit') } }, required: true },
      },
      responses: { 200: json(UnitView, 'Đơn vị sau khi đổi tên'), ...commonErrors, ...conflictError },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const renamed = await rename(deps, c.get('caller'), c.req.valid('param').unitId, body.name, body.version, body.on);
      return c.json(unitView(renamed), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/units/{unitId}/move',
      summary: 'Chuyển đơn vị (cùng cây trực thuộc) sang đơn vị cấp trên khác',
      description: 'Cây trực thuộc vừa một giao dịch (đến 97 đơn vị): chuyển ngay, trả 200. Lớn hơn: chạy nền, trả 202 với thao tác.',
      security: bearer,
      request: {
        params: UnitIdParam,
        body: { content: { 'application/json': { schema: z.object({ parentId: z.string().min(1), ...Versioned, ...EffectiveOn }).openapi('MoveUnit') } }, required: true },
      },
      responses: { 200: json(UnitView, 'Đơn vị sau khi chuyển'), ...accepted, ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const moved = await move(deps, c.get('caller'), c.req.valid('param').unitId, body.parentId, body.version, body.on);
      return 'job' in moved ? c.json(treeJobView(moved.job), 202) : c.json(unitView(moved.unit), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/units/{unitId}/merge',
      summary: 'Hợp nhất các đơn vị vào đơn vị này (đơn vị kế thừa)',
      description: 'Đơn vị trực thuộc của các đơn vị hợp nhất chuyển về đơn vị kế thừa, đảng viên của các chi bộ hợp nhất chuyển sinh hoạt sang, các đơn vị hợp nhất kết thúc từ ngày hiệu lực. Chạy nền: trả 202.',
      security: bearer,
      request: {
        params: UnitIdParam,
        body: { content: { 'application/json': { schema: z.object({ sourceIds: z.array(z.string().min(1)).min(1).max(500), on: LocalDate }).openapi('MergeUnits') } }, required: true },
      },
      responses: { ...accepted, ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const job = await mergeUnits(deps, c.get('caller'), c.req.valid('param').unitId, body.sourceIds, body.on);
      return c.json(treeJobView(job), 202);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/units/{unitId}/split',
      summary: 'Chia tách đơn vị thành các đơn vị kế thừa',
      description: 'Mỗi đơn vị trực thuộc và mỗi đảng viên (nếu là chi bộ) giao cho đúng một đơn vị kế thừa; đơn vị chia tách kết thúc từ ngày hiệu lực. Chạy nền: trả 202.',
      security: bearer,
      request: {
        params: UnitIdParam,
        body: {
          content: {
            'application/json': {
              schema: z
                .object({
                  on: LocalDate,
                  successors: z.array(z.object({ unitId: z.string().min(1), childIds: z.array(z.string()).optional(), memberIds: z.array(z.string()).optional() })).min(2).max(50),
                })
                .openapi('SplitUnit'),
            },
          },
          required: true,
        },
      },
      responses: { ...accepted, ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const job = await splitUnit(deps, c.get('caller'), c.req.valid('param').unitId, body.successors, body.on);
      return c.json(treeJobView(job), 202);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/units/{unitId}/tree-jobs/{jobId}',
      summary: 'Tiến độ một thao tác cây đơn vị (chuyển lớn, hợp nhất, chia tách)',
      security: bearer,
      request: { params: JobParams },
      responses: { 200: json(TreeJobView, 'Thao tác'), ...commonErrors },
    }),
    async (c) => {
      const { unitId, jobId } = c.req.valid('param');
      return c.json(treeJobView(await readTreeJob(deps, c.get('caller'), unitId, jobId)), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/units/{unitId}/close',
      summary: 'Giải thể đơn vị (giữ lại lịch sử)',
      security: bearer,
      request: {
        params: UnitIdParam,
        body: { content: { 'application/json': { schema: z.object({ closedOn: LocalDate, ...Versioned }).openapi('CloseUnit') } }, required: true },
      },
      responses: { 200: json(UnitView, 'Đơn vị đã giải thể'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const closed = await close(deps, c.get('caller'), c.req.valid('param').unitId, body.closedOn, body.version);
      return c.json(unitView(closed), 200);
    },
  );

  return r;
}
