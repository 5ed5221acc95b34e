import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './query-all';
import { z } from 'zod';
import { DomainError, Unit } from '@kd/domain';
import type { Store } from './client';
import { keys, indexNames } from './keys';
import { needsPointer, readPointer, resolveItem, type TreePointer } from './tree-pointer';

const idList = z.preprocess((v) => (v instanceof Set ? [...(v as Set<string>)] : v), z.array(z.string())).optional();

/**
 * A unit as stored: the domain unit plus its direct member count, kept in step with the members,
 * and the children and members it had and no longer has (string sets, added when they leave):
 * with them a campaign's tree and rosters on its rating date are found from the unit alone.
 */
export const StoredUnit = Unit.extend({
  memberCount: z.number().int().nonnegative().default(0),
  formerChildIds: idList,
  formerMemberIds: idList,
});
export type StoredUnit = z.infer<typeof StoredUnit>;

const asSet = (ids: readonly string[] | undefined) => (ids && ids.length > 0 ? new Set(ids) : undefined);

export function unitItem(tenant: string, unit: StoredUnit): Record<string, unknown> {
  const { formerChildIds, formerMemberIds, ...rest } = unit;
  return {
    ...keys.unit(tenant, unit.id),
    type: 'unit',
    tenant,
    gsi1pk: keys.unitChildren(tenant, unit.parentId ?? '-'),
    gsi1sk: keys.unitChildSort(unit.id),
    gsi2pk: keys.tenantTree(tenant),
    gsi2sk: keys.treePath(unit.path),
    ...rest,
    formerChildIds: asSet(formerChildIds),
    formerMemberIds: asSet(formerMemberIds),
  };
}

/** The GSI keys of a unit at a placement (a job stages and settles them with the placement). */
export function placementKeys(tenant: string, parentId: string | null, path: readonly string[]) {
  return { gsi1pk: keys.unitChildren(tenant, parentId ?? '-'), gsi2sk: keys.treePath(path) };
}

/** Units as readers see them (docs/tree-history.md, "Any size"): resolved against the tree pointer. */
class Resolver {
  private pointer: Promise<TreePointer> | undefined;
  constructor(private readonly store: Store, private readonly tenant: string, known?: TreePointer) {
    if (known) this.pointer = Promise.resolve(known);
  }
  read(): Promise<TreePointer> {
    this.pointer ??= readPointer(this.store, this.tenant);
    return this.pointer;
  }
  async one(item: Record<string, unknown> | undefined): Promise<StoredUnit | undefined> {
    if (!item) return undefined;
    if (!needsPointer(item)) return StoredUnit.parse(item);
    const resolved = resolveItem(item, (await this.read()).generation);
    return resolved ? StoredUnit.parse(resolved) : undefined;
  }
  async many(items: readonly Record<string, unknown>[]): Promise<StoredUnit[]> {
    const seen = new Set<string>();
    const out: StoredUnit[] = [];
    for (const item of items) {
      const unit = await this.one(item);
      if (unit && !seen.has(unit.id)) {
        seen.add(unit.id);
        out.push(unit);
      }
    }
    return out;
  }
}

export async function getUnit(store: Store, tenant: string, unitId: string, options: { consistentRead?: boolean } = {}): Promise<StoredUnit | undefined> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.unit(tenant, unitId), ...(options.consistentRead ? { ConsistentRead: true } : {}) }));
  return new Resolver(store, tenant).one(out.Item);
}

export async function requireUnit(store: Store, tenant: string, unitId: string): Promise<StoredUnit> {
  const unit = await getUnit(store, tenant, unitId);
  if (!unit) throw new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị.');
  return unit;
}

/** Several units by id, resolved (missing ones absent). Strongly consistent on request. */
export async function getUnits(store: Store, tenant: string, ids: readonly string[], options: { consistentRead?: boolean } = {}): Promise<Map<string, StoredUnit>> {
  const found = new Map<string, StoredUnit>();
  const resolver = new Resolver(store, tenant);
  for (let i = 0; i < ids.length; i += 100) {
    let pending: Record<string, unknown>[] = [...new Set(ids.slice(i, i + 100))].map((id) => keys.unit(tenant, id));
    while (pending.length > 0) {
      const out = await store.doc.send(new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: pending, ...(options.consistentRead ? { ConsistentRead: true } : {}) } } }));
      for (const unit of await resolver.many(out.Responses?.[store.tableName] ?? [])) found.set(unit.id, unit);
      pending = out.UnprocessedKeys?.[store.tableName]?.Keys ?? [];
    }
  }
  return found;
}

const startsWith = (path: readonly string[], prefix: readonly string[]) => prefix.every((id, i) => path[i] === id);

/** Direct children, closed ones included only on request. One Query on GSI1 (and, while a job settles, the subtrees it moved here). */
export async function listChildren(
  store: Store,
  tenant: string,
  parentId: string,
  options: { includeClosed?: boolean } = {},
): Promise<StoredUnit[]> {
  const resolver = new Resolver(store, tenant);
  const [items, pointer] = await Promise.all([
    queryAll(store, { IndexName: indexNames.byParent, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': keys.unitChildren(tenant, parentId) } }),
    resolver.read(),
  ]);
  const movedHere = (pointer.settling?.rewrites ?? []).filter((r) => r.newParentId === parentId).map((r) => r.rootId);
  const extra = movedHere.length > 0 ? [...(await getUnits(store, tenant, movedHere, { consistentRead: true })).values()] : [];
  const units = [...(await resolver.many(items)), ...extra];
  const unique = [...new Map(units.map((u) => [u.id, u])).values()];
  return unique.filter((u) => u.parentId === parentId && (options.includeClosed || !u.closedOn));
}

/**
 * Units of the tenant's tree (GSI2) under a path prefix, or all of them, in path order. While a
 * job settles, a moved subtree is partly under its old path in the index: it is read there too and
 * every unit is placed by its resolved path, so the listing is the tree after the flip, whole.
 */
async function queryTree(store: Store, tenant: string, prefix?: readonly string[]): Promise<StoredUnit[]> {
  const query = (p?: readonly string[]) =>
    queryAll(store, {
      IndexName: indexNames.byPath,
      KeyConditionExpression: p === undefined ? 'gsi2pk = :t' : 'gsi2pk = :t AND begins_with(gsi2sk, :p)',
      ExpressionAttributeValues: { ':t': keys.tenantTree(tenant), ...(p === undefined ? {} : { ':p': keys.treePath(p) }) },
    });
  const resolver = new Resolver(store, tenant);
  const [items, pointer] = await Promise.all([query(prefix), resolver.read()]);
  const more: Record<string, unknown>[] = [];
  if (prefix) {
    for (const r of pointer.settling?.rewrites ?? []) {
      if (startsWith(r.newPath, prefix)) more.push(...(await query(r.oldPath)));
      else if (startsWith(prefix, r.newPath)) more.push(...(await query([...r.oldPath, ...prefix.slice(r.newPath.length)])));
    }
  }
  const units = await resolver.many([...items, ...more]);
  const inside = prefix ? units.filter((u) => startsWith(u.path, prefix)) : units;
  const order = (u: StoredUnit) => keys.treePath(u.path);
  return inside.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/** The whole subtree of a unit (itself included), in path order. One Query on GSI2. */
export async function listSubtree(
  store: Store,
  tenant: string,
  root: Pick<StoredUnit, 'path'>,
  options: { includeClosed?: boolean } = {},
): Promise<StoredUnit[]> {
  return (await queryTree(store, tenant, root.path)).filter((u) => options.includeClosed || !u.closedOn);
}

/** Every unit of the tenant, closed ones included, in path order (the reconcile's tree). One Query on GSI2. */
export function listAllUnits(store: Store, tenant: string): Promise<StoredUnit[]> {
  return queryTree(store, tenant);
}
