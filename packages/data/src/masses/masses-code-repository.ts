import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError } from '@kd/domain';
import { inChunks } from '../batch';
import type { Store } from '../client';
import { keys } from '../keys';
import { auditPut, type Actor } from '../audit';
import { staleError } from '../dossier';
import { MAX_TRANSACTION_ITEMS, transact, type TransactItem } from '../transaction';

type Change = { actor: Actor; at: string };

/** A code's item: its keyed hash and whether it was spent — never the code, never who or when. */
export function codeItem(tenant: string, sessionId: string, hash: string): Record<string, unknown> {
  return { ...keys.massesCode(tenant, sessionId, hash), type: 'massesCode', tenant, used: false };
}

/** Spends a code inside the comment's transaction: only an unspent code of this session. */
export function spendCode(store: Store, tenant: string, sessionId: string, hash: string): TransactItem {
  return {
    Update: {
      TableName: store.tableName,
      Key: keys.massesCode(tenant, sessionId, hash),
      UpdateExpression: 'SET #used = :t',
      ConditionExpression: 'attribute_exists(pk) AND #used = :f',
      ExpressionAttributeNames: { '#used': 'used' },
      ExpressionAttributeValues: { ':t': true, ':f': false },
    },
  };
}

/** Why a code was refused: spent already (409) or not a code of this session (422). */
export async function codeRefusal(store: Store, tenant: string, sessionId: string, hash: string): Promise<DomainError> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.massesCode(tenant, sessionId, hash), ConsistentRead: true }));
  return out.Item?.used === true
    ? new DomainError('CODE_ALREADY_USED', 'Mã này đã được dùng để gửi ý kiến; mỗi mã chỉ dùng một lần.')
    : new DomainError('CODE_INVALID', 'Mã không đúng. Vui lòng kiểm tra lại mã in trên phiếu.');
}

/** Whether a code can still open the form (read only: spending happens with the comment). */
export async function codeState(store: Store, tenant: string, sessionId: string, hash: string): Promise<'unused' | 'used' | 'unknown'> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.massesCode(tenant, sessionId, hash), ConsistentRead: true }));
  return !out.Item ? 'unknown' : out.Item.used === true ? 'used' : 'unused';
}

/** How many codes a session has, and how many were spent. */
export async function countCodes(store: Store, tenant: string, sessionId: string): Promise<{ issued: number; used: number }> {
  let issued = 0;
  let used = 0;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':pk': keys.massesCodes(tenant, sessionId), ':p': keys.massesCodePrefix },
        ProjectionExpression: '#used',
        ExpressionAttributeNames: { '#used': 'used' },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    for (const item of out.Items ?? []) {
      issued++;
      if (item.used === true) used++;
    }
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return { issued, used };
}

/**
 * Stores the hashes of newly printed codes, each transaction with its audit entry (how many, for
 * which session — no code, no hash). A hash already there (two equal codes) fails the transaction.
 */
export async function storeCodeHashes(store: Store, tenant: string, session: { id: string; unitId: string }, hashes: readonly string[], change: Change): Promise<void> {
  await inChunks(hashes, MAX_TRANSACTION_ITEMS - 1, 1, async (chunk) => {
    await transact(
      store,
      [
        ...chunk.map((hash): TransactItem => ({ Put: { TableName: store.tableName, Item: codeItem(tenant, session.id, hash), ConditionExpression: 'attribute_not_exists(pk)' } })),
        auditPut(store, tenant, { unitId: session.unitId, at: change.at, actor: change.actor, action: 'masses.codes.issue', target: session.id, after: { count: chunk.length } }),
      ],
      staleError,
    );
  });
}
