import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { XLSX_CONTENT_TYPE } from '@kd/domain';
import { kindOf } from '@kd/domain';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { newRouter } from '../router';
import { httpStatus } from '../http-status';
import { RosterAnswer as RosterAnswerSchema, UploadAnswer as UploadAnswerSchema, resultsTemplateFile, rosterTemplateFile, uploadFromBucket, uploadResults, uploadRoster, uploadUrl, type UploadSource, type UploadTarget } from '@kd/services';
import { bearer, busyError, commonErrors, conflictError, json, tooLargeError, unsupportedTypeError, UnitIdParam } from '../openapi';
import { attachment } from '../content-disposition';

// `.extend({})` makes each a schema of the zod instance @hono/zod-openapi extended, so it can be named.
const UploadAnswer = UploadAnswerSchema.extend({}).openapi('UploadAnswer');
const RosterAnswer = RosterAnswerSchema.extend({}).openapi('RosterUploadAnswer');

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
const fileErrors = { ...tooLargeError, ...unsupportedTypeError, ...busyError } as const;
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

function xlsxResponse(c: Context<AppEnv>, file: { bytes: Buffer; fileName: string }): Response {
  return c.body(new Uint8Array(file.bytes), 200, {
    'content-type': XLSX_CONTENT_TYPE,
    'content-disposition': attachment(file.fileName),
    'cache-control': 'no-store',
  });
}

/** Roster and results spreadsheets: templates, uploads (dry run / commit), and the S3 path (docs/spreadsheets.md; docs/api.md, "Upload answers"). */
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
      return xlsxResponse(c, await rosterTemplateFile(deps, c.get('caller'), c.req.valid('param').unitId));
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
      const { refused, answer } = await uploadRoster(deps, c.get('caller'), c.req.valid('param').unitId, bodyOf(c), c.req.valid('query').dryRun !== 'false');
      return c.json(answer, (refused ? httpStatus[kindOf('UPLOAD_HAS_ERRORS')] : 200) as 200 | 422);
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
      const { year, unitId } = c.req.valid('param');
      return xlsxResponse(c, await resultsTemplateFile(deps, c.get('caller'), year, unitId));
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
      const { year, unitId } = c.req.valid('param');
      const { refused, answer } = await uploadResults(deps, c.get('caller'), year, unitId, bodyOf(c), c.req.valid('query').dryRun !== 'false');
      return c.json(answer, (refused ? httpStatus[kindOf('UPLOAD_HAS_ERRORS')] : 200) as 200 | 422);
    },
  );

  // The S3 path: API Gateway and Lambda refuse bodies over about 6 MB, so in AWS the browser puts
  // the file in the upload bucket and the same parsing code reads the object as a stream.
  for (const kind of ['roster', 'results'] as const) {
    const base = kind === 'roster' ? '/units/{unitId}/roster' : '/campaigns/{year}/units/{unitId}/results';
    const params = kind === 'roster' ? UnitIdParam : YearUnitParams;
    const target = (c: Context<AppEnv>): UploadTarget =>
      kind === 'roster' ? { kind, unitId: c.req.param('unitId')! } : { kind, unitId: c.req.param('unitId')!, year: Number(c.req.param('year')) };

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
        return c.json(await uploadUrl(deps, c.get('caller'), target(c), c.req.valid('json').contentType), 200);
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
        const { key, dryRun } = c.req.valid('json');
        const { refused, answer } = await uploadFromBucket(deps, c.get('caller'), target(c), key, dryRun);
        return c.json(answer, (refused ? httpStatus[kindOf('UPLOAD_HAS_ERRORS')] : 200) as 200 | 422);
      },
    );
  }

  return r;
}
