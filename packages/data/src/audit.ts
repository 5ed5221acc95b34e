import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { Store } from './client';
import { keys } from './keys';

/** Who did something: taken from the verified token. */
export const Actor = z.object({ sub: z.string(), name: z.string(), role: z.string(), unit: z.string() });
export type Actor = z.infer<typeof Actor>;

export const AuditEntry = z.object({
  id: z.string(),
  unitId: z.string(),
  at: z.string(),
  actor: Actor,
  action: z.string(),
  target: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  reason: z.string().nullable().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/**
 * The audit item for a change, to be put in the SAME transaction as the change itself, so a change
 * without its audit entry (or the reverse) cannot exist. Entries live in the unit's partition.
 */
// Entries written in the same millisecond keep their order within a process.
let sequence = 0;
function nextId(): string {
  sequence = (sequence + 1) % 1e9;
  return `${String(sequence).padStart(9, '0')}-${randomUUID().slice(0, 8)}`;
}

export function auditPut(
  store: Store,
  tenant: string,
  entry: Omit<AuditEntry, 'id'> & { id?: string },
): { Put: { TableName: string; Item: Record<string, unknown>; ConditionExpression: string } } {
  const id = entry.id ?? nextId();
  const { pk } = keys.unit(tenant, entry.unitId);
  return {
    Put: {
      TableName: store.tableName,
      Item: { pk, sk: `AUDIT#${entry.at}#${id}`, type: 'audit', tenant, ...entry, id },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Where a page of a unit's audit trail ended: the sort key of its last entry (the partition is the query's own). */
export interface AuditPosition {
  sk: string;
}

/**
 * A unit's audit trail, newest first, from after `after` (exclusive); with `since`/`before` (ISO
 * instants), only the entries written from `since` and before `before` — a range of the sort key,
 * so a date range reads nothing outside it.
 */
export async function listAudit(
  store: Store,
  tenant: string,
  unitId: string,
  options: { limit?: number; after?: AuditPosition | null; since?: string | null; before?: string | null } = {},
): Promise<{ entries: AuditEntry[]; next: AuditPosition | null }> {
  const { pk } = keys.unit(tenant, unitId);
  // Only an audit sort key of this unit's partition: a position can never point elsewhere.
  const after = options.after && options.after.sk.startsWith('AUDIT#') ? { pk, sk: options.after.sk } : undefined;
  // `#` sorts before every digit and `~` after: the bounds hold every id written at their instant.
  const lo = `AUDIT#${options.since ?? ''}`;
  const hi = options.before ? `AUDIT#${options.before}` : 'AUDIT#~';
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :lo AND :hi',
      ExpressionAttributeValues: { ':pk': pk, ':lo': lo, ':hi': hi },
      ScanIndexForward: false,
      Limit: options.limit ?? 100,
      ExclusiveStartKey: after,
    }),
  );
  const last = out.LastEvaluatedKey as { sk?: unknown } | undefined;
  return {
    entries: (out.Items ?? []).map((i) => AuditEntry.parse(i)),
    next: last && typeof last.sk === 'string' ? { sk: last.sk } : null,
  };
}
