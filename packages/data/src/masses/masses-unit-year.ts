import { MassesComment, MassesSession, RemediationItem, Workplace } from '@kd/domain';
import type { Store } from '../client';
import { keys } from '../keys';
import { queryAll } from '../query-all';
import { itemBody, revOf } from './item-body';

/** A session as stored: its revision, and the key of its comments' display order (random, never shown). */
export type StoredSession = MassesSession & { rev: number; orderKey: string };
export type StoredRemediation = RemediationItem & { rev: number };

/** Everything of a unit's masses year that Biểu 5 counts and its pages show. */
export interface MassesUnitYear {
  workplace: Workplace | null;
  sessions: StoredSession[];
  comments: MassesComment[];
  remediationItems: StoredRemediation[];
}

export const parseWorkplace = (item: Record<string, unknown>): Workplace => Workplace.parse(itemBody(item));
export const parseSession = (item: Record<string, unknown>): StoredSession => ({ ...MassesSession.parse(itemBody(item)), rev: revOf(item), orderKey: typeof item.orderKey === 'string' ? item.orderKey : String(item.id) });
export const parseComment = (item: Record<string, unknown>): MassesComment => MassesComment.parse(itemBody(item));
export const parseRemediation = (item: Record<string, unknown>): StoredRemediation => ({ ...RemediationItem.parse(itemBody(item)), rev: revOf(item) });

/**
 * A unit's masses year in one Query of its year partition (`MASSES#…`), read consistently: the
 * roll-up consumer computes the unit's own Biểu 5 contribution from it.
 */
export async function readMassesUnitYear(store: Store, tenant: string, unitId: string, year: number): Promise<MassesUnitYear> {
  const items = await queryAll(store, {
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
    ExpressionAttributeValues: { ':pk': keys.unitYear(tenant, unitId, year), ':p': keys.massesPrefix },
    ConsistentRead: true,
  });
  const out: MassesUnitYear = { workplace: null, sessions: [], comments: [], remediationItems: [] };
  for (const item of items) {
    const sk = String(item.sk);
    if (sk === keys.workplace(tenant, unitId, year).sk) out.workplace = parseWorkplace(item);
    else if (sk.startsWith(keys.massesSessionPrefix)) out.sessions.push(parseSession(item));
    else if (sk.startsWith(keys.massesCommentPrefix())) out.comments.push(parseComment(item));
    else if (sk.startsWith(keys.remediationPrefix)) out.remediationItems.push(parseRemediation(item));
  }
  return out;
}
