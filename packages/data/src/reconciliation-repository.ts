import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { CellMappingEntry, DomainError, HeaderMapping, LocalDate, Member, defaultHeaderMapping, differenceFields, isCell, vietnamDateOf } from '@kd/domain';
import type { Store } from './client';
import { indexNames, keys } from './keys';
import { Actor, auditPut } from './audit';
import { batchPut } from './batch-write';
import { queryAll } from './query-all';
import { transact, type TransactItem } from './transaction';
import { memberItem } from './member-repository';
import { identityItem, identityShown, MemberIdentity } from './identity-repository';
import type { StoredUnit } from './unit-repository';

/**
 * Reconciliation with the central party-member database (docs/reconciliation.md): the province's
 * header mapping and cell mapping, and each run's entries with the decision taken on them.
 */

const Settings = <T extends z.ZodType>(value: T) => z.object({ value, version: z.number().int().nonnegative(), updatedAt: z.string().nullable() });
const HeaderSettings = Settings(HeaderMapping);
const CellSettings = Settings(z.array(CellMappingEntry));

const settingsConflict = () => new DomainError('VERSION_CONFLICT', 'Bảng ánh xạ đã được người khác thay đổi. Vui lòng tải lại và thử lại.');

async function readSettings<T extends z.ZodType>(store: Store, tenant: string, what: 'HEADERS' | 'CELLS', schema: T, fallback: z.infer<T>) {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.reconciliationSettings(tenant, what) }));
  return out.Item ? Settings(schema).parse(out.Item) : { value: fallback, version: 0, updatedAt: null };
}

async function writeSettings(store: Store, tenant: string, what: 'HEADERS' | 'CELLS', value: unknown, expectedVersion: number, context: { actor: Actor; at: string; unitId: string; before: unknown }) {
  await transact(
    store,
    [
      {
        Put: {
          TableName: store.tableName,
          Item: { ...keys.reconciliationSettings(tenant, what), type: 'reconciliationSettings', tenant, value, version: expectedVersion + 1, updatedAt: context.at },
          ConditionExpression: expectedVersion === 0 ? 'attribute_not_exists(pk)' : 'version = :v',
          ...(expectedVersion === 0 ? {} : { ExpressionAttributeValues: { ':v': expectedVersion } }),
        },
      },
      auditPut(store, tenant, { unitId: context.unitId, at: context.at, actor: context.actor, action: what === 'HEADERS' ? 'reconciliation.headerMapping' : 'reconciliation.cellMapping', target: context.unitId, before: context.before, after: value }),
    ],
    settingsConflict,
  );
}

export async function getHeaderMapping(store: Store, tenant: string): Promise<z.infer<typeof HeaderSettings>> {
  return readSettings(store, tenant, 'HEADERS', HeaderMapping, defaultHeaderMapping);
}

export async function saveHeaderMapping(store: Store, tenant: string, value: HeaderMapping, expectedVersion: number, context: { actor: Actor; at: string; unitId: string }) {
  const before = await getHeaderMapping(store, tenant);
  if (before.version !== expectedVersion) throw settingsConflict();
  await writeSettings(store, tenant, 'HEADERS', HeaderMapping.parse(value), expectedVersion, { ...context, before: before.value });
}

export async function getCellMapping(store: Store, tenant: string): Promise<z.infer<typeof CellSettings>> {
  return readSettings(store, tenant, 'CELLS', z.array(CellMappingEntry), []);
}

export async function saveCellMapping(store: Store, tenant: string, value: CellMappingEntry[], expectedVersion: number, context: { actor: Actor; at: string; unitId: string }) {
  const before = await getCellMapping(store, tenant);
  if (before.version !== expectedVersion) throw settingsConflict();
  await writeSettings(store, tenant, 'CELLS', value, expectedVersion, { ...context, before: { entries: before.value.length } });
}

/** A central record as a run keeps it: the national id as its keyed hash and last four digits only. */
export const StoredCentral = z.object({
  row: z.number().int(),
  partyCardNumber: z.string().nullable(),
  fullName: z.string(),
  birthDate: LocalDate.nullable(),
  nationalIdHash: z.string().nullable(),
  nationalIdLast4: z.string().nullable(),
  status: z.enum(['official', 'probationary']).nullable(),
  admittedOn: LocalDate.nullable(),
  cellName: z.string(),
});

export const StoredOurs = z.object({
  memberId: z.string(),
  unitId: z.string(),
  fullName: z.string(),
  birthDate: LocalDate.nullable(),
  admittedOn: LocalDate,
  status: z.enum(['official', 'probationary']),
  partyCardNumber: z.string().nullable(),
  nationalIdLast4: z.string().nullable(),
});

export const RunEntry = z.object({
  n: z.number().int().positive(),
  kind: z.enum(['onlyHere', 'onlyThere', 'differs']),
  ours: StoredOurs.nullable(),
  central: StoredCentral.nullable(),
  /** The unit the central record's cell maps to (null: unmapped). */
  centralUnitId: z.string().nullable(),
  matchedBy: z.enum(['card', 'nationalId', 'nameBirth']).nullable(),
  differences: z.array(z.object({ field: z.enum(differenceFields), ours: z.string().nullable(), central: z.string().nullable() })),
  note: z.string().nullable(),
  /** `central`: corrected here from the central record; `ours`: ours is right, to be sent up. */
  decision: z.enum(['central', 'ours']).nullable().default(null),
  decidedAt: z.string().nullable().default(null),
  decidedBy: Actor.nullable().default(null),
  /** The fields changed here by a `central` decision. */
  applied: z.array(z.string()).default([]),
});
export type RunEntry = z.infer<typeof RunEntry>;

export const RunSummary = z.object({
  runId: z.string(),
  unitId: z.string(),
  at: z.string(),
  actor: Actor,
  fileRows: z.number().int(),
  accepted: z.number().int(),
  errorCount: z.number().int(),
  matched: z.object({ card: z.number().int(), nationalId: z.number().int(), nameBirth: z.number().int() }),
  same: z.number().int(),
  onlyHere: z.number().int(),
  onlyThere: z.number().int(),
  differing: z.number().int(),
  outsideScope: z.number().int(),
  unmappedCells: z.array(z.object({ name: z.string(), rows: z.number().int() })),
  fields: z.array(z.string()),
});
export type RunSummary = z.infer<typeof RunSummary>;

const entryKey = (tenant: string, runId: string, n: number) => ({ pk: keys.reconciliationRun(tenant, runId), sk: keys.reconciliationEntrySort(n) });

/** Writes a run: its entries first (unseen until the summary exists), then the summary. */
export async function putRun(store: Store, tenant: string, summary: RunSummary, entries: readonly RunEntry[]): Promise<void> {
  await batchPut(store, entries.map((e) => ({ ...entryKey(tenant, summary.runId, e.n), type: 'reconciliationEntry', tenant, runId: summary.runId, ...RunEntry.parse(e) })));
  await store.doc.send(
    new PutCommand({
      TableName: store.tableName,
      Item: {
        pk: keys.reconciliationRun(tenant, summary.runId), sk: 'RUN', type: 'reconciliationRun', tenant,
        gsi1pk: keys.reconciliationRuns(tenant, summary.unitId), gsi1sk: summary.at, ...RunSummary.parse(summary),
      },
    }),
  );
}

export async function getRun(store: Store, tenant: string, runId: string): Promise<RunSummary | undefined> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { pk: keys.reconciliationRun(tenant, runId), sk: 'RUN' } }));
  return out.Item ? RunSummary.parse(out.Item) : undefined;
}

/** Runs posted for a unit, newest first. */
export async function listRuns(store: Store, tenant: string, unitId: string): Promise<RunSummary[]> {
  const items = await queryAll(store, { IndexName: indexNames.byParent, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': keys.reconciliationRuns(tenant, unitId) }, ScanIndexForward: false });
  return items.map((i) => RunSummary.parse(i));
}

export async function listRunEntries(store: Store, tenant: string, runId: string): Promise<RunEntry[]> {
  const items = await queryAll(store, { KeyConditionExpression: 'pk = :p AND begins_with(sk, :e)', ExpressionAttributeValues: { ':p': keys.reconciliationRun(tenant, runId), ':e': 'E#' } });
  return items.map((i) => RunEntry.parse(i));
}

export async function getRunEntry(store: Store, tenant: string, runId: string, n: number): Promise<RunEntry | undefined> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: entryKey(tenant, runId, n), ConsistentRead: true }));
  return out.Item ? RunEntry.parse(out.Item) : undefined;
}

const decided = () => new DomainError('VERSION_CONFLICT', 'Mục đối chiếu này đã được xử lý. Vui lòng tải lại trang.');

function decisionUpdate(store: Store, tenant: string, runId: string, n: number, decision: 'central' | 'ours', applied: string[], actor: Actor, at: string): TransactItem {
  return {
    Update: {
      TableName: store.tableName,
      Key: entryKey(tenant, runId, n),
      UpdateExpression: 'SET decision = :d, decidedAt = :at, decidedBy = :by, applied = :applied',
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(decision) OR decision = :null)',
      ExpressionAttributeValues: { ':d': decision, ':at': at, ':by': actor, ':applied': applied, ':null': null },
    },
  };
}

/** Ours is right: the entry is marked for the file of corrections sent up (no member changes here). */
export async function markOursRight(store: Store, tenant: string, runId: string, entry: RunEntry, context: { actor: Actor; at: string; unitId: string }): Promise<void> {
  await transact(
    store,
    [
      decisionUpdate(store, tenant, runId, entry.n, 'ours', [], context.actor, context.at),
      auditPut(store, tenant, { unitId: context.unitId, at: context.at, actor: context.actor, action: 'reconciliation.oursRight', target: entry.ours?.memberId ?? `row ${entry.central?.row}`, after: { runId, entry: entry.n }, reason: null }),
    ],
    decided,
  );
}

export interface CentralCorrection {
  member: Member;
  /** Member fields the central record sets (name, birth date, admission date, official date). */
  changes: Partial<Pick<Member, 'fullName' | 'birthDate' | 'admittedOn' | 'officialOn'>>;
  /** The cell the member moves to, when the central record's cell (through the mapping) is right. */
  moveTo: StoredUnit | null;
  /** The identity record after adopting the central national id or card number, with the one read. */
  identity: { current: MemberIdentity; next: MemberIdentity } | null;
}

const memberConflict = () => new DomainError('VERSION_CONFLICT', 'Hồ sơ đảng viên hoặc mục đối chiếu đã thay đổi. Vui lòng tải lại và thử lại.');

/**
 * The central record is right: the member is corrected here — fields, cell, identity — with the
 * entry's decision and one audit entry per unit touched, all in one transaction. The audit entry
 * names the run and shows a national id by its last four digits only.
 */
export async function applyCentralCorrection(
  store: Store,
  tenant: string,
  runId: string,
  entry: RunEntry,
  correction: CentralCorrection,
  context: { actor: Actor; at: string },
): Promise<Member> {
  const { member, changes, moveTo, identity } = correction;
  const applied = [...Object.keys(changes), ...(moveTo ? ['cell'] : []), ...(identity ? ['identity'] : [])];
  const next = Member.parse({
    ...member,
    ...changes,
    ...(moveTo ? { unitId: moveTo.id, groupId: null, transferredInOn: vietnamDateOf(new Date(context.at)) } : {}),
    version: member.version + 1,
  });
  if (moveTo && (!isCell(moveTo.kind) || moveTo.closedOn)) throw new DomainError('NOT_A_CELL', 'Chi bộ theo CSDL đảng viên không phải là chi bộ đang hoạt động.');
  const reason = `Đối chiếu với CSDL đảng viên (lần ${runId.slice(0, 8)}, mục ${entry.n}): sửa theo CSDL.`;
  const before = Object.fromEntries(Object.keys(changes).map((k) => [k, member[k as keyof Member]]));
  const items: TransactItem[] = [decisionUpdate(store, tenant, runId, entry.n, 'central', applied, context.actor, context.at)];
  if (Object.keys(changes).length > 0 || moveTo) {
    items.push({ Put: { TableName: store.tableName, Item: memberItem(tenant, next), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': member.version } } });
  }
  if (moveTo) {
    for (const [unitId, d] of [[member.unitId, -1], [moveTo.id, 1]] as const) {
      items.push({
        Update: {
          TableName: store.tableName, Key: keys.unit(tenant, unitId),
          UpdateExpression: 'SET memberCount = if_not_exists(memberCount, :zero) + :d', ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':d': d, ':zero': 0 },
        },
      });
    }
  }
  if (identity) {
    items.push({
      Put: {
        TableName: store.tableName,
        Item: identityItem(tenant, { ...identity.next, version: identity.current.version + 1, updatedAt: context.at }),
        ConditionExpression: identity.current.version === 0 ? 'attribute_not_exists(pk) OR version = :v' : 'version = :v',
        ExpressionAttributeValues: { ':v': identity.current.version },
      },
    });
  }
  const after = { ...Object.fromEntries(Object.keys(changes).map((k) => [k, next[k as keyof Member]])), ...(moveTo ? { unitId: moveTo.id } : {}), ...(identity ? identityShown(identity.next) : {}) };
  const beforeAll = { ...before, ...(moveTo ? { unitId: member.unitId } : {}), ...(identity ? identityShown(identity.current) : {}) };
  for (const unitId of new Set([member.unitId, ...(moveTo ? [moveTo.id] : [])])) {
    items.push(auditPut(store, tenant, { unitId, at: context.at, actor: context.actor, action: 'member.reconcile', target: member.id, before: beforeAll, after, reason }));
  }
  await transact(store, items, memberConflict);
  return next;
}
