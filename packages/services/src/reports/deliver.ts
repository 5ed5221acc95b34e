import { createHash } from 'node:crypto';
import { claimAttempt, getReminder, getReport, listDeliveries, markFailed, markSent, type Store, type Delivery } from '@kd/data';
import { reportEmail, reportFileName } from '@kd/domain';
import { filesModule, XLSX_TYPE } from '../files-module';
import type { MailMessage, Mailer } from './mailer';

/** What sending needs: the transport and where links point. */
export interface DeliveryDeps {
  store: Store;
  mailer: Mailer;
  from: string;
  appUrl: string;
  now: () => Date;
  /** Tries within one run before a failure is left for the next run (default 3). */
  immediateAttempts?: number;
  /** Waits between those tries (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
  log?: (message: string, details?: Record<string, unknown>) => void;
}

export const reportLink = (appUrl: string, boardId: string, reportId: string) =>
  `${appUrl.replace(/\/$/, '')}/units/${encodeURIComponent(boardId)}/reports/${encodeURIComponent(reportId)}`;

/** The links a report's e-mail carries: the kept report and the late-units page of its year. */
export const reportLinks = (appUrl: string, boardId: string, reportId: string, year: number) => ({
  report: reportLink(appUrl, boardId, reportId),
  lateUnits: `${appUrl.replace(/\/$/, '')}/units/${encodeURIComponent(boardId)}/late-units?year=${year}`,
});

/** The message of a delivery, rebuilt from what was kept: the same content and attachment every try. */
async function messageOf(deps: DeliveryDeps, d: Delivery): Promise<Omit<MailMessage, 'to'> | undefined> {
  const messageId = `<${d.messageId}.${createHash('sha256').update(d.recipient).digest('hex').slice(0, 12)}@kiem-diem>`;
  if (d.messageKind === 'report') {
    const report = await getReport(deps.store, d.tenant, d.messageId);
    if (!report) return undefined;
    const email = reportEmail(report.content, reportLinks(deps.appUrl, report.boardId, report.reportId, report.content.year));
    const { writeReportXlsx } = await filesModule();
    const xlsx = await writeReportXlsx(report.content);
    return { from: deps.from, ...email, messageId, attachments: [{ filename: reportFileName(report.content), content: xlsx, contentType: XLSX_TYPE }] };
  }
  const reminder = await getReminder(deps.store, d.tenant, d.messageId);
  return reminder ? { from: deps.from, ...reminder.email, messageId } : undefined;
}

/**
 * Sends one delivery, trying up to `immediateAttempts` times in this run. Each try is claimed
 * first (conditional on the attempt count), so two runs never send the same try; a failure is
 * recorded as `failed` with its error and stays open for later runs until no attempt is left.
 */
export async function deliver(deps: DeliveryDeps, delivery: Delivery): Promise<Delivery['status'] | 'skipped'> {
  const tries = deps.immediateAttempts ?? 3;
  const sleep = deps.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  let current = delivery;
  let message: Omit<MailMessage, 'to'> | undefined;
  for (let i = 0; i < tries; i++) {
    const claimed = await claimAttempt(deps.store, current, deps.now());
    if (!claimed) return 'skipped';
    try {
      message ??= await messageOf(deps, claimed);
      if (!message) throw new Error('Không còn nội dung thư (báo cáo hoặc lời nhắc đã bị xóa).');
      const transportId = await deps.mailer.send({ ...message, to: [claimed.recipient] });
      await markSent(deps.store, claimed, transportId, deps.now().toISOString());
      return 'sent';
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      deps.log?.('send failed', { recipient: claimed.recipient, messageId: claimed.messageId, attempt: claimed.attempts, error: text });
      await markFailed(deps.store, claimed, text, deps.now().toISOString());
      current = { ...claimed, status: 'failed' };
      if (claimed.attempts >= claimed.maxAttempts) return 'failed';
      if (i < tries - 1) await sleep(200 * 2 ** i);
    }
  }
  return 'failed';
}

/** Sends every open delivery of one message (a report or a reminder). */
export async function deliverMessage(deps: DeliveryDeps, messagePk: string): Promise<void> {
  const deliveries = await listDeliveries(deps.store, messagePk);
  for (const d of deliveries) if (d.status !== 'sent') await deliver(deps, d);
}
