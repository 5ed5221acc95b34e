import { createRoute, z } from '@hono/zod-openapi';
import { Member, MemberId, FullName } from '@kd/domain/member';
import { LocalDate } from '@kd/domain/local-date';
import { PartyPosition } from '@kd/domain/party-position';
import { createMember, pageUnitMembers, transferMember, updateMember } from '@kd/data/member-repository';
import type { AppDeps } from '../deps';
import { newRouter } from '../router';
import { memberInScope, unitInScope } from '../access/scope';
import { bearer, commonErrors, conflictError, json, MemberIdParam, refusedError, UnitIdParam } from '../openapi';
import { MemberView, memberView } from '../views';
import { actorOf } from '../actor';

const MemberFields = z.object({
  fullName: FullName,
  birthDate: LocalDate.nullable().optional(),
  admittedOn: LocalDate,
  officialOn: LocalDate.nullable().optional(),
  groupId: z.string().nullable().optional(),
  partyPosition: PartyPosition.nullable().optional(),
  governmentPosition: z.string().max(200).nullable().optional(),
  civilServant: z.boolean().optional(),
  exempt: z.boolean().optional(),
  suspended: z.boolean().optional(),
  transferredInOn: LocalDate.nullable().optional(),
  temporaryAttachmentAt: z.string().max(200).nullable().optional(),
});

const NewMember = MemberFields.extend({ id: MemberId }).openapi('NewMember');
const MemberChanges = MemberFields.partial().extend({ version: z.number().int().positive() }).openapi('MemberChanges');

const Page = z.object({
  members: z.array(MemberView),
  total: z.number().int(),
  cursor: z.string().nullable().openapi({ description: 'Gửi lại trong `cursor` để lấy trang sau; null khi hết' }),
});

export function memberRoutes(deps: AppDeps) {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/units/{unitId}/members',
      summary: 'Đảng viên của chi bộ, theo thứ tự tên tiếng Việt (tên, rồi họ và tên đệm)',
      security: bearer,
      request: {
        params: UnitIdParam,
        query: z.object({
          limit: z.coerce.number().int().min(1).max(500).default(50),
          cursor: z.string().max(2000).optional(),
        }),
      },
      responses: { 200: json(Page, 'Một trang đảng viên'), ...commonErrors },
    }),
    async (c) => {
      const caller = c.get('caller');
      const unit = await unitInScope(deps.store, caller, c.req.valid('param').unitId, 'member.read');
      const { limit, cursor } = c.req.valid('query');
      const page = await pageUnitMembers(deps.store, caller.tenant, unit.id, { limit, cursor: cursor ?? null });
      return c.json({ ...page, members: page.members.map(memberView) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/units/{unitId}/members',
      summary: 'Thêm đảng viên vào chi bộ',
      security: bearer,
      request: { params: UnitIdParam, body: { content: { 'application/json': { schema: NewMember } }, required: true } },
      responses: { 201: json(MemberView, 'Đảng viên mới'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const caller = c.get('caller');
      const unit = await unitInScope(deps.store, caller, c.req.valid('param').unitId, 'member.write');
      const body = c.req.valid('json');
      const member = await createMember(deps.store, caller.tenant, unit, Member.parse({ ...body, unitId: unit.id }), actorOf(caller), deps.clock().toISOString());
      return c.json(memberView(member), 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/members/{memberId}',
      summary: 'Hồ sơ một đảng viên',
      security: bearer,
      request: { params: MemberIdParam },
      responses: { 200: json(MemberView, 'Đảng viên'), ...commonErrors },
    }),
    async (c) => {
      const { member } = await memberInScope(deps.store, c.get('caller'), c.req.valid('param').memberId, 'member.read');
      return c.json(memberView(member), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'patch',
      path: '/members/{memberId}',
      summary: 'Sửa hồ sơ đảng viên (kèm phiên bản đang xem)',
      security: bearer,
      request: { params: MemberIdParam, body: { content: { 'application/json': { schema: MemberChanges } }, required: true } },
      responses: { 200: json(MemberView, 'Đảng viên sau khi sửa'), ...commonErrors, ...conflictError },
    }),
    async (c) => {
      const caller = c.get('caller');
      const { member } = await memberInScope(deps.store, caller, c.req.valid('param').memberId, 'member.write');
      const { version, ...changes } = c.req.valid('json');
      const updated = await updateMember(deps.store, caller.tenant, member, changes, version, actorOf(caller), deps.clock().toISOString());
      return c.json(memberView(updated), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/members/{memberId}/transfer',
      summary: 'Chuyển sinh hoạt đảng sang chi bộ khác trong tỉnh',
      security: bearer,
      request: {
        params: MemberIdParam,
        body: { content: { 'application/json': { schema: z.object({ unitId: z.string().min(1), version: z.number().int().positive() }).openapi('TransferMember') } }, required: true },
      },
      responses: { 200: json(MemberView, 'Đảng viên sau khi chuyển'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const caller = c.get('caller');
      const { member } = await memberInScope(deps.store, caller, c.req.valid('param').memberId, 'member.write');
      const body = c.req.valid('json');
      const to = await unitInScope(deps.store, caller, body.unitId, 'member.write');
      const moved = await transferMember(deps.store, caller.tenant, member, to, body.version, actorOf(caller), deps.clock().toISOString());
      return c.json(memberView(moved), 200);
    },
  );

  return r;
}
