import { randomBytes } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DomainError, MassesSession } from '@kd/domain';
import type { Store } from '../client';
import { keys } from '../keys';
import { auditPut, type Actor } from '../audit';
import { staleError } from '../dossier';
import { transact, type TransactItem } from '../transaction';
import { parseSession, type StoredSession } from './masses-unit-year';

type Change = { actor: Actor; at: string };

export const sessionNotFound = () => new DomainError('MASSES_SESSION_NOT_FOUND', 'Không tìm thấy buổi tự phê bình trước quần chúng.');

export function sessionItem(tenant: string, session: MassesSession, rev: number, orderKey: string): Record<string, unknown> {
  const s = MassesSession.parse(session);
  return { ...keys.massesSession(tenant, s.unitId, s.year, s.id), type: 'massesSession', tenant, rev, orderKey, ...s };
}

/** A new session's display-order key: random, kept with the session, never shown. */
export const newOrderKey = () => randomBytes(16).toString('base64url');

/** Where the public comment form finds a session from its id alone (no account, so no unit in scope). */
export function sessionRefItem(tenant: string, session: Pick<MassesSession, 'id' | 'unitId' | 'year'>): Record<string, unknown> {
  return { ...keys.massesSessionRef(tenant, session.id), type: 'massesSessionRef', tenant, sessionId: session.id, unitId: session.unitId, year: session.year };
}

export async function getSession(store: Store, tenant: string, unitId: string, year: number, sessionId: string): Promise<StoredSession | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.massesSession(tenant, unitId, year, sessionId), ConsistentRead: true }));
  return out.Item ? parseSession(out.Item) : null;
}

export async function requireSession(store: Store, tenant: string, unitId: string, year: number, sessionId: string): Promise<StoredSession> {
  const found = await getSession(store, tenant, unitId, year, sessionId);
  if (!found) throw sessionNotFound();
  return found;
}

/** A session's place from its id (the public comment form), or null. */
export async function findSessionRef(store: Store, tenant: string, sessionId: string): Promise<{ unitId: string; year: number } | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.massesSessionRef(tenant, sessionId) }));
  return out.Item && typeof out.Item.unitId === 'string' && typeof out.Item.year === 'number' ? { unitId: out.Item.unitId, year: out.Item.year } : null;
}

export async function listSessions(store: Store, tenant: string, unitId: string, year: number): Promise<StoredSession[]> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
      ExpressionAttributeValues: { ':pk': keys.unitYear(tenant, unitId, year), ':p': keys.massesSessionPrefix },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map(parseSession).sort((a, b) => sessionStart(a).localeCompare(sessionStart(b)));
}

const sessionStart = (s: MassesSession) => s.record?.startsAt ?? s.plan?.startsAt ?? '';

/** The session's Put on the revision read (or its absence), to go in a transaction. */
export function sessionPut(store: Store, tenant: string, session: MassesSession, previousRev: number | null, orderKey: string): TransactItem {
  return {
    Put: {
      TableName: store.tableName,
      Item: sessionItem(tenant, session, (previousRev ?? 0) + 1, orderKey),
      ...(previousRev === null
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : { ConditionExpression: '#rev = :rev', ExpressionAttributeNames: { '#rev': 'rev' }, ExpressionAttributeValues: { ':rev': previousRev } }),
    },
  };
}

/**
 * Writes a session (planned, recorded, signed) on the revision the caller read, with its audit
 * entry; a new one also gets its reference for the public form. 409 `VERSION_CONFLICT` when
 * someone changed it meanwhile.
 */
export async function saveSession(
  store: Store,
  tenant: string,
  session: MassesSession,
  before: StoredSession | null,
  action: string,
  change: Change,
): Promise<StoredSession> {
  const { rev: _rev, orderKey: _key, ...previous } = before ?? { rev: 0, orderKey: '' };
  const orderKey = before?.orderKey ?? newOrderKey();
  await transact(
    store,
    [
      sessionPut(store, tenant, session, before?.rev ?? null, orderKey),
      ...(before ? [] : [{ Put: { TableName: store.tableName, Item: sessionRefItem(tenant, session) } }]),
      auditPut(store, tenant, { unitId: session.unitId, at: change.at, actor: change.actor, action, target: session.id, before: before ? previous : null, after: session }),
    ],
    staleError,
  );
  return { ...session, rev: (before?.rev ?? 0) + 1, orderKey };
}
