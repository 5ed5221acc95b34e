import { createRoute, z } from '@hono/zod-openapi';
import { BoardConfig, ReportContent, CompletionStatus } from '@kd/domain';
import { Delivery, ReportSummary } from '@kd/data';
import { boardReports, lateUnitsNow, readReport, recipientsOf, reportXlsxFile, requestReport, setRecipients, XLSX_TYPE } from '@kd/services';
import type { AppDeps } from '../deps';
import { newRouter } from '../router';
import { bearer, commonErrors, json, refusedError, UnitIdParam } from '../openapi';
import { attachment } from '../content-disposition';

const ReportIdParam = UnitIdParam.extend({
  reportId: z.string().min(1).max(100).openapi({ param: { name: 'reportId', in: 'path' }, example: 'r-0123456789abcdef0123' }),
});

const DeliveryView = z
  .object({
    recipient: z.string(),
    subject: z.string(),
    status: Delivery.shape.status,
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    lastError: z.string().nullable(),
    sentAt: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('ReportDelivery');
const ReportSummaryView = ReportSummary.extend({}).openapi('ReportSummary');
const ReportView = ReportSummary.extend({ content: ReportContent, deliveries: z.array(DeliveryView) }).openapi('Report');
const LateUnitView = z.object({
  milestoneId: z.string(),
  title: z.string(),
  deadline: z.string(),
  unitId: z.string(),
  name: z.string(),
  groupName: z.string(),
  status: CompletionStatus,
  completedAt: z.string().nullable(),
});
const LateUnits = z
  .object({ unitId: z.string(), year: z.number().int().nullable(), asOf: z.string(), units: z.array(LateUnitView) })
  .openapi('LateUnits');
const RecipientsView = BoardConfig.extend({ unitId: z.string(), configured: z.boolean() }).openapi('ReportRecipients');

const deliveryView = (d: Delivery) => ({
  recipient: d.recipient,
  subject: d.subject,
  status: d.status,
  attempts: d.attempts,
  maxAttempts: d.maxAttempts,
  lastError: d.lastError,
  sentAt: d.sentAt,
  updatedAt: d.updatedAt,
});

/** API routes of deadline reports: history, one report and its .xlsx, late units, report now, recipients. */
export function reportRoutes(deps: AppDeps) {
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/units/{unitId}/reports',
      summary: 'Lịch sử báo cáo tiến độ gửi Ban Tổ chức của đơn vị',
      security: bearer,
      request: { params: UnitIdParam },
      responses: { 200: json(z.object({ reports: z.array(ReportSummaryView) }), 'Báo cáo, mới nhất trước'), ...commonErrors },
    }),
    async (c) => {
      const { reports } = await boardReports(deps, c.get('caller'), c.req.valid('param').unitId);
      return c.json({ reports }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/units/{unitId}/reports',
      summary: 'Lập báo cáo tiến độ ngay (lưu và gửi cho người nhận của Ban Tổ chức)',
      security: bearer,
      request: { params: UnitIdParam, query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().openapi({ description: 'Năm của đợt kiểm điểm (mặc định: đợt đang mở mới nhất)' }) }) },
      responses: { 201: json(ReportView, 'Báo cáo vừa lập'), ...commonErrors, ...refusedError },
    }),
    async (c) => {
      const { report, deliveries } = await requestReport(deps, c.get('caller'), c.req.valid('param').unitId, c.req.valid('query').year);
      const { boardPath: _p, ...rest } = report;
      return c.json({ ...rest, deliveries: deliveries.map(deliveryView) }, 201);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/units/{unitId}/reports/{reportId}',
      summary: 'Một báo cáo tiến độ, kèm tình trạng gửi thư cho từng người nhận',
      security: bearer,
      request: { params: ReportIdParam },
      responses: { 200: json(ReportView, 'Báo cáo'), ...commonErrors },
    }),
    async (c) => {
      const { unitId, reportId } = c.req.valid('param');
      const { report, deliveries } = await readReport(deps, c.get('caller'), unitId, reportId);
      const { boardPath: _p, ...rest } = report;
      return c.json({ ...rest, deliveries: deliveries.map(deliveryView) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/units/{unitId}/reports/{reportId}/xlsx',
      summary: 'Tải báo cáo tiến độ (.xlsx)',
      security: bearer,
      request: { params: ReportIdParam },
      responses: {
        200: { content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } }, description: 'Tệp .xlsx' },
        ...commonErrors,
      },
    }),
    async (c) => {
      const { unitId, reportId } = c.req.valid('param');
      const file = await reportXlsxFile(deps, c.get('caller'), unitId, reportId);
      return c.body(new Uint8Array(file.bytes), 200, { 'content-type': XLSX_TYPE, 'content-disposition': attachment(file.fileName) });
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/units/{unitId}/late-units',
      summary: 'Các đơn vị trễ hạn hoặc quá hạn chưa thực hiện, tính đến lúc này',
      security: bearer,
      request: { params: UnitIdParam, query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().openapi({ description: 'Năm của đợt kiểm điểm (mặc định: đợt đang mở mới nhất)' }) }) },
      responses: { 200: json(LateUnits, 'Đơn vị trễ hạn, theo từng mốc'), ...commonErrors },
    }),
    async (c) => {
      const { unit, year, asOf, units } = await lateUnitsNow(deps, c.get('caller'), c.req.valid('param').unitId, c.req.valid('query').year);
      return c.json({ unitId: unit.id, year, asOf, units }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/units/{unitId}/report-recipients',
      summary: 'Người nhận báo cáo của Ban Tổ chức và số ngày nhắc trước hạn',
      security: bearer,
      request: { params: UnitIdParam },
      responses: { 200: json(RecipientsView, 'Cấu hình'), ...commonErrors },
    }),
    async (c) => {
      return c.json(await recipientsOf(deps, c.get('caller'), c.req.valid('param').unitId), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'put',
      path: '/units/{unitId}/report-recipients',
      summary: 'Đặt người nhận báo cáo và số ngày nhắc trước hạn',
      security: bearer,
      request: { params: UnitIdParam, body: { content: { 'application/json': { schema: BoardConfig.extend({}).openapi('ReportRecipientsInput') } }, required: true } },
      responses: { 200: json(RecipientsView, 'Cấu hình đã lưu'), ...commonErrors },
    }),
    async (c) => {
      return c.json(await setRecipients(deps, c.get('caller'), c.req.valid('param').unitId, c.req.valid('json')), 200);
    },
  );

  return r;
}
