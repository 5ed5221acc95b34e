import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError, MassesComment } from '@kd/domain';
import type { Store } from '../client';
import { keys } from '../keys';
import { auditPut, type Actor } from '../audit';
import { staleError } from '../dossier';
import { transact, type TransactItem } from '../transaction';
import { parseComment } from './masses-unit-year';
import { codeRefusal, spendCode } from './masses-code-repository';

type Change = { actor: Actor; at: string };

/**
 * Who the audit trail names for a written comment: the masses, not a person. A written comment's
 * entry says only that the session received one comment, dated the session's day, under a random
 * id — so neither its key nor its content orders or dates it finer than the day.
 */
export const massesActor = (unitId: string): Actor => ({ sub: 'quan-chung', name: 'Quần chúng', role: 'masses', unit: unitId });

export const commentNotFound = () => new DomainError('COMMENT_NOT_FOUND', 'Không tìm thấy ý kiến đóng góp.');

export function commentItem(tenant: string, comment: MassesComment): Record<string, unknown> {
  const c = MassesComment.parse(comment);
  return { ...keys.massesComment(tenant, c.unitId, c.year, c.sessionId, c.id), type: 'massesComment', tenant, ...c };
}

/** The audit entry of a new comment: anonymous and dated the session's day for a written one. */
export function commentAudit(store: Store, tenant: string, comment: MassesComment, change: Change | null): TransactItem {
  if (comment.channel === 'written' || !change) {
    return auditPut(store, tenant, { id: randomUUID(), unitId: comment.unitId, at: comment.day, actor: massesActor(comment.unitId), action: 'masses.comment.written', target: comment.sessionId });
  }
  return auditPut(store, tenant, { unitId: comment.unitId, at: change.at, actor: change.actor, action: 'masses.comment.oral', target: comment.sessionId, after: comment });
}

/** The session still recorded and unsigned, checked inside the comment's transaction. */
function sessionStillOpen(store: Store, tenant: string, comment: MassesComment): TransactItem {
  return {
    ConditionCheck: {
      TableName: store.tableName,
      Key: keys.massesSession(tenant, comment.unitId, comment.year, comment.sessionId),
      ConditionExpression: '#state = :recorded',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':recorded': 'recorded' },
    },
  };
}

/**
 * Stores one comment with its audit entry, on condition that the session is still recorded and
 * unsigned; from the phone form also spending its single-use code (`codeHash`) in the same
 * transaction, so a code opens the form once and a comment is never stored without its code spent.
 * Nothing about the writer is stored, and no time finer than the session's day.
 */
export async function putComment(store: Store, tenant: string, comment: MassesComment, options: { change: Change | null; codeHash?: string }): Promise<MassesComment> {
  const items: TransactItem[] = [
    { Put: { TableName: store.tableName, Item: commentItem(tenant, comment), ConditionExpression: 'attribute_not_exists(pk)' } },
    sessionStillOpen(store, tenant, comment),
    commentAudit(store, tenant, comment, options.change),
  ];
  if (options.codeHash) items.push(spendCode(store, tenant, comment.sessionId, options.codeHash));
  let failedAt: number[] = [];
  await transact(store, items, (failed) => {
    failedAt = failed;
    return staleError();
  }).catch(async (error) => {
    if (failedAt.includes(3) && options.codeHash) throw await codeRefusal(store, tenant, comment.sessionId, options.codeHash);
    if (failedAt.includes(1)) throw new DomainError('SESSION_COMPLETE', 'Biên bản đã có đủ chữ ký hoặc buổi chưa được ghi nhận; không nhận thêm ý kiến.');
    throw error;
  });
  return comment;
}

export async function getComment(store: Store, tenant: string, unitId: string, year: number, sessionId: string, commentId: string): Promise<MassesComment | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.massesComment(tenant, unitId, year, sessionId, commentId), ConsistentRead: true }));
  return out.Item ? parseComment(out.Item) : null;
}

/** A session's comments (or all of a unit's year), in key order — random, never arrival. */
export async function listComments(store: Store, tenant: string, unitId: string, year: number, sessionId?: string): Promise<MassesComment[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': keys.unitYear(tenant, unitId, year), ':p': keys.massesCommentPrefix(sessionId) },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    items.push(...(out.Items ?? []));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items.map(parseComment);
}

/** The committee classes a comment (R-MASS-11): the new value on the one read, with its audit entry. */
export async function saveCommentClass(store: Store, tenant: string, before: MassesComment, after: MassesComment, change: Change): Promise<MassesComment> {
  await transact(
    store,
    [
      {
        Put: {
          TableName: store.tableName,
          Item: commentItem(tenant, after),
          ConditionExpression: 'attribute_exists(pk) AND #r = :r AND #d = :d',
          ExpressionAttributeNames: { '#r': 'responsibility', '#d': 'dissenting' },
          ExpressionAttributeValues: { ':r': before.responsibility, ':d': before.dissenting },
        },
      },
      auditPut(store, tenant, {
        unitId: after.unitId,
        at: change.at,
        actor: change.actor,
        action: 'masses.comment.classify',
        target: `${after.sessionId}/${after.id}`,
        before: { responsibility: before.responsibility, dissenting: before.dissenting },
        after: { responsibility: after.responsibility, dissenting: after.dissenting },
      }),
    ],
    staleError,
  );
  return after;
}
