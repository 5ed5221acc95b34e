import { createRoute, z } from '@hono/zod-openapi';
import { kindOf } from '@kd/domain';
import { PastImportAnswer as PastImportAnswerSchema, importPastMembers, importPastUnits, pastMembersTemplate, pastUnitsTemplate, pastYears } from '@kd/services';
import type { AppDeps } from '../deps';
import { newRouter } from '../router';
import { httpStatus } from '../http-status';
import { bearer, commonErrors, conflictError, json, refusedError, tooLargeError, unsupportedTypeError, UnitIdParam } from '../openapi';
import { YearParam } from './campaign-schemas';
import { DryRun, spreadsheetBody, streamedBody, xlsxDownload, xlsxResponseDoc } from './file-bodies';

const PastImportAnswer = PastImportAnswerSchema.extend({}).openapi('PastImportAnswer');
const PastYears = z
  .object({
    years: z.array(z.object({ year: z.number().int(), rulebookId: z.string(), state: z.enum(['open', 'closed']), importedOnly: z.boolean(), label: z.string().nullable() })),
    imports: z.array(z.object({ id: z.string(), at: z.string(), year: z.number().int(), kind: z.enum(['members', 'units']), unitId: z.string(), rows: z.number().int(), unitsWritten: z.number().int(), unitsUnchanged: z.number().int(), campaignCreated: z.boolean() })),
  })
  .openapi('PastYears');

const YearUnit = YearParam.merge(UnitIdParam);
const answers = (what: string) => ({
  200: json(PastImportAnswer, `Kết quả chạy thử, hoặc đã ghi ${what}`),
  422: json(PastImportAnswer, 'Có lỗi dòng (UPLOAD_HAS_ERRORS), không ghi gì; hoặc năm chưa qua (YEAR_NOT_PAST)'),
  ...commonErrors,
  ...conflictError,
  ...tooLargeError,
  ...unsupportedTypeError,
});

/** Results of earlier years, imported by the province into closed campaigns (docs/api.md, "Results of earlier years"). */
export function historyRoutes(deps: AppDeps) {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get', path: '/units/{unitId}/history', security: bearer,
      summary: 'Các năm có số liệu (đợt kiểm điểm mở, đã khóa, nhập từ số liệu năm trước) và các lần nhập trong phạm vi đơn vị',
      request: { params: UnitIdParam },
      responses: { 200: json(PastYears, 'Các năm và các lần nhập'), ...commonErrors },
    }),
    async (c) => {
      const { years, imports } = await pastYears(deps, c.get('caller'), c.req.valid('param').unitId);
      return c.json({ years, imports: imports.map(({ actor: _a, ...i }) => i) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/units/{unitId}/history/member-template', security: bearer,
      summary: 'Tệp mẫu kết quả xếp loại đảng viên các năm trước (.xlsx), điền sẵn đảng viên và chi bộ hiện nay',
      request: { params: UnitIdParam },
      responses: { 200: xlsxResponseDoc('Tệp mẫu .xlsx'), ...commonErrors },
    }),
    async (c) => xlsxDownload(c, await pastMembersTemplate(deps, c.get('caller'), c.req.valid('param').unitId)),
  );

  r.openapi(
    createRoute({
      method: 'get', path: '/units/{unitId}/history/{year}/unit-template', security: bearer,
      summary: 'Tệp mẫu kết quả xếp loại tổ chức đảng của một năm trước (.xlsx), điền sẵn các tổ chức đảng hiện nay',
      request: { params: YearUnit },
      responses: { 200: xlsxResponseDoc('Tệp mẫu .xlsx'), ...commonErrors },
    }),
    async (c) => {
      const { unitId, year } = c.req.valid('param');
      return xlsxDownload(c, await pastUnitsTemplate(deps, c.get('caller'), unitId, year));
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/units/{unitId}/history/{year}/member-results', security: bearer,
      summary: 'Nhập kết quả xếp loại đảng viên của một năm trước (chạy thử hoặc ghi vào đợt kiểm điểm đã khóa của năm đó)',
      description:
        'Thân yêu cầu là nội dung tệp. Mỗi chi bộ trong tệp thay bằng một phiên bản kết quả đánh dấu "nhập từ số liệu năm trước"; năm chưa có đợt kiểm điểm thì tạo đợt đã khóa. Năm có đợt đang mở: 409 CAMPAIGN_NOT_CLOSED.',
      request: { params: YearUnit, query: DryRun, body: spreadsheetBody },
      responses: answers('kết quả đảng viên'),
    }),
    async (c) => {
      const { unitId, year } = c.req.valid('param');
      const { refused, answer } = await importPastMembers(deps, c.get('caller'), unitId, year, streamedBody(c), c.req.valid('query').dryRun !== 'false');
      return c.json(answer, (refused ? httpStatus[kindOf('UPLOAD_HAS_ERRORS')] : 200) as 200 | 422);
    },
  );

  r.openapi(
    createRoute({
      method: 'post', path: '/units/{unitId}/history/{year}/unit-results', security: bearer,
      summary: 'Nhập kết quả xếp loại tổ chức đảng của một năm trước (chạy thử hoặc ghi)',
      request: { params: YearUnit, query: DryRun, body: spreadsheetBody },
      responses: { ...answers('kết quả tổ chức đảng'), ...refusedError, 422: json(PastImportAnswer, 'Có lỗi dòng (UPLOAD_HAS_ERRORS); không ghi gì') },
    }),
    async (c) => {
      const { unitId, year } = c.req.valid('param');
      const { refused, answer } = await importPastUnits(deps, c.get('caller'), unitId, year, streamedBody(c), c.req.valid('query').dryRun !== 'false');
      return c.json(answer, (refused ? httpStatus[kindOf('UPLOAD_HAS_ERRORS')] : 200) as 200 | 422);
    },
  );

  return r;
}
