import { createHash } from 'node:crypto';
import { getUnit, listSubtree, claimAndKeepReminder, claimAndKeepReport, getBoardConfig, listAllBoards, listOpenDeliveries, reminderPk, reportPk, type StoredUnit, type StoredBoardConfig } from '@kd/data';
import { DomainError, buildReport, reminderEmail, reportEmail, remindersDue, dueInstants, tickId, type Campaign, type ReportContent, type Tick } from '@kd/domain';
import { reportableCampaigns, reportCampaign, type CampaignSource } from './campaign-source';
import type { CompletionSource } from './completion-source';
import { deliver, deliverMessage, reportLinks, type DeliveryDeps } from './deliver';
import { planSchedules } from '../campaigns/plan-schedule';

/** Everything the handler core needs; the AWS handler and the local scheduler build it from their edges. */
export interface ReportJobDeps extends DeliveryDeps {
  campaigns: CampaignSource;
  completions: CompletionSource;
}

export interface TickOutcome {
  tickId: string;
  reports: { tenant: string; boardId: string; reportId: string; claimed: boolean }[];
  reminders: number;
  retried: number;
}

const shortHash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 20);

/** A report's id follows from its tick, board and campaign year: the same tick twice names the same report. */
export const reportIdFor = (tickIdValue: string, tenant: string, boardId: string, year: number) => `r-${shortHash(`${tenant}|${boardId}|${tickIdValue}|${year}`)}`;

interface Built {
  board: StoredUnit;
  subtree: StoredUnit[];
  content: ReportContent;
}

async function buildFor(deps: ReportJobDeps, tenant: string, board: StoredUnit, campaign: Campaign, tick: Tick): Promise<Built> {
  const subtree = await listSubtree(deps.store, tenant, board);
  const [completions, milestonesOf] = await Promise.all([
    deps.completions.completions(tenant, campaign.year, subtree),
    planSchedules(deps.store, tenant, campaign, [...board.path, ...subtree.map((u) => u.id)], new Map(subtree.map((u) => [u.id, u.path] as const)).set(board.id, board.path)),
  ]);
  const content = buildReport({
    milestonesOf,
    tenant,
    board,
    subtree,
    campaign,
    completions,
    recordable: deps.completions.recordable,
    now: new Date(tick.at),
    tickId: tickId(tick),
    trigger: tick.kind,
  });
  return { board, subtree, content };
}

/**
 * One board, one tick: build the report, then claim the tick and keep the report with its pending
 * deliveries in one conditional transaction, and only if that succeeded, send. A duplicate of the
 * tick loses the claim and sends nothing.
 */
async function reportForBoard(deps: ReportJobDeps, tenant: string, built: Built, recipients: readonly string[], send = true) {
  const { content, board } = built;
  const reportId = reportIdFor(content.tickId, tenant, board.id, content.year);
  const email = reportEmail(content, reportLinks(deps.appUrl, board.id, reportId, content.year));
  const claimed = await claimAndKeepReport(deps.store, {
    tenant,
    reportId,
    boardPath: board.path,
    content,
    recipients,
    subject: email.subject,
    createdAt: deps.now().toISOString(),
  });
  if (claimed && send) await deliverMessage(deps, reportPk(tenant, reportId));
  return { tenant, boardId: board.id, reportId, claimed };
}

/** The configured board nearest above a unit (itself excluded), among `boards`. */
function nearestBoard(unit: Pick<StoredUnit, 'path'>, boards: ReadonlyMap<string, StoredBoardConfig>): string | undefined {
  for (let i = unit.path.length - 2; i >= 0; i--) {
    const id = unit.path[i]!;
    if (boards.get(id)?.receivesReports) return id;
  }
  return undefined;
}

async function remindFromBoard(
  deps: ReportJobDeps,
  tenant: string,
  built: Built,
  campaign: Campaign,
  tick: Tick,
  configs: ReadonlyMap<string, StoredBoardConfig>,
): Promise<number> {
  const config = configs.get(built.board.id);
  if (!config || config.reminderDaysBefore.length === 0) return 0;
  const byId = new Map(built.subtree.map((u) => [u.id, u]));
  const reminders = remindersDue(built.content.milestones, campaign.milestones, new Date(tick.at), config.reminderDaysBefore, (unitId) => {
    const unit = byId.get(unitId);
    return !unit || nearestBoard(unit, configs) !== built.board.id;
  });
  let sent = 0;
  for (const r of reminders) {
    const unit = byId.get(r.unitId)!;
    // A unit with its own address gets its reminder; otherwise its board does, to pass it on.
    const own = configs.get(r.unitId)?.emails ?? [];
    const recipients = own.length > 0 ? own : config.emails;
    if (recipients.length === 0) continue;
    const reminderId = `m-${shortHash(`${tenant}|${tickId(tick)}|${campaign.year}|${r.unitId}|${r.milestone.milestoneId}`)}`;
    const claimed = await claimAndKeepReminder(deps.store, {
      tenant,
      reminderId,
      tickId: tickId(tick),
      boardId: built.board.id,
      unitId: r.unitId,
      milestoneId: r.milestone.milestoneId,
      year: campaign.year,
      email: reminderEmail(r, campaign.year, `${deps.appUrl.replace(/\/$/, '')}/units/${encodeURIComponent(r.unitId)}`),
      scopePath: unit.path,
      recipients,
      at: deps.now().toISOString(),
    });
    if (claimed) {
      await deliverMessage(deps, reminderPk(tenant, reminderId));
      sent += 1;
    }
  }
  return sent;
}

/** Tries again what earlier runs could not send (and what a crashed run left unsent). */
export async function retryOpenDeliveries(deps: DeliveryDeps, tenants: Iterable<string>, startedAt: Date): Promise<number> {
  let tried = 0;
  for (const tenant of tenants) {
    for (const d of await listOpenDeliveries(deps.store, tenant)) {
      // What this run already tried has had its tries; it waits for the next run.
      if (d.updatedAt >= startedAt.toISOString()) continue;
      const outcome = await deliver({ ...deps, immediateAttempts: 1 }, d);
      if (outcome !== 'skipped') tried += 1;
    }
  }
  return tried;
}

/**
 * The handler core, for one tick: every board of every tenant gets its report (a `due` tick only
 * where a milestone falls due at that instant), the daily tick sends the reminders due that day,
 * and every tick retries earlier failed sends.
 */
export async function runTick(deps: ReportJobDeps, tick: Tick): Promise<TickOutcome> {
  const id = tickId(tick);
  const at = new Date(tick.at);
  const startedAt = deps.now();
  const boards = await listAllBoards(deps.store);
  const byTenant = new Map<string, Map<string, StoredBoardConfig>>();
  for (const b of boards) byTenant.set(b.tenant, (byTenant.get(b.tenant) ?? new Map()).set(b.unitId, b));
  const outcome: TickOutcome = { tickId: id, reports: [], reminders: 0, retried: 0 };
  const failures: unknown[] = [];

  for (const [tenant, configs] of byTenant) {
   for (const campaign of await reportableCampaigns(deps.campaigns, tenant)) {
    if (tick.kind === 'due' && !dueInstants(campaign.milestones).some((d) => d.getTime() === at.getTime())) continue;
    for (const config of configs.values()) {
      if (!config.receivesReports) continue;
      const board = await getUnit(deps.store, tenant, config.unitId);
      if (!board || board.closedOn) continue;
      try {
        const built = await buildFor(deps, tenant, board, campaign, tick);
        outcome.reports.push(await reportForBoard(deps, tenant, built, config.emails));
        if (tick.kind === 'daily') outcome.reminders += await remindFromBoard(deps, tenant, built, campaign, tick, configs);
      } catch (error) {
        // One board's failure must not cost the others their report. The run still fails at the
        // end, so the scheduler retries the tick (same id): only what was not claimed is redone.
        deps.log?.('board report failed', { tenant, boardId: config.unitId, tickId: id, error: error instanceof Error ? error.stack : String(error) });
        failures.push(error);
      }
    }
   }
  }
  outcome.retried = await retryOpenDeliveries(deps, byTenant.keys(), startedAt);
  if (failures.length > 0) throw new AggregateError(failures, `${failures.length} board report(s) failed for ${id}`);
  return outcome;
}

/**
 * "Lập báo cáo ngay": a report of one board at `now` for an open campaign (the year asked for, or
 * the current one), kept and sent to its recipients like a scheduled one. 422 NO_ACTIVE_CAMPAIGN
 * when there is no such campaign with milestones.
 */
export async function reportNow(
  deps: Omit<ReportJobDeps, 'mailer'> & { mailer?: ReportJobDeps['mailer'] },
  tenant: string,
  board: StoredUnit,
  requestId: string,
  year?: number | null,
): Promise<{ reportId: string; content: ReportContent }> {
  const now = deps.now();
  const campaign = await reportCampaign(deps.campaigns, tenant, year);
  if (!campaign) throw new DomainError('NO_ACTIVE_CAMPAIGN', year ? `Đợt kiểm điểm năm ${year} không mở hoặc chưa có mốc thời gian để lập báo cáo.` : 'Chưa có đợt kiểm điểm đang mở có mốc thời gian để lập báo cáo.');
  const tick: Tick = { kind: 'manual', at: now.toISOString(), requestId };
  const full = deps as ReportJobDeps;
  const built = await buildFor(full, tenant, board, campaign, tick);
  const config = await getBoardConfig(deps.store, tenant, board.id);
  // Without a mail transport (the API in AWS) the deliveries stay pending for the next scheduled run.
  const { reportId } = await reportForBoard(full, tenant, built, config?.emails ?? [], Boolean(deps.mailer));
  return { reportId, content: built.content };
}

/** The report of a unit at `now` for an open campaign (the year asked for, or the current one), not kept: the live list of late units. */
export async function liveReport(deps: Pick<ReportJobDeps, 'store' | 'campaigns' | 'completions'>, tenant: string, unit: StoredUnit, now: Date, year?: number | null) {
  const campaign = await reportCampaign(deps.campaigns, tenant, year);
  if (!campaign) return undefined;
  return campaignReport(deps, tenant, unit, campaign, now);
}

/** A board's report on any campaign (open or closed) at `now`, not kept: what the dashboard's milestone figures read. */
export async function campaignReport(deps: Pick<ReportJobDeps, 'store' | 'completions'>, tenant: string, unit: StoredUnit, campaign: Campaign, now: Date): Promise<ReportContent> {
  return (await buildFor(deps as ReportJobDeps, tenant, unit, campaign, { kind: 'manual', at: now.toISOString(), requestId: 'live' })).content;
}
