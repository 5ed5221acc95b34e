import { gunzipSync, gzipSync } from 'node:zlib';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { BoardConfig, ReportContent, reportSummary, TickKind, DomainError } from '@kd/domain';
import type { Store } from './client';
import { keys, indexNames } from './keys';
import { auditPut, type Actor } from './audit';
import { transact, type TransactItem } from './transaction';
import { projectionOf, queryAll } from './query-all';

/**
 * Deadline reports: the boards' settings, the tick claims that make a report happen once per board
 * per tick, the reports kept as history, and one delivery record per recipient (sent / failed,
 * with attempts) so that a failed send stays visible and is retried, never dropped.
 */

export const StoredBoardConfig = BoardConfig.extend({
  tenant: z.string(),
  unitId: z.string(),
  updatedAt: z.string().nullable().default(null),
});
export type StoredBoardConfig = z.infer<typeof StoredBoardConfig>;

export const deliveryStatuses = ['pending', 'sending', 'sent', 'failed'] as const;
export const DeliveryStatus = z.enum(deliveryStatuses);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;
export const deliveryStatusLabels: Record<DeliveryStatus, string> = {
  pending: 'Chờ gửi',
  sending: 'Đang gửi',
  sent: 'Đã gửi',
  failed: 'Gửi lỗi',
};

export const Delivery = z.object({
  pk: z.string(),
  sk: z.string(),
  tenant: z.string(),
  messageKind: z.enum(['report', 'reminder']),
  messageId: z.string(),
  /** The board whose report it is, or the board that sent the reminder. */
  boardId: z.string(),
  /** Path of the unit the message is about (the board, or the reminded unit): scopes the outbox. */
  scopePath: z.array(z.string()),
  recipient: z.string(),
  subject: z.string(),
  status: DeliveryStatus,
  attempts: z.number().int().nonnegative(),
  maxAttempts: z.number().int().positive(),
  lastError: z.string().nullable().default(null),
  /** What the mail transport answered (SES MessageId, or the outbox file). */
  transportId: z.string().nullable().default(null),
  createdAt: z.string(),
  updatedAt: z.string(),
  sentAt: z.string().nullable().default(null),
  leaseUntil: z.string().nullable().default(null),
});
export type Delivery = z.infer<typeof Delivery>;

export const ReportSummary = z.object({
  reportId: z.string(),
  tenant: z.string(),
  boardId: z.string(),
  year: z.number().int(),
  tickId: z.string(),
  trigger: TickKind,
  asOf: z.string(),
  summary: z.object({ late: z.number(), missing: z.number(), onTime: z.number(), expected: z.number() }),
});
export type ReportSummary = z.infer<typeof ReportSummary>;

export const StoredReminder = z.object({
  reminderId: z.string(),
  tenant: z.string(),
  tickId: z.string(),
  boardId: z.string(),
  unitId: z.string(),
  milestoneId: z.string(),
  year: z.number().int(),
  email: z.object({ subject: z.string(), text: z.string(), html: z.string() }),
  createdAt: z.string(),
});
export type StoredReminder = z.infer<typeof StoredReminder>;

/** How many times a send is tried in all (in the run that made it, then at later runs). */
export const DEFAULT_MAX_ATTEMPTS = 6;
/** A send left `sending` longer than this (a crashed run) may be tried again. */
export const SEND_LEASE_MS = 10 * 60_000;


// ---------------------------------------------------------------- boards

export async function getBoardConfig(store: Store, tenant: string, unitId: string): Promise<StoredBoardConfig | undefined> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.reportBoard(tenant, unitId) }));
  return out.Item ? StoredBoardConfig.parse(out.Item) : undefined;
}

function boardItem(tenant: string, unitId: string, config: BoardConfig, at: string) {
  return {
    ...keys.reportBoard(tenant, unitId),
    type: 'reportBoard',
    tenant,
    unitId,
    ...BoardConfig.parse(config),
    updatedAt: at,
    gsi1pk: keys.reportBoardsIndex,
    gsi1sk: keys.reportBoardSort(tenant, unitId),
  };
}

/** Sets a board's recipients and reminder days, with its audit entry in the same transaction. */
export async function putBoardConfig(
  store: Store,
  tenant: string,
  unitId: string,
  config: BoardConfig,
  context: { actor: Actor; at: string },
): Promise<StoredBoardConfig> {
  const before = await getBoardConfig(store, tenant, unitId);
  const item = boardItem(tenant, unitId, config, context.at);
  await transact(
    store,
    [
      { Put: { TableName: store.tableName, Item: item } },
      auditPut(store, tenant, {
        unitId,
        at: context.at,
        actor: context.actor,
        action: 'report.recipients',
        target: unitId,
        before: before ? { emails: before.emails, reminderDaysBefore: before.reminderDaysBefore } : null,
        after: { emails: item.emails, reminderDaysBefore: item.reminderDaysBefore },
      }),
    ],
    () => new Error('unexpected condition failure'),
  );
  return StoredBoardConfig.parse(item);
}

/** Sets a board's settings only if it has none (demo seeding: never overwrite what a user set). */
export async function putBoardConfigIfAbsent(store: Store, tenant: string, unitId: string, config: BoardConfig, at: string): Promise<boolean> {
  try {
    await store.doc.send(
      new PutCommand({ TableName: store.tableName, Item: boardItem(tenant, unitId, config, at), ConditionExpression: 'attribute_not_exists(pk)' }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}

/** Every board of every tenant (the scheduled job's work list). */
export async function listAllBoards(store: Store): Promise<StoredBoardConfig[]> {
  const items = await queryAll(store, {
    IndexName: indexNames.byParent,
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': keys.reportBoardsIndex },
  });
  return items.map((i) => StoredBoardConfig.parse(i));
}

/** The boards of one tenant. */
export async function listTenantBoards(store: Store, tenant: string): Promise<StoredBoardConfig[]> {
  const items = await queryAll(store, {
    IndexName: indexNames.byParent,
    KeyConditionExpression: 'gsi1pk = :p AND begins_with(gsi1sk, :t)',
    ExpressionAttributeValues: { ':p': keys.reportBoardsIndex, ':t': `${tenant}#` },
  });
  return items.map((i) => StoredBoardConfig.parse(i)).filter((b) => b.tenant === tenant);
}

// ---------------------------------------------------------------- deliveries

interface NewDelivery {
  tenant: string;
  messagePk: string;
  messageKind: Delivery['messageKind'];
  messageId: string;
  boardId: string;
  scopePath: string[];
  recipient: string;
  subject: string;
  maxAttempts?: number;
  at: string;
}

function deliveryItem(d: NewDelivery): Record<string, unknown> {
  const key = keys.delivery(d.messagePk, d.recipient);
  return {
    ...key,
    type: 'delivery',
    tenant: d.tenant,
    messageKind: d.messageKind,
    messageId: d.messageId,
    boardId: d.boardId,
    scopePath: d.scopePath,
    recipient: d.recipient,
    subject: d.subject,
    status: 'pending',
    attempts: 0,
    maxAttempts: d.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    lastError: null,
    transportId: null,
    createdAt: d.at,
    updatedAt: d.at,
    sentAt: null,
    leaseUntil: null,
    gsi1pk: keys.outbox(d.tenant),
    gsi1sk: `${d.at}#${d.messageId}#${d.recipient}`,
    gsi2pk: keys.openDeliveries(d.tenant),
    gsi2sk: `${d.at}#${d.messageId}#${d.recipient}`,
  };
}

export async function listDeliveries(store: Store, messagePk: string): Promise<Delivery[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :d)',
    ExpressionAttributeValues: { ':pk': messagePk, ':d': 'DELIVERY#' },
    ConsistentRead: true,
  });
  return items.map((i) => Delivery.parse(i));
}

/** Deliveries that may still be tried: pending, failed with attempts left, or stuck `sending`. */
export async function listOpenDeliveries(store: Store, tenant: string): Promise<Delivery[]> {
  const items = await queryAll(store, {
    IndexName: indexNames.byPath,
    KeyConditionExpression: 'gsi2pk = :p',
    ExpressionAttributeValues: { ':p': keys.openDeliveries(tenant) },
  });
  return items.map((i) => Delivery.parse(i));
}

/** The tenant's sent and unsent mail, newest first. */
export async function listOutbox(store: Store, tenant: string, limit = 200): Promise<Delivery[]> {
  const items = await queryAll(
    store,
    { IndexName: indexNames.byParent, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': keys.outbox(tenant) }, ScanIndexForward: false },
    limit,
  );
  return items.map((i) => Delivery.parse(i));
}

/**
 * Takes the next attempt of a delivery: only one process can, because the update is conditional on
 * the attempt count it read (and on the delivery being open, or its lease having run out).
 * Undefined when someone else took it, it was sent, or it has no attempts left.
 */
export async function claimAttempt(store: Store, d: Pick<Delivery, 'pk' | 'sk' | 'attempts'>, now: Date, leaseMs = SEND_LEASE_MS): Promise<Delivery | undefined> {
  try {
    const out = await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: { pk: d.pk, sk: d.sk },
        UpdateExpression: 'SET #s = :sending, attempts = :next, leaseUntil = :lease, updatedAt = :now',
        ConditionExpression:
          'attempts = :a AND attempts < maxAttempts AND (#s IN (:pending, :failed) OR (#s = :sending AND leaseUntil < :now))',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':a': d.attempts,
          ':next': d.attempts + 1,
          ':sending': 'sending',
          ':pending': 'pending',
          ':failed': 'failed',
          ':lease': new Date(now.getTime() + leaseMs).toISOString(),
          ':now': now.toISOString(),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return Delivery.parse(out.Attributes);
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

export async function markSent(store: Store, d: Pick<Delivery, 'pk' | 'sk' | 'attempts'>, transportId: string, at: string): Promise<void> {
  await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: { pk: d.pk, sk: d.sk },
      UpdateExpression: 'SET #s = :sent, transportId = :tid, sentAt = :at, updatedAt = :at, leaseUntil = :null REMOVE gsi2pk, gsi2sk',
      ConditionExpression: 'attempts = :a',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':sent': 'sent', ':tid': transportId, ':at': at, ':null': null, ':a': d.attempts },
    }),
  );
}

/** A failed attempt: kept as `failed`; once no attempt is left it leaves the retry index but stays shown. */
export async function markFailed(store: Store, d: Pick<Delivery, 'pk' | 'sk' | 'attempts' | 'maxAttempts'>, error: string, at: string): Promise<void> {
  const final = d.attempts >= d.maxAttempts;
  await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: { pk: d.pk, sk: d.sk },
      UpdateExpression: `SET #s = :failed, lastError = :e, updatedAt = :at, leaseUntil = :null${final ? ' REMOVE gsi2pk, gsi2sk' : ''}`,
      ConditionExpression: 'attempts = :a',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':failed': 'failed', ':e': error.slice(0, 1000), ':at': at, ':null': null, ':a': d.attempts },
    }),
  );
}

// ---------------------------------------------------------------- reports

export interface NewReport {
  tenant: string;
  reportId: string;
  boardPath: string[];
  content: ReportContent;
  recipients: readonly string[];
  subject: string;
  maxAttempts?: number;
  createdAt: string;
}

/**
 * Claims the tick for the board and the campaign's year and keeps the report, with one pending delivery per recipient, in
 * ONE transaction conditional on the tick record not existing. False when the tick was already
 * claimed (a duplicate delivery of the tick): the caller must then send nothing.
 */
export async function claimAndKeepReport(store: Store, r: NewReport): Promise<boolean> {
  const { tenant, content } = r;
  const reportKey = keys.report(tenant, r.reportId);
  const items: TransactItem[] = [
    {
      Put: {
        TableName: store.tableName,
        Item: { ...keys.reportTick(tenant, `${content.tickId}#Y${content.year}`, content.board.unitId), type: 'reportTick', tenant, tickId: content.tickId, reportId: r.reportId, at: r.createdAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: store.tableName,
        Item: {
          ...reportKey,
          type: 'report',
          tenant,
          reportId: r.reportId,
          boardId: content.board.unitId,
          boardPath: r.boardPath,
          year: content.year,
          tickId: content.tickId,
          trigger: content.trigger,
          asOf: content.asOf,
          summary: reportSummary(content),
          // Gzipped: a province's report lists every cell for every milestone; the item limit is 400 KB.
          content: gzipSync(Buffer.from(JSON.stringify(content))),
          createdAt: r.createdAt,
          gsi1pk: keys.boardReports(tenant, content.board.unitId),
          gsi1sk: `${content.asOf}#${r.reportId}`,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...[...new Set(r.recipients)].map((recipient) => ({
      Put: {
        TableName: store.tableName,
        Item: deliveryItem({
          tenant,
          messagePk: reportKey.pk,
          messageKind: 'report',
          messageId: r.reportId,
          boardId: content.board.unitId,
          scopePath: r.boardPath,
          recipient,
          subject: r.subject,
          maxAttempts: r.maxAttempts,
          at: r.createdAt,
        }),
      },
    })),
  ];
  try {
    await transact(store, items, () => new TickAlreadyClaimed());
    return true;
  } catch (error) {
    if (error instanceof TickAlreadyClaimed) return false;
    throw error;
  }
}

class TickAlreadyClaimed extends Error {
  override readonly name = 'TickAlreadyClaimed';
}

export interface StoredReport extends ReportSummary {
  boardPath: string[];
  content: ReportContent;
}

export async function getReport(store: Store, tenant: string, reportId: string): Promise<StoredReport | undefined> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.report(tenant, reportId) }));
  if (!out.Item) return undefined;
  const summary = ReportSummary.parse(out.Item);
  const raw = out.Item.content as Uint8Array;
  const content = ReportContent.parse(JSON.parse(gunzipSync(Buffer.from(raw)).toString('utf8')));
  return { ...summary, boardPath: z.array(z.string()).parse(out.Item.boardPath), content };
}

export async function requireReport(store: Store, tenant: string, reportId: string): Promise<StoredReport> {
  const report = await getReport(store, tenant, reportId);
  if (!report) throw new DomainError('REPORT_NOT_FOUND', 'Không tìm thấy báo cáo.');
  return report;
}

export function reportPk(tenant: string, reportId: string): string {
  return keys.report(tenant, reportId).pk;
}

/** A board's report history, newest first: the summaries only (each report's gzipped content stays in the table). */
export async function listReports(store: Store, tenant: string, boardId: string, limit = 50): Promise<ReportSummary[]> {
  const fields = ['reportId', 'tenant', 'boardId', 'year', 'tickId', 'trigger', 'asOf', 'summary'];
  const items = await queryAll(
    store,
    {
      IndexName: indexNames.byParent,
      KeyConditionExpression: 'gsi1pk = :p',
      ExpressionAttributeValues: { ':p': keys.boardReports(tenant, boardId) },
      ...projectionOf(fields),
      ScanIndexForward: false,
    },
    limit,
  );
  return items.map((i) => ReportSummary.parse(i));
}

// ---------------------------------------------------------------- reminders

export interface NewReminder extends Omit<StoredReminder, 'createdAt'> {
  scopePath: string[];
  recipients: readonly string[];
  maxAttempts?: number;
  at: string;
}

/** Like a report: the reminder and its pending deliveries are written only if it does not exist yet. */
export async function claimAndKeepReminder(store: Store, r: NewReminder): Promise<boolean> {
  const key = keys.reminder(r.tenant, r.reminderId);
  const { scopePath, recipients, maxAttempts, at, ...reminder } = r;
  try {
    await transact(
      store,
      [
        {
          Put: {
            TableName: store.tableName,
            Item: { ...key, type: 'reminder', ...StoredReminder.parse({ ...reminder, createdAt: at }), scopePath },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...[...new Set(recipients)].map((recipient) => ({
          Put: {
            TableName: store.tableName,
            Item: deliveryItem({
              tenant: r.tenant,
              messagePk: key.pk,
              messageKind: 'reminder',
              messageId: r.reminderId,
              boardId: r.boardId,
              scopePath,
              recipient,
              subject: r.email.subject,
              maxAttempts,
              at,
            }),
          },
        })),
      ],
      () => new TickAlreadyClaimed(),
    );
    return true;
  } catch (error) {
    if (error instanceof TickAlreadyClaimed) return false;
    throw error;
  }
}

export async function getReminder(store: Store, tenant: string, reminderId: string): Promise<StoredReminder | undefined> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.reminder(tenant, reminderId) }));
  return out.Item ? StoredReminder.parse(out.Item) : undefined;
}

export function reminderPk(tenant: string, reminderId: string): string {
  return keys.reminder(tenant, reminderId).pk;
}
