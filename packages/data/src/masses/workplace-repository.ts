import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { Workplace } from '@kd/domain';
import { batchGetAll, inChunks } from '../batch';
import type { Store } from '../client';
import { keys } from '../keys';
import { auditPut, type Actor } from '../audit';
import { staleError } from '../dossier';
import { MAX_TRANSACTION_ITEMS, transact, type TransactItem } from '../transaction';
import { parseWorkplace } from './masses-unit-year';

type Change = { actor: Actor; at: string };

export function workplaceItem(tenant: string, workplace: Workplace): Record<string, unknown> {
  const w = Workplace.parse(workplace);
  return { ...keys.workplace(tenant, w.unitId, w.year), type: 'workplace', tenant, ...w };
}

export async function getWorkplace(store: Store, tenant: string, unitId: string, year: number): Promise<Workplace | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.workplace(tenant, unitId, year), ConsistentRead: true }));
  return out.Item ? parseWorkplace(out.Item) : null;
}

/** The workplaces that exist among `unitIds` for a year, by unit id (a subtree's, or a path's). */
export async function getWorkplaces(store: Store, tenant: string, unitIds: readonly string[], year: number): Promise<Map<string, Workplace>> {
  const items = await batchGetAll(store, unitIds.map((id) => keys.workplace(tenant, id, year)));
  return new Map(items.map(parseWorkplace).map((w) => [w.unitId, w] as const));
}

function puts(store: Store, tenant: string, list: readonly { workplace: Workplace; before: Workplace | null }[], change: Change, action: string): TransactItem[] {
  return list.flatMap(({ workplace, before }) => [
    { Put: { TableName: store.tableName, Item: workplaceItem(tenant, workplace) } },
    auditPut(store, tenant, { unitId: workplace.unitId, at: change.at, actor: change.actor, action, target: `${workplace.unitId}/${workplace.year}`, before, after: workplace }),
  ]);
}

/** A unit's workplace of the year, replaced with its audit entry. */
export async function putWorkplace(store: Store, tenant: string, workplace: Workplace, change: Change): Promise<Workplace> {
  const before = await getWorkplace(store, tenant, workplace.unitId, workplace.year);
  await transact(store, puts(store, tenant, [{ workplace, before }], change, 'masses.workplace.put'), staleError);
  return workplace;
}

/**
 * Many workplaces at once (an upload for a base committee, a year copied forward): each with its
 * audit entry in the same transaction, 50 workplaces per transaction. Unchanged ones are skipped.
 */
export async function putWorkplaces(store: Store, tenant: string, workplaces: readonly Workplace[], change: Change, action = 'masses.workplace.upload'): Promise<{ written: number }> {
  if (workplaces.length === 0) return { written: 0 };
  const year = workplaces[0]!.year;
  const before = await getWorkplaces(store, tenant, workplaces.map((w) => w.unitId), year);
  const changed = workplaces
    .map((w) => ({ workplace: Workplace.parse(w), before: before.get(w.unitId) ?? null }))
    .filter(({ workplace, before: b }) => JSON.stringify(b) !== JSON.stringify(workplace));
  await inChunks(changed, MAX_TRANSACTION_ITEMS / 2, 2, async (chunk) => {
    await transact(store, puts(store, tenant, chunk, change, action), staleError);
  });
  return { written: changed.length };
}
