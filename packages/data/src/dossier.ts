import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './query-all';
import { z } from 'zod';
import { DomainError, LocalDate, MemberFacts, Rating, DossierState, CollectiveFacts, Override, ImportedCollective, ImportedRowMark } from '@kd/domain';
import type { Store } from './client';
import { keys } from './keys';


export const Dossier = z.object({
  unitId: z.string(),
  year: z.number().int(),
  state: DossierState.default('draft'),
  /** Bumped on every change of the dossier: the optimistic lock of the whole unit-year. */
  rev: z.number().int().nonnegative().default(0),
  currentVersion: z.number().int().positive().nullable().default(null),
  /**
   * The last version number reserved. Only `reserveVersion` writes it, with an atomic ADD, so it
   * never goes back; every other write of the dossier leaves it alone (docs/data-model.md).
   */
  versionCounter: z.number().int().nonnegative().default(0),
  /** Hash of the rows of the current version when it came from an upload (null after a manual edit). */
  contentHash: z.string().nullable().default(null),
  /** The unit's own record as a collective (under r2025 with its scores and task figures). */
  collective: CollectiveFacts.default(CollectiveFacts.parse({})),
  adjustedCollective: z.object({ rating: Rating, reason: z.string() }).nullable().default(null),
  /**
   * A share of `good` above the rule's ratio granted to this base organisation by the level that
   * appraises it (r2025, QĐ 366-QĐ/TW Điều 11): the quota of its evaluation and of the roll-up use it.
   */
  quotaException: z
    .object({ share: z.number().positive().max(1), percent: z.number(), reason: z.string(), byUnit: z.string(), byName: z.string(), at: z.string() })
    .nullable()
    .default(null),
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
  /** Set when the adjustment goes above what the rules allow (r2025): who decided, the circumstance, the reason. */
  override: Override.nullable().default(null),
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

/**
 * Rows of one version (the current one by default), keyed by member id. Always one whole version:
 * a version's rows are all written before the dossier names it, a version number is never reused
 * (the counter only goes up), and a version that was ever current is never swept — so even when a
 * commit makes another version current between the dossier read and this query, the rows read are
 * those of the version read, all of them.
 */
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
    // An eventually consistent read could miss rows written just before the dossier named them.
    ConsistentRead: true,
  });
  for (const item of items) {
    const row = ResultRow.parse(item);
    rows.set(row.memberId, row);
  }
  return rows;
}

/** A stable hash of rows, whatever their order: the same file uploaded twice has the same hash. */
export function hashRows(rows: readonly { memberId: string; facts: MemberFacts }[]): string {
  // The hash of JSON.stringify([[memberId, facts], …]) in member order, fed row by row: the same
  // digest as stored hashes, without holding every parsed row and the whole text at once.
  const hash = createHash('sha256').update('[');
  [...rows]
    .sort((a, b) => (a.memberId < b.memberId ? -1 : 1))
    .forEach((r, i) => hash.update((i === 0 ? '' : ',') + JSON.stringify([r.memberId, MemberFacts.parse(r.facts)])));
  return hash.update(']').digest('hex');
}

/** A dossier as the table stores it (for imports that write whole items, like the demo's seeds). */
export function dossierItem(tenant: string, dossier: z.input<typeof Dossier> & { unitId: string; year: number }) {
  const parsed = Dossier.parse(dossier);
  return { ...keys.dossier(tenant, parsed.unitId, parsed.year), type: 'dossier', tenant, ...parsed };
}

/** The fields of a row that `rowItem` writes one by one: a field added to ResultRow must be added there too. */
type RowItemFields = 'memberId' | 'facts' | 'adjusted' | 'adjustReason' | 'override' | 'rev' | 'imported';
const everyRowField: Exclude<keyof ResultRow, RowItemFields> extends never ? true : never = true;
void everyRowField;

/**
 * A row as the table stores it. Built field by field, not by spreading the key and the row into
 * one literal: V8 builds such spread objects the slow way, about 4.5 KB of short-lived memory per
 * row that a 20,000-row commit leaves in the old generation (docs/uploads.md, "Benchmark").
 */
export function rowItem(tenant: string, unitId: string, year: number, version: number, row: ResultRow) {
  const { pk, sk } = keys.resultRow(tenant, unitId, year, version, row.memberId);
  const item = {
    pk,
    sk,
    type: 'result',
    tenant,
    unitId,
    year,
    version,
    gsi1pk: keys.memberResults(tenant, row.memberId),
    gsi1sk: keys.memberResultSort(year, unitId, version),
    memberId: row.memberId,
    facts: row.facts,
    adjusted: row.adjusted,
    adjustReason: row.adjustReason,
    override: row.override,
    rev: row.rev,
  };
  // `imported` only on imported rows, as before (absent, not undefined, elsewhere).
  return row.imported === undefined ? item : { ...item, imported: row.imported };
}

/** One member's row of one version, or undefined (a single GetItem: an edit needs no other row). */
export async function getResultRow(store: Store, tenant: string, unitId: string, year: number, version: number, memberId: string): Promise<ResultRow | undefined> {
  const out = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: keys.resultRow(tenant, unitId, year, version, memberId), ConsistentRead: true }),
  );
  return out.Item ? ResultRow.parse(out.Item) : undefined;
}
