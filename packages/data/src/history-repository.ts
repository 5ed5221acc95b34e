import { createHash, randomUUID } from 'node:crypto';
import { UpdateCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { DomainError, ImportedCollective, ImportedRowMark, MemberFacts, type Rating } from '@kd/domain';
import type { Store } from './client';
import { keys } from './keys';
import { auditPut, Actor } from './audit';
import { batchPut } from './batch-write';
import { getDossier, ResultRow, rowItem, type Dossier } from './dossier';
import { queryAll } from './query-all';
import { transact } from './transaction';

/**
 * Results of earlier years imported by the province (docs/uploads.md, "Results of earlier years"):
 * a unit's year written as a results version marked imported, or the organisation's own result,
 * each with its audit entry in one transaction. A closed campaign takes these writes and no other.
 */

/** A year holding results entered in the system: imports never overwrite it. */
export function holdsSystemResults(d: Pick<Dossier, 'currentVersion' | 'state' | 'collective' | 'importedMembersAt' | 'importedCollective'> & { exists: boolean }): boolean {
  if (!d.exists || d.importedMembersAt || d.importedCollective) return false;
  return d.currentVersion !== null || d.collective.decided !== null || d.state !== 'draft';
}

/** The same condition as `holdsSystemResults`, checked by DynamoDB at the moment of the write. */
const notSystemResults =
  '(attribute_not_exists(#state) OR attribute_exists(importedMembersAt) OR attribute_exists(importedCollective) OR ' +
  '(#state = :draft AND (attribute_not_exists(currentVersion) OR currentVersion = :null) AND (attribute_not_exists(collective) OR collective.decided = :null)))';

const hasResults = () => new DomainError('VERSION_CONFLICT', 'Năm này đơn vị đã có kết quả nhập trong hệ thống trong lúc nhập số liệu; hãy tải lại và thử lại.');

export interface ImportedMemberRow {
  memberId: string;
  facts: MemberFacts;
  imported: ImportedRowMark;
}

function hashImported(rows: readonly ImportedMemberRow[]): string {
  const canonical = [...rows].sort((a, b) => (a.memberId < b.memberId ? -1 : 1)).map((r) => [r.memberId, MemberFacts.parse(r.facts), ImportedRowMark.parse(r.imported)]);
  return createHash('sha256').update(JSON.stringify(['imported', canonical])).digest('hex');
}

/**
 * A unit's members' results of an earlier year, as one new results version marked imported (the
 * same three steps as `commitResults`: reserve a version, write its rows unseen, make it current
 * with the audit entry). The dossier is approved: the results were decided outside the system.
 */
export async function commitImportedMembers(
  store: Store,
  tenant: string,
  unitId: string,
  year: number,
  rows: readonly ImportedMemberRow[],
  context: { actor: Actor; at: string; importId: string },
): Promise<{ version: number; changed: boolean }> {
  const dossier = await getDossier(store, tenant, unitId, year);
  if (holdsSystemResults(dossier)) throw hasResults();
  const contentHash = hashImported(rows);
  if (dossier.importedMembersAt && dossier.currentVersion !== null && dossier.contentHash === contentHash) return { version: dossier.currentVersion, changed: false };
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
  await batchPut(store, rows.map((r) => rowItem(tenant, unitId, year, version, ResultRow.parse({ memberId: r.memberId, facts: r.facts, imported: r.imported, rev: 1 }))));
  await transact(
    store,
    [
      {
        Update: {
          TableName: store.tableName,
          Key: keys.dossier(tenant, unitId, year),
          UpdateExpression:
            'SET currentVersion = :v, contentHash = :h, #rev = if_not_exists(#rev, :zero) + :one, updatedAt = :at, #state = :approved, importedMembersAt = :at, ' +
            'collective = if_not_exists(collective, :noCollective)',
          ConditionExpression: `(attribute_not_exists(currentVersion) OR currentVersion = :old OR (currentVersion = :null AND :old = :null)) AND ${notSystemResults}`,
          ExpressionAttributeNames: { '#rev': 'rev', '#state': 'state' },
          ExpressionAttributeValues: {
            ':v': version, ':h': contentHash, ':zero': 0, ':one': 1, ':at': context.at, ':approved': 'approved', ':draft': 'draft',
            ':old': dossier.currentVersion, ':null': null, ':noCollective': { proposed: null, decided: null },
          },
        },
      },
      auditPut(store, tenant, {
        unitId, at: context.at, actor: context.actor, action: 'history.importMembers', target: `${unitId}/${year}`,
        before: { version: dossier.currentVersion }, after: { version, rows: rows.length, importId: context.importId },
      }),
    ],
    hasResults,
  );
  return { version, changed: true };
}

export interface ImportedCollectiveInput {
  rating: Rating | null;
  notRatedReason: ImportedCollective['notRatedReason'];
  discipline: ImportedCollective['discipline'];
}

/** An organisation's own result of an earlier year: its rating as the dossier's decided collective rating, marked imported. */
export async function commitImportedCollective(
  store: Store,
  tenant: string,
  unitId: string,
  year: number,
  value: ImportedCollectiveInput,
  context: { actor: Actor; at: string; importId: string },
): Promise<{ changed: boolean }> {
  const dossier = await getDossier(store, tenant, unitId, year);
  if (holdsSystemResults(dossier)) throw hasResults();
  const before = dossier.importedCollective;
  if (before && dossier.collective.decided === value.rating && before.notRatedReason === value.notRatedReason && before.discipline === value.discipline) {
    return { changed: false };
  }
  const mark = ImportedCollective.parse({ at: context.at, notRatedReason: value.notRatedReason, discipline: value.discipline });
  await transact(
    store,
    [
      {
        Update: {
          TableName: store.tableName,
          Key: keys.dossier(tenant, unitId, year),
          UpdateExpression:
            'SET collective = :c, importedCollective = :mark, #state = :approved, #rev = if_not_exists(#rev, :zero) + :one, updatedAt = :at, ' +
            'unitId = :u, #y = :y, #t = :type, tenant = :tenant, versionCounter = if_not_exists(versionCounter, :zero), currentVersion = if_not_exists(currentVersion, :null)',
          ConditionExpression: `(attribute_not_exists(#rev) OR #rev = :rev) AND ${notSystemResults}`,
          ExpressionAttributeNames: { '#rev': 'rev', '#state': 'state', '#y': 'year', '#t': 'type' },
          ExpressionAttributeValues: {
            ':c': { proposed: null, decided: value.rating }, ':mark': mark, ':approved': 'approved', ':draft': 'draft', ':zero': 0, ':one': 1,
            ':at': context.at, ':u': unitId, ':y': year, ':type': 'dossier', ':tenant': tenant, ':rev': dossier.rev, ':null': null,
          },
        },
      },
      auditPut(store, tenant, {
        unitId, at: context.at, actor: context.actor, action: 'history.importCollective', target: `${unitId}/${year}`,
        before: { decided: dossier.collective.decided, imported: before ?? null }, after: { decided: value.rating, imported: mark, importId: context.importId },
      }),
    ],
    hasResults,
  );
  return { changed: true };
}

/** What one import did, kept for the history page. */
export const HistoryImport = z.object({
  id: z.string(),
  at: z.string(),
  year: z.number().int(),
  kind: z.enum(['members', 'units']),
  /** The unit the file was posted to: the import's scope. */
  unitId: z.string(),
  rows: z.number().int(),
  unitsWritten: z.number().int(),
  unitsUnchanged: z.number().int(),
  campaignCreated: z.boolean(),
  actor: Actor,
});
export type HistoryImport = z.infer<typeof HistoryImport>;

export const newImportId = (): string => randomUUID();

export async function putHistoryImport(store: Store, tenant: string, record: HistoryImport): Promise<void> {
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: { ...keys.historyImport(tenant, record.at, record.id), type: 'historyImport', tenant, ...HistoryImport.parse(record) } }));
}

/** The tenant's imports, oldest first. */
export async function listHistoryImports(store: Store, tenant: string): Promise<HistoryImport[]> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.historyPartition(tenant), ':p': 'IMPORT#' },
  });
  return items.map((i) => HistoryImport.parse(i));
}
