import { Hono, type Context } from 'hono';
import { DomainError, LIST_PAGE_SIZE, matchesTyped, pageOf, tickKinds } from '@kd/domain';
import { deliveryStatuses } from '@kd/data';
import { boardReports, lateUnitsView, outboxOf, readReport, reportXlsxFile, requestReport, XLSX_TYPE } from '@kd/services';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { pageHandler, type PageHandler } from './page-handler';
import { LateUnitsPage, OutboxPage, ReportHistoryPage, ReportPage } from './report-views';
import { attachment } from '../content-disposition';
import { askedPage } from './list-view';

/** Reports the history page reads: about three years of daily reports, paged (the API lists the 50 newest). */
const REPORT_HISTORY_LIMIT = 1200;
/** Messages the local outbox page reads, newest first. */
const OUTBOX_LIMIT = 2000;

const param = (c: Context<AppEnv>, name: string) => c.req.param(name) ?? '';

/**
 * Server-rendered pages of deadline reports: history with "Lập báo cáo ngay", one report with its
 * deliveries, the late units with links to each unit, and locally the outbox. Each page resolves
 * the caller itself and checks the scope before anything else.
 */
export function reportPages(deps: AppDeps) {
  const r = new Hono<AppEnv>();
  const local = Boolean(deps.local);

  const page = (handler: PageHandler) => pageHandler(deps, handler);


  r.get(
    '/units/:unitId/reports',
    page(async (c, caller) => {
      const { unit, reports, recipients, mayRequest } = await boardReports(deps, caller, param(c, 'unitId'), { limit: REPORT_HISTORY_LIMIT });
      // A report a day for months: by campaign year and by kind, a page at a time.
      const year = Number(c.req.query('year'));
      const trigger = tickKinds.find((k) => k === c.req.query('trigger'));
      const filter = { year: Number.isInteger(year) && year > 0 ? year : undefined, trigger };
      const shown = pageOf(reports.filter((r) => (!filter.year || r.year === filter.year) && (!filter.trigger || r.trigger === filter.trigger)), askedPage(c.req.query('page')), LIST_PAGE_SIZE);
      const years = [...new Set(reports.map((r) => r.year))].sort((a, b) => b - a);
      return c.html(<ReportHistoryPage caller={caller} unit={unit} shown={shown} all={reports.length} years={years} filter={filter} recipients={recipients} mayRequest={mayRequest} local={local} />);
    }),
  );

  r.post(
    '/units/:unitId/reports',
    page(async (c, caller) => {
      const form = await c.req.parseBody();
      const asked = Number(form.year);
      const { board, report } = await requestReport(deps, caller, param(c, 'unitId'), Number.isInteger(asked) && asked > 0 ? asked : null);
      return c.redirect(`/units/${encodeURIComponent(board.id)}/reports/${encodeURIComponent(report.reportId)}`, 303);
    }),
  );

  r.get(
    '/units/:unitId/reports/:reportId',
    page(async (c, caller) => {
      const { board, report, deliveries } = await readReport(deps, caller, param(c, 'unitId'), param(c, 'reportId'));
      return c.html(<ReportPage caller={caller} unit={board} reportId={report.reportId} content={report.content} deliveries={deliveries} local={local} />);
    }),
  );

  r.get(
    '/units/:unitId/reports/:reportId/xlsx',
    page(async (c, caller) => {
      const file = await reportXlsxFile(deps, caller, param(c, 'unitId'), param(c, 'reportId'));
      return c.body(new Uint8Array(file.bytes), 200, { 'content-type': XLSX_TYPE, 'content-disposition': attachment(file.fileName) });
    }),
  );

  r.get(
    '/units/:unitId/late-units',
    page(async (c, caller) => {
      const asked = Number(c.req.query('year'));
      const q = c.req.query();
      const status = q.status === 'late' || q.status === 'missing' ? q.status : undefined;
      const page = Number(q.page ?? 1);
      const view = await lateUnitsView(deps, caller, param(c, 'unitId'), Number.isInteger(asked) && asked > 0 ? asked : null, {
        ...(q.milestone ? { milestone: q.milestone.slice(0, 100) } : {}),
        ...(status ? { status } : {}),
        ...(q.q ? { q: q.q.slice(0, 100) } : {}),
        page: Number.isInteger(page) && page > 0 ? page : 1,
      });
      return c.html(<LateUnitsPage caller={caller} view={view} local={local} />);
    }),
  );

  r.get(
    '/units/:unitId/outbox',
    page(async (c, caller) => {
      const { unit, deliveries, files } = await outboxOf(deps, caller, param(c, 'unitId'), { limit: OUTBOX_LIMIT });
      if (!local) throw new DomainError('OUTBOX_LOCAL_ONLY', 'Hộp thư đi chỉ có khi chạy trên máy.');
      const q = c.req.query('q')?.slice(0, 100);
      const status = deliveryStatuses.find((s) => s === c.req.query('status'));
      const shown = pageOf(deliveries.filter((d) => (!status || d.status === status) && matchesTyped(q, d.subject, d.recipient)), askedPage(c.req.query('page')), LIST_PAGE_SIZE);
      return c.html(<OutboxPage caller={caller} unit={unit} shown={shown} all={deliveries.length} filter={{ q, status }} files={files} />);
    }),
  );

  return r;
}
