import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deadlineText, kindOf } from '@kd/domain';
import { XLSX_CONTENT_TYPE } from '@kd/domain';
import { copyWorkplacesForward, massesOverview, openReview, readWorkplace, saveWorkplace, sendMassesReport, uploadWorkplaces, sessionView } from '@kd/services';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { httpStatus } from '../http-status';
import { newRouter } from '../router';
import { bearer, commonErrors, conflictError, json, refusedError, tooLargeError, unsupportedTypeError } from '../openapi';
import { YearParam } from './campaign-schemas';
import { IssuerQuery, MassesReportView, MassesReviewView, MassesView, OpenReviewBody, WorkplaceBodySchema, WorkplaceUploadAnswer, WorkplaceView, YearUnit } from './masses-schemas';

export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const notEnabled = 'Tỉnh không áp dụng quy định tự phê bình trước quần chúng: mọi địa chỉ của phần này trả 404 (MASSES_NOT_ENABLED).';

/** The year's masses review, a unit's workplace and its overview (docs/api.md, "Self-criticism before the masses"). */
export function massesRoutes(deps: AppDeps) {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'post',
      path: '/campaigns/{year}/masses',
      summary: 'Mở đợt tự phê bình và phê bình trước quần chúng của năm (Tỉnh ủy hoặc Đảng ủy Khối)',
      description: notEnabled,
      security: bearer,
      request: { params: YearParam, query: IssuerQuery, ...jsonBody(OpenReviewBody) },
      responses: { 201: json(MassesReviewView, 'Đợt đã mở'), ...commonErrors, ...conflictError, ...refusedError },
    }),
    async (c) => {
      const review = await openReview(deps, c.get('caller'), c.req.valid('param').year, c.req.valid('json'), c.req.valid('query').unitId);
      return c.json({ ...review, milestones: review.milestones.map((m) => ({ ...m, deadline: deadlineText(m) })) }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{year}/units/{unitId}/masses',
      summary: 'Số quần chúng được tính, có phải tổ chức buổi tự phê bình không, các buổi của đơn vị',
      description: notEnabled,
      security: bearer,
      request: { params: YearUnit },
      responses: { 200: json(MassesView, 'Tự phê bình trước quần chúng của đơn vị'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      const o = await massesOverview(deps, c.get('caller'), year, unitId);
      return c.json({ unitId: o.unit.id, year, countedMasses: o.workplace.countedMasses, sessionRequired: o.workplace.sessionRequired, workplace: o.workplace, sessions: o.sessions.map(sessionView) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/campaigns/{year}/units/{unitId}/workplace',
      summary: 'Cơ quan, đơn vị, doanh nghiệp nơi đảng viên của đơn vị công tác (của đơn vị, hoặc dùng chung của cấp trên)',
      security: bearer,
      request: { params: YearUnit },
      responses: { 200: json(WorkplaceView, 'Nơi làm việc'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      return c.json(await readWorkplace(deps, c.get('caller'), year, unitId), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/campaigns/{year}/units/{unitId}/workplace',
      summary: 'Khai báo nơi làm việc và số quần chúng theo loại hợp đồng (R-MASS-02/03)',
      description: 'Số quần chúng được tính = biên chế + hợp đồng dài hạn; từ 5 trở lên phải tổ chức tự phê bình trước quần chúng.',
      security: bearer,
      request: { params: YearUnit, ...jsonBody(WorkplaceBodySchema) },
      responses: { 200: json(WorkplaceView, 'Đã ghi'), ...commonErrors, ...refusedError },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      return c.json(await saveWorkplace(deps, c.get('caller'), year, unitId, c.req.valid('json')), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/campaigns/{year}/units/{unitId}/workplaces/copy-forward',
      summary: 'Chép nơi làm việc năm trước sang năm nay cho các đơn vị chưa khai báo',
      security: bearer,
      request: { params: YearUnit },
      responses: { 200: json(z.object({ copied: z.number().int() }).openapi('WorkplacesCopied'), 'Số nơi làm việc đã chép'), ...commonErrors },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      return c.json(await copyWorkplacesForward(deps, c.get('caller'), year, unitId), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/campaigns/{year}/units/{unitId}/workplaces',
      summary: 'Tải lên nơi làm việc của cả đảng bộ cơ sở từ tệp Excel (.xlsx) hoặc .csv',
      description: 'Cột: Mã đơn vị, Tên đơn vị, Tên cơ quan, đơn vị, doanh nghiệp, Biên chế, Hợp đồng dài hạn, Hợp đồng ngắn hạn, Công nhân theo dây chuyền sản xuất.',
      security: bearer,
      request: {
        params: YearUnit,
        query: z.object({ dryRun: z.enum(['true', 'false']).default('true') }),
        body: { content: { [XLSX_CONTENT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) }, 'text/csv': { schema: z.string().openapi({ format: 'binary' }) } }, required: true },
      },
      responses: { 200: json(WorkplaceUploadAnswer, 'Kết quả kiểm tra, ghi'), 422: json(WorkplaceUploadAnswer, 'Có lỗi ở từng dòng: chưa ghi gì'), ...commonErrors, ...tooLargeError, ...unsupportedTypeError },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      const { refused, answer } = await uploadWorkplaces(deps, c.get('caller'), year, unitId, bodyOf(c), c.req.valid('query').dryRun !== 'false');
      return c.json(answer, (refused ? httpStatus[kindOf('UPLOAD_HAS_ERRORS')] : 200) as 200 | 422);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/campaigns/{year}/units/{unitId}/masses-report',
      summary: 'Cấp ủy cơ sở (hoặc Đảng ủy Khối) gửi báo cáo kết quả tự phê bình trước quần chúng lên cấp trên',
      description: 'Ghi nhận mốc "cấp ủy cơ sở báo cáo" (hạn 20/11) hoặc "Ban Tổ chức Đảng ủy Khối báo cáo về trên" (hạn 30/11); báo cáo tiến độ theo dõi mốc này.',
      security: bearer,
      request: { params: YearUnit },
      responses: { 200: json(MassesReportView, 'Đã ghi nhận'), ...commonErrors, ...refusedError },
    }),
    async (c) => {
      const { year, unitId } = c.req.valid('param');
      const e = await sendMassesReport(deps, c.get('caller'), year, unitId);
      return c.json({ event: e.event, unitId: e.unitId, year: e.year, at: e.at }, 200);
    },
  );

  return r;
}

/** The request body as a Node stream: `readTable` stops at the size limit. */
function bodyOf(c: Context<AppEnv>) {
  const body = c.req.raw.body;
  return { stream: body ? Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>) : null, contentType: c.req.header('content-type') };
}
