import { createHmac, randomUUID } from 'node:crypto';

/**
 * A comment id that says nothing about when the comment came: a random UUID (version 4), not a
 * time-ordered one (v1, v7, ULID) whose sort order would replay arrival.
 */
export function newCommentId(): string {
  return randomUUID();
}

/**
 * Comments in an order unrelated to their arrival: sorted by a keyed hash (HMAC-SHA-256) of their
 * id. The same key gives the same order on every read, so a page does not reshuffle; without the
 * key the order cannot be predicted. The key is the caller's (e.g. a per-session secret).
 */
export function displayOrder<T extends { id: string }>(comments: readonly T[], key: string): T[] {
  const rank = new Map(comments.map((c) => [c.id, createHmac('sha256', key).update(c.id).digest('hex')] as const));
  return [...comments].sort((a, b) => {
    const ra = rank.get(a.id)!;
    const rb = rank.get(b.id)!;
    return ra < rb ? -1 : ra > rb ? 1 : 0;
  });
}
