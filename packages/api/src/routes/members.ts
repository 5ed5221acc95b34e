import { createRoute, z } from '@hono/zod-openapi';
import { MemberId, FullName, LocalDate, PartyPosition, TemporaryAttachment } from '@kd/domain';
import type { AppDeps } from '../deps';
import { newRouter } from '../router';
import { addMember, changeMember, listMembers, readMember, search, transfer } from '@kd/services';
import { bearer, commonErrors, conflictError, json, MemberIdParam, refusedError, UnitIdParam } from '../openapi';
import { MemberView, memberView } from '../views';

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
  /** Temporary attachments with their periods: R-SPEC-04 reads those of the rated period. */
  attachments: z.array(TemporaryAttachment.extend({})).max(50).optional(),
});

const NewMember = MemberFields.extend({ id: MemberId }).openapi('NewMember');
const MemberChanges = MemberFields.partial().extend({ version: z.number().int().positive() }).openapi('MemberChanges');

const Page = z.object({
  members: z.array(MemberView),
  total: z.number().int(),
  cursor: z.string().nullable().openapi({ description: 'Gửi lại trong `cursor` để lấy trang sau; null khi hết' }),
});

const SearchPage = z
  .object({
    members: z.array(MemberView.extend({ unitName: z.string().nullable() })),
    units: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string(), parentId: z.string().nullable() })),
    cursor: z.string().nullable().openapi({ description: 'Gửi lại trong `cursor` để lấy trang đảng viên sau; null khi hết' }),
  })
  .openapi('SearchResult');

export function memberRoutes(deps: AppDeps) {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/units/{unitId}/search',
      summary: 'Tìm đảng viên (họ tên có dấu hoặc không dấu, mã) và đơn vị (tên) trong đơn vị và các đơn vị trực thuộc',
      security: bearer,
      request: {
        params: UnitIdParam,
        query: z.object({
          q: z.string().max(100),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(4000).optional(),
        }),
      },
      responses: { 200: json(SearchPage, 'Đảng viên khớp (một trang, theo thứ tự tên tiếng Việt) và đơn vị khớp'), ...commonErrors },
    }),
    async (c) => {
      const { q, limit, cursor } = c.req.valid('query');
      const result = await search(deps, c.get('caller'), c.req.valid('param').unitId, { q, limit, cursor: cursor ?? null });
      return c.json(
        {
          members: result.members.map(({ member, unit }) => ({ ...memberView(member), unitName: unit?.name ?? null })),
          units: result.units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, parentId: u.parentId })),
          cursor: result.cursor,
        },
        200,
      );
    },
  );

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
      const page = await listMembers(deps, c.get('caller'), c.req.valid('param').unitId, c.req.valid('query'));
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
      const member = await addMember(deps, c.get('caller'), c.req.valid('param').unitId, c.req.valid('json'));
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
      const member = await readMember(deps, c.get('caller'), c.req.valid('param').memberId);
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
      const { version, ...changes } = c.req.valid('json');
      const updated = await changeMember(deps, c.get('caller'), c.req.valid('param').memberId, changes, version);
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
        body: { content: { 'application/json': { schema: z.object({ unitId: z.string().min(1), version: z.number().int().positive(), on: LocalDate.optional().openapi({ description: 'Ngày chuyển sinh hoạt (mặc định hôm nay)' }) }).openapi('TransferMember') } }, required: true },
      },
      responses: { 200: json(MemberView, 'Đảng viên sau khi chuyển'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const moved = await transfer(deps, c.get('caller'), c.req.valid('param').memberId, body.unitId, body.version, body.on);
      return c.json(memberView(moved), 200);
    },
  );

  return r;
}
