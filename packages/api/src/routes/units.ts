import { createRoute, z } from '@hono/zod-openapi';
import { LocalDate, UnitKind, Sector, UnitName } from '@kd/domain';
import type { AppDeps } from '../deps';
import { newRouter } from '../router';
import { close, createChild, move, readSubtree, readUnit, rename } from '@kd/services';
import { bearer, commonErrors, conflictError, json, refusedError, UnitIdParam } from '../openapi';
import { UnitView, unitView } from '../views';

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
        body: { content: { 'application/json': { schema: z.object({ name: UnitName, ...Versioned }).openapi('RenameUnit') } }, required: true },
      },
      responses: { 200: json(UnitView, 'Đơn vị sau khi đổi tên'), ...commonErrors, ...conflictError },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const renamed = await rename(deps, c.get('caller'), c.req.valid('param').unitId, body.name, body.version);
      return c.json(unitView(renamed), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/units/{unitId}/move',
      summary: 'Chuyển đơn vị (cùng cây trực thuộc) sang đơn vị cấp trên khác',
      security: bearer,
      request: {
        params: UnitIdParam,
        body: { content: { 'application/json': { schema: z.object({ parentId: z.string().min(1), ...Versioned }).openapi('MoveUnit') } }, required: true },
      },
      responses: { 200: json(UnitView, 'Đơn vị sau khi chuyển'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const moved = await move(deps, c.get('caller'), c.req.valid('param').unitId, body.parentId, body.version);
      return c.json(unitView(moved), 200);
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
