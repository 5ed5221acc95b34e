import { randomUUID } from 'node:crypto';
import { DEFAULT_SENDER } from '@kd/config/sender';
import { createRoute, z } from '@hono/zod-openapi';
import { BoardConfig } from '@kd/domain/report/board-config';
import { ReportContent, lateUnits } from '@kd/domain/report/report-content';
import { reportFileName } from '@kd/domain/report/email';
import { CompletionStatus } from '@kd/domain/report/completion';
import { DomainError } from '@kd/domain/errors/index';
import { Delivery, ReportSummary, getBoardConfig, listDeliveries, listReports, putBoardConfig, reportPk, requireReport } from '@kd/data/report-repository';
import { DEFAULT_REMINDER_DAYS } from '@kd/domain/report/board-config';
import { writeReportXlsx } from '@kd/files/report-xlsx';
import { storedCampaigns } from '@kd/jobs/reports/campaign-source';
import { storedCompletions } from '@kd/jobs/reports/completion-source';
import { liveReport, reportNow } from '@kd/jobs/reports/report-job';
import type { Store } from '@kd/data/client';
import type { Caller } from '@kd/domain/access/index';
import type { AppDeps } from '../deps';
import { newRouter } from '../router';
import { unitInScope } from '@kd/services/access/scope';
import { actorOf } from '@kd/services/actor';
import { bearer, commonErrors, json, refusedError, UnitIdParam } from '../openapi';

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

/** The report `reportId` of board `unitId`, in the caller's scope (scope first: it decides 403/404). */
export async function reportInScope(store: Store, caller: Caller, unitId: string, reportId: string) {
  const board = await unitInScope(store, caller, unitId, 'unit.read');
  const report = await requireReport(store, caller.tenant, reportId).catch(() => undefined);
  if (!report || report.boardId !== board.id) throw new DomainError('REPORT_NOT_FOUND', 'Không tìm thấy báo cáo.');
  return { board, report, deliveries: await listDeliveries(store, reportPk(caller.tenant, reportId)) };
}

export function reportJobDeps(deps: AppDeps) {
  return {
    store: deps.store,
    mailer: deps.reports?.mailer,
    from: deps.reports?.from ?? DEFAULT_SENDER,
    appUrl: deps.reports?.appUrl ?? '',
    now: deps.clock,
    campaigns: storedCampaigns(deps.store),
    completions: storedCompletions(deps.store),
  };
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
      const caller = c.get('caller');
      const unit = await unitInScope(deps.store, caller, c.req.valid('param').unitId, 'unit.read');
      return c.json({ reports: await listReports(deps.store, caller.tenant, unit.id) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'post',
      path: '/units/{unitId}/reports',
      summary: 'Lập báo cáo tiến độ ngay (lưu và gửi cho người nhận của Ban Tổ chức)',
      security: bearer,
      request: { params: UnitIdParam },
      responses: { 201: json(ReportView, 'Báo cáo vừa lập'), ...commonErrors, ...refusedError },
    }),
    async (c) => {
      const caller = c.get('caller');
      const board = await unitInScope(deps.store, caller, c.req.valid('param').unitId, 'report.request');
      const { reportId } = await reportNow(reportJobDeps(deps), caller.tenant, board, randomUUID());
      const { report, deliveries } = await reportInScope(deps.store, caller, board.id, reportId);
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
      const { report, deliveries } = await reportInScope(deps.store, c.get('caller'), unitId, reportId);
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
      const { report } = await reportInScope(deps.store, c.get('caller'), unitId, reportId);
      const body = await writeReportXlsx(report.content);
      return c.body(new Uint8Array(body), 200, {
        'content-type': XLSX_TYPE,
        'content-disposition': `attachment; filename="${reportFileName(report.content)}"`,
      });
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/units/{unitId}/late-units',
      summary: 'Các đơn vị trễ hạn hoặc quá hạn chưa thực hiện, tính đến lúc này',
      security: bearer,
      request: { params: UnitIdParam },
      responses: { 200: json(LateUnits, 'Đơn vị trễ hạn, theo từng mốc'), ...commonErrors },
    }),
    async (c) => {
      const caller = c.get('caller');
      const unit = await unitInScope(deps.store, caller, c.req.valid('param').unitId, 'unit.read');
      const now = deps.clock();
      const content = await liveReport(reportJobDeps(deps), caller.tenant, unit, now);
      return c.json({ unitId: unit.id, year: content?.year ?? null, asOf: now.toISOString(), units: content ? lateUnits(content) : [] }, 200);
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
      const caller = c.get('caller');
      const unit = await unitInScope(deps.store, caller, c.req.valid('param').unitId, 'unit.read');
      const config = await getBoardConfig(deps.store, caller.tenant, unit.id);
      return c.json(
        config
          ? { unitId: unit.id, configured: true, emails: config.emails, reminderDaysBefore: config.reminderDaysBefore, receivesReports: config.receivesReports }
          : { unitId: unit.id, configured: false, emails: [], reminderDaysBefore: [...DEFAULT_REMINDER_DAYS], receivesReports: false },
        200,
      );
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
      const caller = c.get('caller');
      const unit = await unitInScope(deps.store, caller, c.req.valid('param').unitId, 'report.request');
      const saved = await putBoardConfig(deps.store, caller.tenant, unit.id, c.req.valid('json'), { actor: actorOf(caller), at: deps.clock().toISOString() });
      return c.json({ unitId: unit.id, configured: true, emails: saved.emails, reminderDaysBefore: saved.reminderDaysBefore, receivesReports: saved.receivesReports }, 200);
    },
  );

  return r;
}
