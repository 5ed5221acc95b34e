import { createHash } from 'node:crypto';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './query-all';
import { z } from 'zod';
import { DomainError, LocalDate, MemberFacts, Rating, assertEditable, DossierState, dossierStateLabels, ImportedCollective, ImportedRowMark } from '@kd/domain';
import type { Store } from './client';
import { keys } from './keys';
import { auditPut, type Actor } from './audit';
import { batchPut } from './batch-write';
import { transact, type TransactItem } from './transaction';
import { fault } from './fault-hook';


export const Dossier = z.object({
  unitId: z.string(),
  year: z.number().int(),
  state: DossierState.default('draft'),
  /** Bumped on every change of the dossier: the optimistic lock of the whole unit-year. */
  rev: z.number().int().nonnegative().default(0),
  currentVersion: z.number().int().positive().nullable().default(null),
  versionCounter: z.number().int().nonnegative().default(0),
  /** Hash of the rows of the current version when it came from an upload (null after a manual edit). */
  contentHash: z.string().nullable().default(null),
  collective: z
    .object({ proposed: Rating.nullable().default(null), decided: Rating.nullable().default(null) })
    .default({ proposed: null, decided: null }),
  adjustedCollective: z.object({ rating: Rating, reason: z.string() }).nullable().default(null),
  meetingDate: LocalDate.nullable().default(null),
  returnReason: z.string().nullable().default(null),
  submittedAt: z.string().nullable().default(null),
  /** The first submission: what the milestone "dossier submitted" is judged by (a return does not undo it). */
  firstSubmittedAt: z.string().nullable().default(null),
  appraisedAt: z.string().nullable().default(null),
  updatedAt: z.string().nullable().default(null),
  /** Set when the members' results of the year were imported from an earlier year's files (history-repository.ts). */
  importedMembersAt: z.string().nullable().optional(),
  /** Set when the organisation's own result of the year was imported. */
  importedCollective: ImportedCollective.nullable().optional(),
});
export type Dossier = z.infer<typeof Dossier>;

export const ResultRow = z.object({
  memberId: z.string(),
  facts: MemberFacts,
  /** The upper level's rating when its appraisal changes the cell's decision. */
  adjusted: Rating.nullable().default(null),
  adjustReason: z.string().nullable().default(null),
  rev: z.number().int().nonnegative().default(1),
  /** An imported row's reason for no rating and the name of a member no longer in the system. */
  imported: ImportedRowMark.nullable().optional(),
});
export type ResultRow = z.infer<typeof ResultRow>;

export const staleError = () => new DomainError('VERSION_CONFLICT', 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại và thử lại.');

export async function getDossier(store: Store, tenant: string, unitId: string, year: number): Promise<Dossier & { exists: boolean }> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.dossier(tenant, unitId, year), ConsistentRead: true }));
  return { ...Dossier.parse(out.Item ?? { unitId, year }), exists: Boolean(out.Item) };
}

/** Rows of one version (the current one by default), keyed by member id. */
export async function readResults(
  store: Store,
  tenant: string,
  unitId: string,
  year: number,
  version?: number | null,
): Promise<Map<string, ResultRow>> {
  const v = version === undefined ? (await getDossier(store, tenant, unitId, year)).currentVersion : version;
  const rows = new Map<string, ResultRow>();
  if (v === null) return rows;
  const items = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
    ExpressionAttributeValues: { ':pk': keys.unitYear(tenant, unitId, year), ':v': keys.resultVersionPrefix(v) },
  });
  for (const item of items) {
    const row = ResultRow.parse(item);
    rows.set(row.memberId, row);
  }
  return rows;
}

/** A stable hash of rows, whatever their order: the same file uploaded twice has the same hash. */
export function hashRows(rows: readonly { memberId: string; facts: MemberFacts }[]): string {
  const canonical = [...rows].sort((a, b) => (a.memberId < b.memberId ? -1 : 1)).map((r) => [r.memberId, MemberFacts.parse(r.facts)]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

export function rowItem(tenant: string, unitId: string, year: number, version: number, row: ResultRow) {
  return {
    ...keys.resultRow(tenant, unitId, year, version, row.memberId),
    type: 'result',
    tenant,
    unitId,
    year,
    version,
    gsi1pk: keys.memberResults(tenant, row.memberId),
    gsi1sk: keys.memberResultSort(year, unitId, version),
    ...row,
  };
}

export interface CommitOutcome {
  version: number;
  /** False when the rows equal the current version's (same file again): nothing was written. */
  changed: boolean;
}

/**
 * Replaces a unit's results for a year as one new version (docs/spreadsheets.md, "The results").
 *
 * 1. reserve a version number (a counter that never goes back, so rows of a version cut off by a
 *    crash can never mix with a later one);
 * 2. write the rows under that version — invisible, since readers only read the current version;
 * 3. in one transaction, make the version current and write the audit entry, on condition that the
 *    current version is still the one this commit started from and the dossier is editable.
 * A crash before 3 leaves the previous version current and whole; after 3 the new one is.
 */
export async function commitResults(
  store: Store,
  tenant: string,
  unitId: string,
  year: number,
  rows: readonly { memberId: string; facts: MemberFacts }[],
  context: { actor: Actor; at: string; source?: string },
): Promise<CommitOutcome> {
  const dossier = await getDossier(store, tenant, unitId, year);
  assertEditable(dossier);
  const contentHash = hashRows(rows);
  if (dossier.currentVersion !== null && dossier.contentHash === contentHash) {
    return { version: dossier.currentVersion, changed: false };
  }
  const reserved = await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: keys.dossier(tenant, unitId, year),
      UpdateExpression: 'SET versionCounter = if_not_exists(versionCounter, :zero) + :one, unitId = :u, #y = :y, #t = :type, tenant = :tenant',
      ExpressionAttributeNames: { '#y': 'year', '#t': 'type' },
      ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':u': unitId, ':y': year, ':type': 'dossier', ':tenant': tenant },
      ReturnValues: 'ALL_NEW',
    }),
  );
  const version = Number(reserved.Attributes?.versionCounter);
  await fault('afterReserve');
  const items = rows.map((r) => rowItem(tenant, unitId, year, version, ResultRow.parse({ memberId: r.memberId, facts: r.facts, rev: 1 })));
  const half = Math.ceil(items.length / 2);
  await batchPut(store, items.slice(0, half));
  await fault('duringRows');
  await batchPut(store, items.slice(half));
  await fault('beforeFlip');
  await transact(
    store,
    [
      {
        Update: {
          TableName: store.tableName,
          Key: keys.dossier(tenant, unitId, year),
          UpdateExpression: 'SET currentVersion = :v, contentHash = :h, #rev = if_not_exists(#rev, :zero) + :one, updatedAt = :at, #state = if_not_exists(#state, :draft)',
          ConditionExpression:
            '(attribute_not_exists(currentVersion) OR currentVersion = :old OR (currentVersion = :null AND :old = :null)) AND (attribute_not_exists(#state) OR #state IN (:draft, :returned))',
          ExpressionAttributeNames: { '#rev': 'rev', '#state': 'state' },
          ExpressionAttributeValues: {
            ':v': version,
            ':h': contentHash,
            ':zero': 0,
            ':one': 1,
            ':at': context.at,
            ':old': dossier.currentVersion,
            ':null': null,
            ':draft': 'draft',
            ':returned': 'returned',
          },
        },
      },
      auditPut(store, tenant, {
        unitId,
        at: context.at,
        actor: context.actor,
        action: 'results.commit',
        target: `${unitId}/${year}`,
        before: { version: dossier.currentVersion, rows: null },
        after: { version, rows: rows.length, source: context.source ?? null },
      }),
    ],
    staleError,
  );
  await fault('afterFlip');
  return { version, changed: true };
}

/**
 * Changes one member's row of the current version (the review page, an appraisal adjustment):
 * the row, the dossier's lock and the audit entry in one transaction. With no current version
 * yet, the edit starts version 1 with this single row.
 */
export async function saveResultRow(
  store: Store,
  tenant: string,
  unitId: string,
  year: number,
  next: Omit<ResultRow, 'rev'>,
  expected: { dossierRev: number; rowRev: number | null },
  context: { actor: Actor; at: string; action?: string; reason?: string | null; allowLocked?: DossierState[] },
): Promise<ResultRow> {
  const dossier = await getDossier(store, tenant, unitId, year);
  if (!(context.allowLocked ?? []).includes(dossier.state)) assertEditable(dossier);
  if (dossier.rev !== expected.dossierRev) throw staleError();
  const version = dossier.currentVersion ?? dossier.versionCounter + 1;
  const current = dossier.currentVersion === null ? undefined : (await readResults(store, tenant, unitId, year, version)).get(next.memberId);
  if ((current?.rev ?? null) !== expected.rowRev) throw staleError();
  const row = ResultRow.parse({ ...next, rev: (current?.rev ?? 0) + 1 });
  const items: TransactItem[] = [
    {
      Put: {
        TableName: store.tableName,
        Item: rowItem(tenant, unitId, year, version, row),
        ...(current
          ? { ConditionExpression: '#rev = :rowRev', ExpressionAttributeNames: { '#rev': 'rev' }, ExpressionAttributeValues: { ':rowRev': current.rev } }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    },
    {
      Update: {
        TableName: store.tableName,
        Key: keys.dossier(tenant, unitId, year),
        UpdateExpression:
          'SET #rev = :next, currentVersion = :v, versionCounter = :vc, contentHash = :null, updatedAt = :at, unitId = :u, #y = :y, #t = :type, tenant = :tenant, #state = if_not_exists(#state, :draft)',
        ConditionExpression: dossier.exists ? '#rev = :rev' : 'attribute_not_exists(pk)',
        ExpressionAttributeNames: { '#rev': 'rev', '#y': 'year', '#t': 'type', '#state': 'state' },
        ExpressionAttributeValues: {
          ':next': dossier.rev + 1,
          ...(dossier.exists ? { ':rev': dossier.rev } : {}),
          ':v': version,
          ':vc': Math.max(version, dossier.versionCounter),
          ':null': null,
          ':at': context.at,
          ':u': unitId,
          ':y': year,
          ':type': 'dossier',
          ':tenant': tenant,
          ':draft': 'draft',
        },
      },
    },
    auditPut(store, tenant, {
      unitId,
      at: context.at,
      actor: context.actor,
      action: context.action ?? 'results.edit',
      target: next.memberId,
      before: current ?? null,
      after: row,
      reason: context.reason ?? null,
    }),
  ];
  await transact(store, items, staleError);
  return row;
}

/**
 * Any other change of the dossier (the collective rating, the meeting date, a workflow transition):
 * `patch` is applied on condition that the dossier is still at `expectedRev` and in one of `from`.
 */
export async function updateDossier(
  store: Store,
  tenant: string,
  unitId: string,
  year: number,
  change: {
    from: readonly DossierState[];
    expectedRev: number;
    patch: Partial<Pick<Dossier, 'state' | 'collective' | 'adjustedCollective' | 'meetingDate' | 'returnReason' | 'submittedAt' | 'firstSubmittedAt' | 'appraisedAt'>>;
    action: string;
    reason?: string | null;
  },
  context: { actor: Actor; at: string },
): Promise<Dossier> {
  const before = await getDossier(store, tenant, unitId, year);
  if (!change.from.includes(before.state)) {
    throw new DomainError('INVALID_STATE', `Không thể thực hiện khi hồ sơ đang ở trạng thái “${dossierStateLabels[before.state]}”.`, { state: before.state });
  }
  if (before.rev !== change.expectedRev) throw staleError();
  const { exists: _exists, ...plain } = before;
  const after = Dossier.parse({ ...plain, ...change.patch, rev: before.rev + 1, updatedAt: context.at });
  const changed = Object.fromEntries(Object.keys(change.patch).map((k) => [k, (before as Record<string, unknown>)[k]]));
  await transact(
    store,
    [
      {
        Put: {
          TableName: store.tableName,
          Item: { ...keys.dossier(tenant, unitId, year), type: 'dossier', tenant, ...after },
          ConditionExpression: before.exists ? '#rev = :rev' : 'attribute_not_exists(pk)',
          ...(before.exists ? { ExpressionAttributeNames: { '#rev': 'rev' }, ExpressionAttributeValues: { ':rev': before.rev } } : {}),
        },
      },
      auditPut(store, tenant, {
        unitId,
        at: context.at,
        actor: context.actor,
        action: change.action,
        target: `${unitId}/${year}`,
        before: changed,
        after: change.patch,
        reason: change.reason ?? null,
      }),
    ],
    staleError,
  );
  return after;
}
