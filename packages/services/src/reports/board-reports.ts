import { randomUUID } from 'node:crypto';
import { roleMay, DomainError, DEFAULT_REMINDER_DAYS, reportFileName, lateUnits, type Caller, type BoardConfig } from '@kd/domain';
import { DEFAULT_SENDER } from '@kd/config';
import { filesModule } from '../files-module';
import { getBoardConfig, listDeliveries, listOutbox, listReports, putBoardConfig, reportPk, requireReport } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';
import { actorOf } from '../actor';
import { reportableCampaigns, storedCampaigns } from './campaign-source';
import { storedCompletions } from './completion-source';
import { liveReport, reportNow, type ReportJobDeps } from './report-job';

/** The deadline-report job's deps as the web app has them (without a mailer the report is kept and sent at the next run). */
export function reportJobDeps(deps: ServiceDeps): Omit<ReportJobDeps, 'mailer'> & { mailer?: ReportJobDeps['mailer'] } {
  return {
    store: deps.store,
    ...(deps.reports ? { mailer: deps.reports.mailer } : {}),
    from: deps.reports?.from ?? DEFAULT_SENDER,
    appUrl: deps.reports?.appUrl ?? '',
    now: deps.clock,
    campaigns: storedCampaigns(deps.store),
    completions: storedCompletions(deps.store),
  };
}

/**
 * A board's report history (the `limit` newest: the API's list keeps its 50, the page reads about
 * three years of daily reports and pages them), with its recipients and whether the caller may ask
 * for a report now.
 */
export async function boardReports(deps: ServiceDeps, caller: Caller, unitId: string, options: { limit?: number } = {}) {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const [reports, config] = await Promise.all([listReports(deps.store, caller.tenant, unit.id, options.limit), getBoardConfig(deps.store, caller.tenant, unit.id)]);
  return { unit, reports, recipients: config?.emails ?? [], mayRequest: roleMay(caller.role, 'report.request') };
}

/** The report `reportId` of board `unitId`, in the caller's scope (scope first: it decides 403/404), with its deliveries. */
export async function readReport(deps: ServiceDeps, caller: Caller, unitId: string, reportId: string) {
  const board = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const report = await requireReport(deps.store, caller.tenant, reportId).catch(() => undefined);
  if (!report || report.boardId !== board.id) throw new DomainError('REPORT_NOT_FOUND', 'Không tìm thấy báo cáo.');
  return { board, report, deliveries: await listDeliveries(deps.store, reportPk(caller.tenant, reportId)) };
}

/** "Lập báo cáo ngay": the board's report as of now, kept and sent like a scheduled one. */
export async function requestReport(deps: ServiceDeps, caller: Caller, unitId: string, year?: number | null) {
  const board = await unitInScope(deps.store, caller, unitId, 'report.request');
  const { reportId } = await reportNow(reportJobDeps(deps), caller.tenant, board, randomUUID(), year);
  return readReport(deps, caller, board.id, reportId);
}

/** A report as the `.xlsx` attached to its e-mail. */
export async function reportXlsxFile(deps: ServiceDeps, caller: Caller, unitId: string, reportId: string): Promise<{ bytes: Buffer; fileName: string }> {
  const { report } = await readReport(deps, caller, unitId, reportId);
  return { bytes: await (await filesModule()).writeReportXlsx(report.content), fileName: reportFileName(report.content) };
}

/** The units late or overdue on an open campaign's milestones (the year asked for, or the current one), as of the deps' clock. */
export async function lateUnitsNow(deps: ServiceDeps, caller: Caller, unitId: string, year?: number | null) {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const now = deps.clock();
  const jobDeps = reportJobDeps(deps);
  const [content, open] = await Promise.all([liveReport(jobDeps, caller.tenant, unit, now, year), reportableCampaigns(jobDeps.campaigns, caller.tenant)]);
  return { unit, year: content?.year ?? null, years: open.map((c) => c.year), asOf: now.toISOString(), units: content ? lateUnits(content) : [] };
}

/** Who receives a board's reports and how many days before a milestone they are reminded. */
export async function recipientsOf(deps: ServiceDeps, caller: Caller, unitId: string) {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const config = await getBoardConfig(deps.store, caller.tenant, unit.id);
  return config
    ? { unitId: unit.id, configured: true, emails: config.emails, reminderDaysBefore: config.reminderDaysBefore, receivesReports: config.receivesReports }
    : { unitId: unit.id, configured: false, emails: [] as string[], reminderDaysBefore: [...DEFAULT_REMINDER_DAYS], receivesReports: false };
}

export async function setRecipients(deps: ServiceDeps, caller: Caller, unitId: string, config: BoardConfig) {
  const unit = await unitInScope(deps.store, caller, unitId, 'report.request');
  const saved = await putBoardConfig(deps.store, caller.tenant, unit.id, config, { actor: actorOf(caller), at: deps.clock().toISOString() });
  return { unitId: unit.id, configured: true, emails: saved.emails, reminderDaysBefore: saved.reminderDaysBefore, receivesReports: saved.receivesReports };
}

/** The messages to the board's subtree (of the tenant's `limit` newest), and which of them have a file in the local outbox folder (none in AWS). */
export async function outboxOf(deps: ServiceDeps, caller: Caller, unitId: string, options: { limit?: number } = {}) {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const deliveries = (await listOutbox(deps.store, caller.tenant, options.limit)).filter((d) => d.scopePath.includes(unit.id));
  return { unit, deliveries, files: new Set(deps.reports?.outboxFiles ? await deps.reports.outboxFiles() : []) };
}
