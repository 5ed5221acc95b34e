import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { DomainError, notFound } from '@kd/domain/errors';
import { XLSX_CONTENT_TYPE, resultsTemplate, rosterTemplate } from '@kd/files/spreadsheet/index';
import { listUnitMembers } from '@kd/data/member-repository';
import { listChildren, type StoredUnit } from '@kd/data/unit-repository';
import { readResults } from '@kd/data/dossier';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import type { Caller } from '../auth/claims';
import { newRouter } from '../router';
import { unitInScope } from '../access/scope';
import { ErrorSchema, bearer, commonErrors, conflictError, json, UnitIdParam } from '../openapi';
import { RosterAnswer, UploadAnswer, processResults, processRoster, type UploadSource } from './upload-process';

const YearUnitParams = UnitIdParam.extend({
  year: z.coerce.number().int().min(2000).max(2100).openapi({ param: { name: 'year', in: 'path' }, example: 2021 }),
});
const DryRunQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('true').openapi({ description: 'true: chỉ kiểm tra, không ghi gì (mặc định); false: ghi nếu không có lỗi' }),
});

const Binary = z.string().openapi({ format: 'binary' });
const fileBody = {
  content: {
    [XLSX_CONTENT_TYPE]: { schema: Binary },
    'text/csv': { schema: Binary },
  },
  required: true,
  description: 'Nội dung tệp (.xlsx, hoặc .csv UTF-8, dấu phân cách "," hoặc ";"); tối đa 5 MB và 20.000 dòng dữ liệu.',
} as const;
const err = (description: string) => ({ content: { 'application/json': { schema: ErrorSchema } }, description });
const fileErrors = {
  413: err('Tệp quá lớn (FILE_TOO_LARGE) hoặc quá nhiều dòng (TOO_MANY_ROWS)'),
  415: err('Không phải tệp .xlsx hoặc .csv (UNSUPPORTED_TYPE)'),
} as const;
const xlsxFile = (description: string) => ({ content: { [XLSX_CONTENT_TYPE]: { schema: Binary } }, description });

const UploadUrlRequest = z
  .object({ contentType: z.enum([XLSX_CONTENT_TYPE, 'text/csv']).openapi({ description: 'Kiểu tệp sẽ gửi lên (trình duyệt gửi PUT với đúng Content-Type này)' }) })
  .openapi('UploadUrlRequest');
const UploadUrl = z
  .object({ url: z.string(), key: z.string(), expiresAt: z.string(), contentType: z.string() })
  .openapi('UploadUrl', { description: 'Địa chỉ tải tệp lên S3 (PUT), dùng một lần trước `expiresAt`; rồi gọi …/from-upload với `key`.' });
const FromUpload = z
  .object({ key: z.string().min(1).max(300), dryRun: z.boolean().default(true) })
  .openapi('FromUpload');

/** The request body as a Node stream, never buffered here: `readTable` stops at the size limit. */
function bodyOf(c: Context<AppEnv>): UploadSource {
  const body = c.req.raw.body;
  return { stream: body ? Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>) : null, contentType: c.req.header('content-type') };
}

/** Object keys carry the tenant and unit, so a key can be used only where it was handed out. */
const keyPrefix = (caller: Caller, unitId: string, purpose: string) => `uploads/${caller.tenant}/${unitId}/${purpose}/`;

async function objectOf(deps: AppDeps, caller: Caller, unitId: string, purpose: string, key: string): Promise<UploadSource> {
  const uploads = configured(deps);
  if (!key.startsWith(keyPrefix(caller, unitId, purpose)) || !/^[\w./-]+$/.test(key) || key.includes('..')) {
    throw notFound('Không tìm thấy tệp đã tải lên.', 'UPLOAD_NOT_FOUND');
  }
  const stream = await uploads.open(key).catch((error: unknown) => {
    if (error instanceof DomainError) throw error;
    throw new DomainError('notFound', 'UPLOAD_NOT_FOUND', 'Không tìm thấy tệp đã tải lên (có thể đã hết hạn).', undefined, { cause: error });
  });
  return { stream, contentType: 'application/octet-stream' };
}

function configured(deps: AppDeps): NonNullable<AppDeps['uploads']> {
  if (!deps.uploads) throw notFound('Chức năng tải tệp qua kho lưu trữ chỉ có trên hệ thống triển khai; hãy gửi tệp trực tiếp.', 'NOT_CONFIGURED');
  return deps.uploads;
}

async function uploadUrl(deps: AppDeps, caller: Caller, unitId: string, purpose: string, contentType: string) {
  const uploads = configured(deps);
  const key = `${keyPrefix(caller, unitId, purpose)}${randomUUID()}${contentType === XLSX_CONTENT_TYPE ? '.xlsx' : '.csv'}`;
  const url = await uploads.presign(key, contentType);
  const expiresAt = new Date(deps.clock().getTime() + (uploads.expiresInSeconds ?? 900) * 1000).toISOString();
  return { url, key, expiresAt, contentType };
}

const safeName = (s: string) => s.replace(/[^\w.-]+/g, '_');
function xlsxResponse(c: Context<AppEnv>, bytes: Buffer, fileName: string): Response {
  return c.body(new Uint8Array(bytes), 200, {
    'content-type': XLSX_CONTENT_TYPE,
    'content-disposition': `attachment; filename="${fileName}"`,
    'cache-control': 'no-store',
  });
}

async function groupNames(deps: AppDeps, tenant: string, unit: StoredUnit): Promise<Map<string, string>> {
  const children = await listChildren(deps.store, tenant, unit.id);
  return new Map(children.filter((u) => u.kind === 'group').map((g) => [g.id, g.name]));
}

/** Roster and results spreadsheets: templates, uploads (dry run / commit), and the S3 path (contract §1, §2.1). */
export function uploadRoutes(deps: AppDeps) {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/units/{unitId}/roster-template',
      summary: 'Tệp mẫu danh sách đảng viên (.xlsx), điền sẵn đảng viên của chi bộ',
      security: bearer,
      request: { params: UnitIdParam },
      responses: { 200: xlsxFile('Tệp mẫu .xlsx'), ...commonErrors },
    }),
    async (c) => {
      const caller = c.get('caller');
      const unit = await unitInScope(deps.store, caller, c.req.valid('param').unitId, 'member.read');
      const [members, groups] = await Promise.all([listUnitMembers(deps.store, caller.tenant, unit.id), groupNames(deps, caller.tenant, unit)]);
      const bytes = await rosterTemplate({
        unitName: unit.name,
        members: members.map((m) => ({ ...m, groupName: m.groupId ? (groups.get(m.groupId) ?? null) : null })),
      });
      return xlsxResponse(c, bytes, `danh-sach-dang-vien-${safeName(unit.id)}.xlsx`);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/units/{unitId}/roster',
      summary: 'Tải lên danh sách đảng viên (chạy thử hoặc ghi)',
      description:
        'Thân yêu cầu là nội dung tệp. Thêm và cập nhật đảng viên của chi bộ, tạo tổ đảng mới theo tên; không xóa ai, và liệt kê đảng viên không có trong tệp. 422 UPLOAD_HAS_ERRORS: có lỗi dòng, không ghi gì.',
      security: bearer,
      request: { params: UnitIdParam, query: DryRunQuery, body: fileBody },
      responses: {
        200: json(RosterAnswer, 'Kết quả chạy thử, hoặc đã ghi'),
        422: json(RosterAnswer, 'Có lỗi dòng (UPLOAD_HAS_ERRORS); không ghi gì'),
        ...commonErrors,
        ...conflictError,
        ...fileErrors,
      },
    }),
    async (c) => {
      const caller = c.get('caller');
      const unit = await unitInScope(deps.store, caller, c.req.valid('param').unitId, 'member.write');
      const { status, answer } = await processRoster(deps, caller, unit, bodyOf(c), c.req.valid('query').dryRun !== 'false');
      return c.json(answer, status);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{year}/units/{unitId}/results-template',
      summary: 'Tệp mẫu kết quả kiểm điểm, xếp loại của chi bộ trong năm (.xlsx), điền sẵn từ danh sách đảng viên',
      security: bearer,
      request: { params: YearUnitParams },
      responses: { 200: xlsxFile('Tệp mẫu .xlsx'), ...commonErrors },
    }),
    async (c) => {
      const caller = c.get('caller');
      const unit = await unitInScope(deps.store, caller, c.req.valid('param').unitId, 'member.read');
      const year = c.req.valid('param').year;
      const [members, results] = await Promise.all([listUnitMembers(deps.store, caller.tenant, unit.id), readResults(deps.store, caller.tenant, unit.id, year)]);
      const existing = new Map([...results.values()].map((row) => [row.memberId, row.facts]));
      const bytes = await resultsTemplate({ unitName: unit.name, year, members, existing });
      return xlsxResponse(c, bytes, `ket-qua-kiem-diem-${year}-${safeName(unit.id)}.xlsx`);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/campaigns/{year}/units/{unitId}/results',
      summary: 'Tải lên kết quả kiểm điểm, xếp loại đảng viên (chạy thử hoặc ghi thành một phiên bản mới)',
      description:
        'Thân yêu cầu là nội dung tệp. Vi phạm quy tắc không chặn việc ghi; chỉ lỗi dòng mới chặn (422 UPLOAD_HAS_ERRORS). Tải lại đúng tệp đã ghi: không tạo phiên bản mới (`unchanged: true`). Hồ sơ đã gửi hoặc đã duyệt: 409 UNIT_LOCKED.',
      security: bearer,
      request: { params: YearUnitParams, query: DryRunQuery, body: fileBody },
      responses: {
        200: json(UploadAnswer, 'Kết quả chạy thử, hoặc đã ghi'),
        422: json(UploadAnswer, 'Có lỗi dòng (UPLOAD_HAS_ERRORS); không ghi gì'),
        ...commonErrors,
        ...conflictError,
        ...fileErrors,
      },
    }),
    async (c) => {
      const caller = c.get('caller');
      const unit = await unitInScope(deps.store, caller, c.req.valid('param').unitId, 'results.write');
      const { status, answer } = await processResults(deps, caller, unit, c.req.valid('param').year, bodyOf(c), c.req.valid('query').dryRun !== 'false');
      return c.json(answer, status);
    },
  );

  // The S3 path: API Gateway and Lambda refuse bodies over about 6 MB, so in AWS the browser puts
  // the file in the upload bucket and the same parsing code reads the object as a stream.
  for (const kind of ['roster', 'results'] as const) {
    const base = kind === 'roster' ? '/units/{unitId}/roster' : '/campaigns/{year}/units/{unitId}/results';
    const params = kind === 'roster' ? UnitIdParam : YearUnitParams;
    const action = kind === 'roster' ? 'member.write' : 'results.write';
    const yearOf = (c: Context<AppEnv>) => Number(c.req.param('year'));
    const purpose = (c: Context<AppEnv>) => (kind === 'roster' ? 'roster' : `results-${yearOf(c)}`);

    r.openapi(
      createRoute({
        method: 'post',
        path: `${base}/upload-url`,
        summary: kind === 'roster' ? 'Địa chỉ tải tệp danh sách đảng viên lên kho lưu trữ (AWS)' : 'Địa chỉ tải tệp kết quả lên kho lưu trữ (AWS)',
        description: 'Chỉ có khi hệ thống có kho lưu trữ tệp (S3); nếu không: 404 NOT_CONFIGURED, hãy gửi tệp trực tiếp.',
        security: bearer,
        request: { params, body: { content: { 'application/json': { schema: UploadUrlRequest } }, required: true } },
        responses: { 200: json(UploadUrl, 'Địa chỉ PUT đã ký'), ...commonErrors },
      }),
      async (c) => {
        const caller = c.get('caller');
        const unit = await unitInScope(deps.store, caller, c.req.valid('param').unitId, action);
        const { contentType } = c.req.valid('json');
        return c.json(await uploadUrl(deps, caller, unit.id, purpose(c), contentType), 200);
      },
    );

    r.openapi(
      createRoute({
        method: 'post',
        path: `${base}/from-upload`,
        summary: kind === 'roster' ? 'Xử lý tệp danh sách đã tải lên kho lưu trữ' : 'Xử lý tệp kết quả đã tải lên kho lưu trữ',
        description: 'Cùng cách đọc, kiểm tra và ghi như khi gửi tệp trực tiếp; `key` là khóa nhận từ …/upload-url.',
        security: bearer,
        request: { params, body: { content: { 'application/json': { schema: FromUpload } }, required: true } },
        responses: {
          200: json(kind === 'roster' ? RosterAnswer : UploadAnswer, 'Kết quả chạy thử, hoặc đã ghi'),
          422: json(kind === 'roster' ? RosterAnswer : UploadAnswer, 'Có lỗi dòng (UPLOAD_HAS_ERRORS); không ghi gì'),
          ...commonErrors,
          ...conflictError,
          ...fileErrors,
        },
      }),
      async (c) => {
        const caller = c.get('caller');
        const unit = await unitInScope(deps.store, caller, c.req.valid('param').unitId, action);
        const { key, dryRun } = c.req.valid('json');
        const source = await objectOf(deps, caller, unit.id, purpose(c), key);
        const { status, answer } =
          kind === 'roster'
            ? await processRoster(deps, caller, unit, source, dryRun)
            : await processResults(deps, caller, unit, yearOf(c), source, dryRun);
        return c.json(answer, status);
      },
    );
  }

  return r;
}
