import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { nfcText, LocalDate, Rating, MeetingDetails, CollectiveReview, type Override, emptyCollectiveReview, emptyMemberReview, MemberReview, assertEditable, editableStates, lockedError, DomainError, type Member, type CollectiveReviewInput, type MemberReviewInput, type Adjustments, type DossierState, type ReportEvent } from '@kd/domain';
import { batchGetAll } from './batch';
import type { Store } from './client';
import { keys } from './keys';
import { auditPut, type Actor } from './audit';
import { transact, type TransactItem } from './transaction';
import { Dossier, getDossier, readResults, ResultRow, rowItem, staleError } from './dossier';
import { dossierUpdate, patched } from './dossier-update';
import { listUnitMembers } from './member-repository';

type Context = { actor: Actor; at: string };

/** The dossier still editable (or not written yet), checked inside a transaction. */
function editableCheck(store: Store, tenant: string, unitId: string, year: number): TransactItem {
  return {
    ConditionCheck: {
      TableName: store.tableName,
      Key: keys.dossier(tenant, unitId, year),
      ConditionExpression: 'attribute_not_exists(pk) OR #state IN (:draft, :returned)',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':draft': editableStates[0], ':returned': editableStates[1] },
    },
  };
}

/** A revisioned record of the unit-year (a member's review, the collective review), written with its audit entry. */
async function saveRecord<T extends { rev: number }>(
  store: Store,
  tenant: string,
  ids: { unitId: string; year: number; key: { pk: string; sk: string }; type: string; target: string; action: string },
  before: T & { rev: number },
  next: T,
  expectedRev: number,
  context: Context,
): Promise<T> {
  const dossier = await getDossier(store, tenant, ids.unitId, ids.year);
  assertEditable(dossier);
  if (before.rev !== expectedRev) throw staleError();
  await transact(
    store,
    [
      {
        Put: {
          TableName: store.tableName,
          Item: { ...ids.key, type: ids.type, tenant, ...next },
          ...(before.rev === 0
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : { ConditionExpression: '#rev = :rev', ExpressionAttributeNames: { '#rev': 'rev' }, ExpressionAttributeValues: { ':rev': before.rev } }),
        },
      },
      editableCheck(store, tenant, ids.unitId, ids.year),
      auditPut(store, tenant, { unitId: ids.unitId, at: context.at, actor: context.actor, action: ids.action, target: ids.target, before: before.rev === 0 ? null : before, after: next }),
    ],
    (failed) => (failed.includes(1) ? lockedError('submitted') : staleError()),
  );
  return next;
}

export async function getMemberReview(store: Store, tenant: string, unitId: string, year: number, memberId: string): Promise<MemberReview> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.memberReview(tenant, unitId, year, memberId), ConsistentRead: true }));
  return out.Item ? MemberReview.parse(out.Item) : emptyMemberReview(unitId, year, memberId);
}

/** Saves a member's self-review record; 409 on a stale `expectedRev` or a locked dossier. */
export async function saveMemberReview(
  store: Store,
  tenant: string,
  unitId: string,
  year: number,
  memberId: string,
  input: MemberReviewInput,
  expectedRev: number,
  context: Context,
): Promise<MemberReview> {
  const before = await getMemberReview(store, tenant, unitId, year, memberId);
  const next = MemberReview.parse({ ...input, memberId, unitId, year, rev: before.rev + 1, updatedAt: context.at });
  return saveRecord(
    store,
    tenant,
    { unitId, year, key: keys.memberReview(tenant, unitId, year, memberId), type: 'memberReview', target: memberId, action: 'review.member.save' },
    before,
    next,
    expectedRev,
    context,
  );
}

export async function getCollectiveReview(store: Store, tenant: string, unitId: string, year: number): Promise<CollectiveReview> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.collectiveReview(tenant, unitId, year), ConsistentRead: true }));
  return out.Item ? CollectiveReview.parse(out.Item) : emptyCollectiveReview(unitId, year);
}

export async function saveCollectiveReview(
  store: Store,
  tenant: string,
  unitId: string,
  year: number,
  input: CollectiveReviewInput,
  expectedRev: number,
  context: Context,
): Promise<CollectiveReview> {
  const before = await getCollectiveReview(store, tenant, unitId, year);
  const next = CollectiveReview.parse({ ...input, unitId, year, rev: before.rev + 1, updatedAt: context.at });
  return saveRecord(
    store,
    tenant,
    { unitId, year, key: keys.collectiveReview(tenant, unitId, year), type: 'collectiveReview', target: `${unitId}/${year}`, action: 'review.collective.save' },
    before,
    next,
    expectedRev,
    context,
  );
}

/** A recorded milestone event of a unit (group meeting held, report sent, cell meeting). */
export const UnitEventRecord = z.object({
  event: z.string(),
  unitId: z.string(),
  year: z.number().int(),
  /** When it was recorded: the milestone's completion time (glossary). */
  at: z.string(),
  heldOn: LocalDate.nullable().default(null),
  startTime: z.string().nullable().default(null),
  location: z.string().nullable().default(null),
  chairMemberId: z.string().nullable().default(null),
  clerkMemberId: z.string().nullable().default(null),
  note: nfcText(2000).nullable().default(null),
}).extend(MeetingDetails.shape);
export type UnitEventRecord = z.infer<typeof UnitEventRecord>;

export function unitEventItem(tenant: string, record: z.input<typeof UnitEventRecord>): Record<string, unknown> {
  return { ...keys.unitEvent(tenant, record.unitId, record.year, record.event), type: 'unitEvent', tenant, ...UnitEventRecord.parse(record) };
}

export async function listUnitEvents(store: Store, tenant: string, unitId: string, year: number): Promise<Map<string, UnitEventRecord>> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.unitYear(tenant, unitId, year), ':p': keys.unitEventPrefix },
      ConsistentRead: true,
    }),
  );
  return new Map((out.Items ?? []).map((i) => UnitEventRecord.parse(i)).map((r) => [r.event, r] as const));
}

/** Records a group's meeting or report (recording again moves the time): the event and its audit entry together. */
export async function recordUnitEvent(
  store: Store,
  tenant: string,
  record: Omit<z.input<typeof UnitEventRecord>, 'at'> & { event: ReportEvent },
  context: Context,
): Promise<UnitEventRecord> {
  const previous = (await listUnitEvents(store, tenant, record.unitId, record.year)).get(record.event) ?? null;
  const next = UnitEventRecord.parse({ ...record, at: context.at });
  await transact(
    store,
    [
      { Put: { TableName: store.tableName, Item: unitEventItem(tenant, next) } },
      auditPut(store, tenant, { unitId: record.unitId, at: context.at, actor: context.actor, action: `event.${record.event}`, target: `${record.unitId}/${record.year}`, before: previous, after: next }),
    ],
    staleError,
  );
  return next;
}

/** The dossier still in the state the caller read (besides its revision). */
function stateIs(state: DossierState) {
  return { expression: '#state = :expectedState', names: { '#state': 'state' }, values: { ':expectedState': state } };
}

export const CellMeeting = z.object({
  heldOn: LocalDate,
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:MM'),
  location: z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().min(1).max(300)),
  chairMemberId: z.string().min(1).max(100),
  clerkMemberId: z.string().min(1).max(100),
}).extend(MeetingDetails.shape);
export type CellMeeting = z.infer<typeof CellMeeting>;

/**
 * Records the cell meeting that votes the year's ratings: the unit's own meeting date (its rating
 * date, docs/api.md, "Evaluations") on the dossier, the meeting's details for the minutes, and the event that
 * completes the "cell results decided" milestone — with the audit entry, in one transaction.
 */
export async function recordCellMeeting(
  store: Store,
  tenant: string,
  unitId: string,
  year: number,
  change: { before: Dossier & { exists: boolean }; meeting: CellMeeting; expectedRev: number },
  context: Context,
): Promise<{ dossier: Dossier; event: UnitEventRecord }> {
  const { before, meeting } = change;
  if (before.rev !== change.expectedRev) throw staleError();
  const after = patched(before, { meetingDate: meeting.heldOn }, context.at);
  const event = UnitEventRecord.parse({ event: 'cellResultsDecided', unitId, year, at: context.at, ...meeting });
  await transact(
    store,
    [
      dossierUpdate(store, tenant, unitId, year, { expectedRev: before.rev, patch: { meetingDate: meeting.heldOn }, at: context.at, condition: stateIs(before.state) }),
      { Put: { TableName: store.tableName, Item: unitEventItem(tenant, event) } },
      auditPut(store, tenant, { unitId, at: context.at, actor: context.actor, action: 'dossier.cellMeeting', target: `${unitId}/${year}`, before: { meetingDate: before.meetingDate }, after: meeting }),
    ],
    staleError,
  );
  return { dossier: after, event };
}

/**
 * Stores an approval the domain decided (`state`, from the dossier `before` as the caller read it):
 * the upper level approves a submitted dossier, optionally changing members' ratings and the
 * unit's own (each with its reason): the changed rows, the dossier (state approved, locked) and
 * one audit entry listing every change, in one transaction — all of it or nothing.
 */
export async function approveDossier(
  store: Store,
  tenant: string,
  unitId: string,
  year: number,
  change: {
    before: Dossier & { exists: boolean };
    state: DossierState;
    expectedRev: number;
    adjustments: Adjustments;
    /** Per adjusted member, the override the domain found in effect (r2025), stored with the row. */
    overrides?: ReadonlyMap<string, Override | null>;
    /** Written in the same transaction (the province's take-over entry). */
    with?: TransactItem[];
  },
  context: Context,
): Promise<Dossier> {
  const { before, state } = change;
  if (before.rev !== change.expectedRev) throw staleError();
  const rows = change.adjustments.members.length > 0 ? await readResults(store, tenant, unitId, year, before.currentVersion) : new Map<string, ResultRow>();
  const missing = change.adjustments.members.filter((a) => !rows.has(a.memberId)).map((a) => a.memberId);
  if (missing.length > 0) {
    throw new DomainError('ADJUSTMENT_UNKNOWN_MEMBER', 'Có đảng viên được điều chỉnh không có trong kết quả của đơn vị.', { memberIds: missing });
  }
  const adjustedCollective = change.adjustments.unit ? { rating: Rating.parse(change.adjustments.unit.rating), reason: change.adjustments.unit.reason } : before.adjustedCollective;
  const patch = { state, appraisedAt: context.at, adjustedCollective };
  const after = patched(before, patch, context.at);
  const rowItems: TransactItem[] = change.adjustments.members.map((a) => {
    const row = rows.get(a.memberId)!;
    const next = ResultRow.parse({ ...row, adjusted: a.rating, adjustReason: a.reason, override: change.overrides?.get(a.memberId) ?? null, rev: row.rev + 1 });
    return {
      Put: {
        TableName: store.tableName,
        Item: rowItem(tenant, unitId, year, before.currentVersion!, next),
        ConditionExpression: '#rev = :rowRev',
        ExpressionAttributeNames: { '#rev': 'rev' },
        ExpressionAttributeValues: { ':rowRev': row.rev },
      },
    };
  });
  await transact(
    store,
    [
      dossierUpdate(store, tenant, unitId, year, { expectedRev: before.rev, patch, at: context.at, condition: stateIs(before.state) }),
      ...rowItems,
      auditPut(store, tenant, {
        unitId,
        at: context.at,
        actor: context.actor,
        action: change.adjustments.members.length > 0 || change.adjustments.unit ? 'dossier.approveWithAdjustments' : 'dossier.approve',
        target: `${unitId}/${year}`,
        before: {
          state: before.state,
          members: change.adjustments.members.map((a) => ({ memberId: a.memberId, decided: rows.get(a.memberId)?.facts.decided ?? null, adjusted: rows.get(a.memberId)?.adjusted ?? null })),
          collective: before.collective,
          adjustedCollective: before.adjustedCollective,
        },
        after: {
          state,
          members: change.adjustments.members.map((a) => ({ ...a, override: change.overrides?.get(a.memberId) ?? null })),
          adjustedCollective,
        },
        reason: [change.adjustments.unit?.reason, ...change.adjustments.members.map((a) => a.reason)].filter(Boolean).join(' | ') || null,
      }),
      ...(change.with ?? []),
    ],
    staleError,
  );
  return after;
}

/** What the evaluation of one unit's year reads from storage. */
export interface StoredUnitYear {
  dossier: Dossier & { exists: boolean };
  rows: Map<string, ResultRow>;
  members: Member[];
}

export async function loadUnitYear(store: Store, tenant: string, unitId: string, year: number): Promise<StoredUnitYear> {
  const [dossier, members] = await Promise.all([getDossier(store, tenant, unitId, year), listUnitMembers(store, tenant, unitId)]);
  const rows = await readResults(store, tenant, unitId, year, dossier.currentVersion);
  return { dossier, rows, members };
}

/** The dossiers that exist among `unitIds` for a year, by unit id, 100 keys per BatchGet. */
export async function getStoredDossiers(
  store: Store,
  tenant: string,
  unitIds: readonly string[],
  year: number,
  options: { consistentRead?: boolean } = {},
): Promise<Map<string, Dossier>> {
  const items = await batchGetAll(store, unitIds.map((id) => keys.dossier(tenant, id, year)), options);
  return new Map(items.map((item) => Dossier.parse(item)).map((d) => [d.unitId, d] as const));
}

/** Dossiers of many units for a year (missing ones as default drafts). */
export async function getDossiers(store: Store, tenant: string, unitIds: readonly string[], year: number): Promise<Map<string, Dossier>> {
  const found = await getStoredDossiers(store, tenant, unitIds, year);
  return new Map(unitIds.map((id) => [id, found.get(id) ?? Dossier.parse({ unitId: id, year })] as const));
}
