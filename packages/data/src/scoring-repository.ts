import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { ReviewForm, ScoringScheme, Rating } from '@kd/domain';
import type { Store } from './client';
import { keys } from './keys';
import { auditPut, type Actor } from './audit';
import { batchGetAll } from './batch';
import { transact, type TransactItem } from './transaction';
import { staleError } from './dossier';

type Context = { actor: Actor; at: string };

/** A province's or a bloc's points per criterion for one framework and year, as stored. */
export const StoredScheme = z.object({
  unitId: z.string(),
  year: z.number().int(),
  scheme: ScoringScheme,
  rev: z.number().int().positive(),
  updatedAt: z.string(),
});
export type StoredScheme = z.infer<typeof StoredScheme>;

/** The schemes set for `appendix` by any of `unitIds` (a unit's path), by unit id. */
export async function getSchemes(store: Store, tenant: string, unitIds: readonly string[], year: number, appendix: number): Promise<Map<string, StoredScheme>> {
  const items = await batchGetAll(store, unitIds.map((id) => keys.scoringScheme(tenant, id, year, appendix)));
  return new Map(items.map((i) => StoredScheme.parse(i)).map((s) => [s.unitId, s] as const));
}

/** Stores a scheme on the revision the caller saw (0: none yet), with its audit entry (before and after). */
export async function putScheme(store: Store, tenant: string, unitId: string, year: number, scheme: ScoringScheme, expectedRev: number, context: Context): Promise<StoredScheme> {
  const key = keys.scoringScheme(tenant, unitId, year, scheme.appendix);
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: key, ConsistentRead: true }));
  const before = out.Item ? StoredScheme.parse(out.Item) : null;
  if ((before?.rev ?? 0) !== expectedRev) throw staleError();
  const next: StoredScheme = { unitId, year, scheme, rev: expectedRev + 1, updatedAt: context.at };
  await transact(
    store,
    [
      {
        Put: {
          TableName: store.tableName,
          Item: { ...key, type: 'scoringScheme', tenant, ...next },
          ...(before
            ? { ConditionExpression: '#rev = :rev', ExpressionAttributeNames: { '#rev': 'rev' }, ExpressionAttributeValues: { ':rev': before.rev } }
            : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      },
      auditPut(store, tenant, { unitId, at: context.at, actor: context.actor, action: 'scoring.scheme', target: `${unitId}/${year}/PL${scheme.appendix}`, before: before?.scheme ?? null, after: scheme }),
    ],
    staleError,
  );
  return next;
}

/** A filled scoring sheet: the form, the framework and variant, the points per line and the totals. */
export const ScoreSheetRecord = z.object({
  unitId: z.string(),
  year: z.number().int(),
  /** The member the sheet is about; null for the collective's (Mẫu 01). */
  memberId: z.string().nullable(),
  form: ReviewForm,
  appendix: z.number().int().min(1).max(5),
  variant: z.string().nullable(),
  schemeIds: z.array(z.string()),
  scores: z.record(z.string(), z.number().min(0).max(100)),
  general: z.number(),
  tasks: z.number(),
  total: z.number(),
  proposed: Rating.nullable().default(null),
  rev: z.number().int().positive(),
  updatedAt: z.string(),
});
export type ScoreSheetRecord = z.infer<typeof ScoreSheetRecord>;

/** Every sheet of a unit's year, by member id (the collective's under `null`'s key, 'COLLECTIVE'). */
export async function getScoreSheets(store: Store, tenant: string, unitId: string, year: number): Promise<Map<string, ScoreSheetRecord>> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.unitYear(tenant, unitId, year), ':p': keys.scoreSheetPrefix },
      ConsistentRead: true,
    }),
  );
  return new Map((out.Items ?? []).map((i) => ScoreSheetRecord.parse(i)).map((r) => [r.memberId ?? 'COLLECTIVE', r] as const));
}

export async function getScoreSheet(store: Store, tenant: string, unitId: string, year: number, memberId: string | null): Promise<ScoreSheetRecord | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.scoreSheet(tenant, unitId, year, memberId), ConsistentRead: true }));
  return out.Item ? ScoreSheetRecord.parse(out.Item) : null;
}

/**
 * The sheet's Put on the revision the caller saw (0: none yet), to go in the same transaction as
 * the row or dossier that takes its totals (`saveResultRow` / `updateDossier` `with`).
 */
export function scoreSheetPut(store: Store, tenant: string, record: ScoreSheetRecord, expectedRev: number): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: { ...keys.scoreSheet(tenant, record.unitId, record.year, record.memberId), type: 'scoreSheet', tenant, ...ScoreSheetRecord.parse(record) },
      ...(expectedRev === 0
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: '#rev = :rev', ExpressionAttributeNames: { '#rev': 'rev' }, ExpressionAttributeValues: { ':rev': expectedRev } }),
    },
  };
}
