import { createRoute, z } from '@hono/zod-openapi';
import { LocalDate } from '@kd/domain/local-date';
import { UnitKind, Sector } from '@kd/domain/unit-kind';
import { UnitName } from '@kd/domain/unit';
import { unprocessable } from '@kd/domain/errors';
import { createChildUnit, listChildren, listSubtree, renameUnit, moveUnit, closeUnit, requireUnit } from '@kd/data/unit-repository';
import type { AppDeps } from '../deps';
import { newRouter } from '../router';
import { assertInScope, assertStrictlyBelow, unitInScope } from '../access/scope';
import { bearer, commonErrors, conflictError, json, refusedError, UnitIdParam } from '../openapi';
import { UnitView, unitView } from '../views';
import { actorOf } from '../actor';

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
      const caller = c.get('caller');
      const unit = await unitInScope(deps.store, caller, c.req.valid('param').unitId, 'unit.read');
      const [children, parent] = await Promise.all([
        listChildren(deps.store, caller.tenant, unit.id),
        unit.parentId && unit.id !== caller.unit ? requireUnit(deps.store, caller.tenant, unit.parentId) : Promise.resolve(null),
      ]);
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
      const caller = c.get('caller');
      const unit = await unitInScope(deps.store, caller, c.req.valid('param').unitId, 'unit.read');
      const units = await listSubtree(deps.store, caller.tenant, unit);
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
      const caller = c.get('caller');
      const parent = await unitInScope(deps.store, caller, c.req.valid('param').unitId, 'unit.create');
      const body = c.req.valid('json');
      const id = body.id ?? `${parent.id}-${crypto.randomUUID().slice(0, 8)}`;
      const unit = await createChildUnit(
        deps.store,
        caller.tenant,
        parent,
        { id, name: body.name, kind: body.kind, foundedOn: body.foundedOn ?? null, sector: body.sector ?? parent.sector },
        actorOf(caller),
        deps.clock().toISOString(),
      );
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
      const caller = c.get('caller');
      const unit = await unitInScope(deps.store, caller, c.req.valid('param').unitId, 'unit.rename');
      const body = c.req.valid('json');
      const renamed = await renameUnit(deps.store, caller.tenant, unit, body.name, body.version, actorOf(caller), deps.clock().toISOString());
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
      const caller = c.get('caller');
      const unit = await unitInScope(deps.store, caller, c.req.valid('param').unitId, 'unit.move');
      assertStrictlyBelow(caller, unit);
      const body = c.req.valid('json');
      const newParent = await requireUnit(deps.store, caller.tenant, body.parentId).catch(() => {
        throw unprocessable('PARENT_NOT_FOUND', 'Không tìm thấy đơn vị cấp trên mới.');
      });
      assertInScope(caller, newParent, 'unit.move');
      const moved = await moveUnit(deps.store, caller.tenant, unit, newParent, body.version, actorOf(caller), deps.clock().toISOString());
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
      const caller = c.get('caller');
      const unit = await unitInScope(deps.store, caller, c.req.valid('param').unitId, 'unit.close');
      assertStrictlyBelow(caller, unit);
      const body = c.req.valid('json');
      const closed = await closeUnit(deps.store, caller.tenant, unit, body.closedOn, body.version, actorOf(caller), deps.clock().toISOString());
      return c.json(unitView(closed), 200);
    },
  );

  return r;
}
