import { z } from 'zod';
import { addCounts, fromFlat, defaultQuotaParams, Rating, UnitKind, type RollupCounts, type QuotaParams } from '@kd/domain';
import { batchGetAll } from './batch';
import type { Store } from './client';
import { queryAll } from './query-all';
import { indexNames, keys } from './keys';

/**
 * Roll-up items of a campaign year (docs/rollups.md). OWN: a unit's own contribution and its
 * placement in that campaign's tree; ROLLUP: the sum of the OWN items of its subtree, listed under
 * its parent's key on GSI1 so that a roll-up read is one GetItem plus one Query.
 */
const Meta = z.object({
  tenant: z.string(),
  year: z.number().int(),
  unitId: z.string(),
  name: z.string().default(''),
  kind: UnitKind.default('cell'),
  parentId: z.string().nullable().default(null),
  path: z.array(z.string()).default([]),
  closedOn: z.string().nullable().default(null),
  rev: z.number().int().nonnegative().default(0),
  updatedAt: z.string().nullable().default(null),
  quotaRatioPercent: z.number().default(defaultQuotaParams.ratioPercent),
  quotaRounding: z.enum(['floor', 'round', 'ceil']).default(defaultQuotaParams.rounding),
});

export const OwnItem = Meta.extend({
  /** The base organisation on the unit's path (itself for one), null above them. */
  baseOrgId: z.string().nullable().default(null),
  /** The collective's decided rating (adjusted if the upper level changed it): its parent's R-ORG19-HTXS reads it. */
  collectiveDecided: Rating.nullable().default(null),
  /** A base organisation's quota exception in percent (its quota figures use it); null: none granted. */
  quotaExceptionPercent: z.number().nullable().default(null),
  collectiveDisciplined: z.boolean().default(false),
});

export interface StoredRollup extends z.infer<typeof Meta> {
  counts: RollupCounts;
  quota: QuotaParams;
}
export interface StoredOwn extends z.infer<typeof OwnItem> {
  counts: RollupCounts;
  quota: QuotaParams;
}

export function parseRollup(item: Record<string, unknown>): StoredRollup {
  const meta = Meta.parse(item);
  return { ...meta, counts: fromFlat(item), quota: { ratioPercent: meta.quotaRatioPercent, rounding: meta.quotaRounding } };
}

export function parseOwn(item: Record<string, unknown>): StoredOwn {
  const meta = OwnItem.parse(item);
  return { ...meta, counts: fromFlat(item), quota: { ratioPercent: meta.quotaRatioPercent, rounding: meta.quotaRounding } };
}

/**
 * A unit's roll-up and its direct children's, for a campaign year, in ONE Query on GSI1 (paginated
 * only beyond 1 MB): the unit's OWN item, listed first in its own view partition, and its
 * children's ROLLUP items. The unit's roll-up is its own contribution plus its children's
 * roll-ups — the same sum as its ROLLUP item, which the consumer writes in the same transactions.
 */
export async function readRollup(
  store: Store,
  tenant: string,
  year: number,
  unitId: string,
): Promise<{ rollup: StoredRollup | undefined; children: StoredRollup[] }> {
  let own: StoredOwn | undefined;
  const children: StoredRollup[] = [];
  const items = await queryAll(store, {
    IndexName: indexNames.byParent,
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': keys.rollupChildren(tenant, year, unitId) },
  });
  for (const item of items) {
    if (item.sk === 'OWN') own = parseOwn(item);
    else children.push(parseRollup(item));
  }
  if (!own) return { rollup: undefined, children };
  const counts = children.reduce((sum, c) => addCounts(sum, c.counts), own.counts);
  const updatedAt = [own, ...children].map((r) => r.updatedAt ?? '').sort().at(-1) || null;
  const { baseOrgId: _b, collectiveDecided: _c, quotaExceptionPercent: _q, collectiveDisciplined: _d, ...meta } = own;
  return { rollup: { ...meta, counts, updatedAt }, children };
}

/** Every OWN and ROLLUP item of a campaign year (the reconcile's view), by unit id. */
export async function listYearRollups(
  store: Store,
  tenant: string,
  year: number,
  only?: 'OWN' | 'ROLLUP',
): Promise<{ own: Map<string, StoredOwn>; total: Map<string, StoredRollup> }> {
  const own = new Map<string, StoredOwn>();
  const total = new Map<string, StoredRollup>();
  const items = await queryAll(store, {
    IndexName: indexNames.byPath,
    KeyConditionExpression: 'gsi2pk = :p',
    ...(only ? { FilterExpression: 'sk = :sk', ExpressionAttributeValues: { ':p': keys.rollupYear(tenant, year), ':sk': only } } : { ExpressionAttributeValues: { ':p': keys.rollupYear(tenant, year) } }),
  });
  for (const item of items) {
    if (item.sk === 'OWN') own.set(String(item.unitId), parseOwn(item));
    else if (item.sk === 'ROLLUP') total.set(String(item.unitId), parseRollup(item));
  }
  return { own, total };
}

/** OWN or ROLLUP items by unit id, read consistently (the consumer's base for its deltas). */
export async function getRollupItems(
  store: Store,
  tenant: string,
  year: number,
  unitIds: readonly string[],
  sk: 'OWN' | 'ROLLUP',
): Promise<Map<string, Record<string, unknown>>> {
  const items = await batchGetAll(
    store,
    unitIds.map((id) => (sk === 'OWN' ? keys.rollupOwn(tenant, year, id) : keys.rollupTotal(tenant, year, id))),
    { consistentRead: true },
  );
  const found = new Map<string, Record<string, unknown>>();
  for (const item of items) found.set(String(item.unitId), item);
  return found;
}
