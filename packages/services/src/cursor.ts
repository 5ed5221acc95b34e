import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { DomainError } from '@kd/domain';
import type { ServiceDeps } from './deps';

/**
 * Pagination cursors (docs/api.md, "Pages"): opaque to clients, signed with HMAC-SHA-256 under the
 * deployment's cursor key, and bound to the tenant and the query that issued them (`audit:<unit>`,
 * `members:<unit>`). A cursor that was altered, is unreadable, or comes from another tenant or
 * another query is refused with 400 INVALID_CURSOR before anything is read with it.
 *
 * Without a configured key (tests, benchmarks) a key is drawn once per process: its cursors then
 * live as long as the process. `npm start` keeps one in `.local/`, and AWS passes one in CURSOR_KEY.
 */
const processKey = randomBytes(32).toString('base64url');
const VERSION = 'v1';
/** Longer than any cursor this module writes; a bound on the work an attacker's string can cause. */
const MAX_LENGTH = 1024;

const invalid = () =>
  new DomainError('INVALID_CURSOR', 'Con trỏ phân trang không hợp lệ. Hãy tải lại danh sách từ trang đầu.');

function mac(deps: Pick<ServiceDeps, 'cursorKey'>, tenant: string, query: string, payload: string): Buffer {
  return createHmac('sha256', deps.cursorKey ?? processKey).update(`kd-cursor/${VERSION}\n${tenant}\n${query}\n${payload}`).digest();
}

export function encodeCursor(deps: Pick<ServiceDeps, 'cursorKey'>, tenant: string, query: string, position: unknown): string {
  const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
  return `${payload}.${mac(deps, tenant, query, payload).toString('base64url')}`;
}

/** The position a cursor carries, after checking its signature for this tenant and query. */
export function decodeCursor<T>(deps: Pick<ServiceDeps, 'cursorKey'>, tenant: string, query: string, cursor: string, schema: z.ZodType<T>): T {
  if (cursor.length > MAX_LENGTH) throw invalid();
  const [payload, signature, ...rest] = cursor.split('.');
  if (!payload || !signature || rest.length > 0) throw invalid();
  const expected = mac(deps, tenant, query, payload);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalid();
  return parsed.data;
}

/** A cursor parameter as routes and pages receive it: absent, empty, or a cursor to check. */
export function positionOf<T>(deps: Pick<ServiceDeps, 'cursorKey'>, tenant: string, query: string, cursor: string | null | undefined, schema: z.ZodType<T>): T | null {
  return cursor ? decodeCursor(deps, tenant, query, cursor, schema) : null;
}

export const AuditPositionSchema = z.object({ sk: z.string().startsWith('AUDIT#').max(300) });
export const MemberPositionSchema = z.object({ name: z.string().max(200), id: z.string().max(100) });
