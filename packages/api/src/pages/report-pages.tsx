import { Hono, type Context } from 'hono';
import { DomainError } from '@kd/domain';
import { boardReports, lateUnitsView, outboxOf, readReport, reportXlsxFile, requestReport, XLSX_TYPE } from '@kd/services';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { pageHandler, type PageHandler } from './page-handler';
import { LateUnitsPage, OutboxPage, ReportHistoryPage, ReportPage } from './report-views';
import { attachment } from '../content-disposition';

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
      const { unit, reports, recipients, mayRequest } = await boardReports(deps, caller, param(c, 'unitId'));
      return c.html(<ReportHistoryPage caller={caller} unit={unit} reports={reports} recipients={recipients} mayRequest={mayRequest} local={local} />);
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
      const { unit, deliveries, files } = await outboxOf(deps, caller, param(c, 'unitId'));
      if (!local) throw new DomainError('OUTBOX_LOCAL_ONLY', 'Hộp thư đi chỉ có khi chạy trên máy.');
      return c.html(<OutboxPage caller={caller} unit={unit} deliveries={deliveries} files={files} />);
    }),
  );

  return r;
}
