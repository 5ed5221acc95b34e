import { QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { addMassesCounts, massesFromFlat, massesToFlat, UnitKind, type MassesCounts } from '@kd/domain';
import { batchGetAll, inChunks } from '../batch';
import type { Store } from '../client';
import { indexNames, keys } from '../keys';
import { queryAll } from '../query-all';
import { MAX_TRANSACTION_ITEMS, type TransactItem } from '../transaction';

/**
 * Biểu 5's roll-up items (docs/rollups.md, "Biểu 5"): per unit and year an OWN item (the unit's own
 * counts and its placement) and a ROLLUP item (the sum over its subtree), read like the ratings'
 * in one Query of children + 1 items. They carry no time: a change's moment could date a comment.
 */
export interface MassesPlacement {
  unitId: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  path: string[];
}

const Meta = z.object({
  unitId: z.string(),
  name: z.string().default(''),
  kind: UnitKind.default('cell'),
  parentId: z.string().nullable().default(null),
  path: z.array(z.string()).default([]),
  rev: z.number().int().nonnegative().default(0),
});
export interface StoredMassesItem extends MassesPlacement {
  rev: number;
  counts: MassesCounts;
}

export function parseMassesItem(item: Record<string, unknown>): StoredMassesItem {
  return { ...Meta.parse(item), counts: massesFromFlat(item) };
}

export function massesOwnItem(tenant: string, year: number, own: MassesPlacement & { counts: MassesCounts }, rev: number): Record<string, unknown> {
  return {
    ...keys.massesRollupOwn(tenant, year, own.unitId),
    type: 'massesRollupOwn',
    gsi1pk: keys.massesRollupChildren(tenant, year, own.unitId),
    gsi1sk: keys.rollupOwnSort,
    gsi2pk: keys.massesRollupYear(tenant, year),
    gsi2sk: keys.rollupYearSort(own.unitId, 'OWN'),
    tenant, year, unitId: own.unitId, name: own.name, kind: own.kind, parentId: own.parentId, path: own.path,
    rev, ...massesToFlat(own.counts),
  };
}

/** The change of one ROLLUP item: ADD the delta's non-zero counts, SET the placement when given; created when absent. */
export interface MassesTotalChange {
  unitId: string;
  delta: MassesCounts;
  placement?: MassesPlacement;
  /** Only if the item's rev is still this (null: only if absent); undefined: unconditionally. */
  expectedRev?: number | null;
}

export function massesTotalUpdate(tenant: string, year: number, change: MassesTotalChange) {
  const names: Record<string, string> = { '#rev': 'rev', '#y': 'year', '#type': 'type' };
  const values: Record<string, unknown> = { ':one': 1, ':t': tenant, ':y': year, ':u': change.unitId, ':type': 'massesRollup', ':g2': keys.massesRollupYear(tenant, year), ':g2s': keys.rollupYearSort(change.unitId, 'ROLLUP') };
  const set = ['tenant = :t', '#y = :y', 'unitId = :u', 'gsi2pk = :g2', 'gsi2sk = :g2s', '#type = :type'];
  const p = change.placement;
  if (p) {
    Object.assign(names, { '#name': 'name', '#kind': 'kind', '#path': 'path' });
    Object.assign(values, { ':name': p.name, ':kind': p.kind, ':parent': p.parentId, ':path': p.path, ':g1': keys.massesRollupChildren(tenant, year, p.parentId ?? '-'), ':g1s': keys.rollupChildSort(change.unitId) });
    set.push('#name = :name', '#kind = :kind', 'parentId = :parent', '#path = :path', 'gsi1pk = :g1', 'gsi1sk = :g1s');
  }
  const add = ['#rev :one'];
  Object.entries(massesToFlat(change.delta)).forEach(([name, value], i) => {
    if (value === 0) return;
    names[`#c${i}`] = name;
    values[`:c${i}`] = value;
    add.push(`#c${i} :c${i}`);
  });
  if (typeof change.expectedRev === 'number') values[':expected'] = change.expectedRev;
  const condition = change.expectedRev === undefined ? undefined : change.expectedRev === null ? 'attribute_not_exists(#rev)' : '#rev = :expected';
  return {
    Key: keys.massesRollupTotal(tenant, year, change.unitId),
    UpdateExpression: `SET ${set.join(', ')} ADD ${add.join(', ')}`,
    ...(condition ? { ConditionExpression: condition } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/**
 * One unit's OWN item replaced (on the rev read, or its absence) and the differences added to its
 * ancestors' ROLLUP items, in ONE transaction: ROLLUP = Σ OWN over the subtree holds after it.
 */
export async function writeMassesRollup(
  store: Store,
  tenant: string,
  year: number,
  own: MassesPlacement & { counts: MassesCounts },
  previousRev: number | null,
  totals: readonly MassesTotalChange[],
): Promise<void> {
  const items: TransactItem[] = [
    {
      Put: {
        TableName: store.tableName,
        Item: massesOwnItem(tenant, year, own, (previousRev ?? 0) + 1),
        ConditionExpression: previousRev !== null ? '#rev = :rev' : 'attribute_not_exists(pk)',
        ...(previousRev !== null ? { ExpressionAttributeNames: { '#rev': 'rev' }, ExpressionAttributeValues: { ':rev': previousRev } } : {}),
      },
    },
    ...totals.map((t): TransactItem => ({ Update: { TableName: store.tableName, ...massesTotalUpdate(tenant, year, t) } })),
  ];
  await store.doc.send(new TransactWriteCommand({ TransactItems: items }));
}

/** One ROLLUP item repaired in place; false when someone changed it since it was read. */
export async function repairMassesTotal(store: Store, tenant: string, year: number, change: MassesTotalChange): Promise<boolean> {
  try {
    await store.doc.send(new UpdateCommand({ TableName: store.tableName, ...massesTotalUpdate(tenant, year, change) }));
    return true;
  } catch (error) {
    if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
    return false;
  }
}

/** A year's Biểu 5 items written from scratch, each on condition it does not exist yet; false if some did. */
export async function createMassesRollupItems(
  store: Store,
  tenant: string,
  year: number,
  owns: readonly (MassesPlacement & { counts: MassesCounts })[],
  totals: ReadonlyMap<string, MassesCounts>,
): Promise<boolean> {
  const items: TransactItem[] = [
    ...owns.map((o): TransactItem => ({ Put: { TableName: store.tableName, Item: massesOwnItem(tenant, year, o, 1), ConditionExpression: 'attribute_not_exists(pk)' } })),
    ...owns.map((o): TransactItem => ({
      Update: { TableName: store.tableName, ...massesTotalUpdate(tenant, year, { unitId: o.unitId, delta: totals.get(o.unitId) ?? massesFromFlat({}), placement: o, expectedRev: null }) },
    })),
  ];
  let clean = true;
  await inChunks(items, MAX_TRANSACTION_ITEMS, 2, async (chunk) => {
    try {
      await store.doc.send(new TransactWriteCommand({ TransactItems: chunk }));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      clean = false;
    }
  });
  return clean;
}

/**
 * A unit's Biểu 5 and its direct children's, in ONE Query on GSI1: its OWN item and its children's
 * ROLLUP items; the unit's roll-up is its own counts plus its children's.
 */
export async function readMassesRollup(store: Store, tenant: string, year: number, unitId: string): Promise<{ rollup: StoredMassesItem | undefined; children: StoredMassesItem[] }> {
  const items = await queryAll(store, { IndexName: indexNames.byParent, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': keys.massesRollupChildren(tenant, year, unitId) } });
  let own: StoredMassesItem | undefined;
  const children: StoredMassesItem[] = [];
  for (const item of items) {
    if (item.sk === 'OWN') own = parseMassesItem(item);
    else children.push(parseMassesItem(item));
  }
  if (!own) return { rollup: undefined, children };
  return { rollup: { ...own, counts: children.reduce((sum, c) => addMassesCounts(sum, c.counts), own.counts) }, children };
}

/** Every OWN and ROLLUP item of a year (the reconcile's and the tests' view), by unit id. */
export async function listMassesRollups(store: Store, tenant: string, year: number): Promise<{ own: Map<string, StoredMassesItem>; total: Map<string, StoredMassesItem> }> {
  const items = await queryAll(store, { IndexName: indexNames.byPath, KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': keys.massesRollupYear(tenant, year) } });
  const own = new Map<string, StoredMassesItem>();
  const total = new Map<string, StoredMassesItem>();
  for (const item of items) (item.sk === 'OWN' ? own : total).set(String(item.unitId), parseMassesItem(item));
  return { own, total };
}

/** OWN items by unit id, read consistently (the consumer's base for its deltas). */
export async function getMassesOwnItems(store: Store, tenant: string, year: number, unitIds: readonly string[]): Promise<Map<string, StoredMassesItem>> {
  const items = await batchGetAll(store, unitIds.map((id) => keys.massesRollupOwn(tenant, year, id)), { consistentRead: true });
  return new Map(items.map(parseMassesItem).map((i) => [i.unitId, i] as const));
}

/** Whether a year's Biểu 5 has any item yet: one item read. */
export async function hasMassesRollup(store: Store, tenant: string, year: number): Promise<boolean> {
  const out = await store.doc.send(new QueryCommand({ TableName: store.tableName, IndexName: indexNames.byPath, KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': keys.massesRollupYear(tenant, year) }, Limit: 1 }));
  return (out.Items?.length ?? 0) > 0;
}
