import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { getBoardConfig, listOutbox, listReports } from '@kd/data/report-repository';
import { lateUnits } from '@kd/domain/report/report-content';
import { reportFileName } from '@kd/domain/report/email';
import { DomainError } from '@kd/domain/errors/index';
import { writeReportXlsx } from '@kd/files/report-xlsx';
import { liveReport, reportNow } from '@kd/jobs/reports/report-job';
import { readOutbox } from '@kd/jobs/reports/outbox-mailer';
import type { AppDeps } from '../deps';
import type { AppEnv } from '../env';
import { pageHandler, type PageHandler } from './page-handler';
import { unitInScope } from '@kd/services/access/scope';
import { roleMay } from '@kd/domain/access/index';
import { reportInScope, reportJobDeps, XLSX_TYPE } from '../routes/reports';
import { LateUnitsPage, OutboxPage, ReportHistoryPage, ReportPage } from './report-views';

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
      const unit = await unitInScope(deps.store, caller, param(c, 'unitId'), 'unit.read');
      const [reports, config] = await Promise.all([listReports(deps.store, caller.tenant, unit.id), getBoardConfig(deps.store, caller.tenant, unit.id)]);
      return c.html(
        <ReportHistoryPage caller={caller} unit={unit} reports={reports} recipients={config?.emails ?? []} mayRequest={roleMay(caller.role, 'report.request')} local={local} />,
      );
    }),
  );

  r.post(
    '/units/:unitId/reports',
    page(async (c, caller) => {
      const unit = await unitInScope(deps.store, caller, param(c, 'unitId'), 'report.request');
      const { reportId } = await reportNow(reportJobDeps(deps), caller.tenant, unit, randomUUID());
      return c.redirect(`/units/${encodeURIComponent(unit.id)}/reports/${encodeURIComponent(reportId)}`, 303);
    }),
  );

  r.get(
    '/units/:unitId/reports/:reportId',
    page(async (c, caller) => {
      const { board, report, deliveries } = await reportInScope(deps.store, caller, param(c, 'unitId'), param(c, 'reportId'));
      return c.html(<ReportPage caller={caller} unit={board} reportId={report.reportId} content={report.content} deliveries={deliveries} local={local} />);
    }),
  );

  r.get(
    '/units/:unitId/reports/:reportId/xlsx',
    page(async (c, caller) => {
      const { report } = await reportInScope(deps.store, caller, param(c, 'unitId'), param(c, 'reportId'));
      const body = await writeReportXlsx(report.content);
      return c.body(new Uint8Array(body), 200, { 'content-type': XLSX_TYPE, 'content-disposition': `attachment; filename="${reportFileName(report.content)}"` });
    }),
  );

  r.get(
    '/units/:unitId/late-units',
    page(async (c, caller) => {
      const unit = await unitInScope(deps.store, caller, param(c, 'unitId'), 'unit.read');
      const now = deps.clock();
      const content = await liveReport(reportJobDeps(deps), caller.tenant, unit, now);
      return c.html(<LateUnitsPage caller={caller} unit={unit} year={content?.year ?? null} asOf={now.toISOString()} units={content ? lateUnits(content) : []} local={local} />);
    }),
  );

  r.get(
    '/units/:unitId/outbox',
    page(async (c, caller) => {
      const unit = await unitInScope(deps.store, caller, param(c, 'unitId'), 'unit.read');
      if (!local) throw new DomainError('OUTBOX_LOCAL_ONLY', 'Hộp thư đi chỉ có khi chạy trên máy.');
      const deliveries = (await listOutbox(deps.store, caller.tenant)).filter((d) => d.scopePath.includes(unit.id));
      const files = new Set(deps.reports?.outboxDir ? (await readOutbox(deps.reports.outboxDir)).map((f) => f.file) : []);
      return c.html(<OutboxPage caller={caller} unit={unit} deliveries={deliveries} files={files} />);
    }),
  );

  return r;
}
