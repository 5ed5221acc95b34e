import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from './query-all';
import { z } from 'zod';
import { DomainError, canContain, unitKindLabels, Unit, isInSubtree, type LocalDate } from '@kd/domain';
import type { Store } from './client';
import { keys, indexNames } from './keys';
import { auditPut, type Actor } from './audit';
import { MAX_TRANSACTION_ITEMS, transact, type TransactItem } from './transaction';

/** A unit as stored: the domain unit plus its direct member count, kept in step with the members. */
export const StoredUnit = Unit.extend({ memberCount: z.number().int().nonnegative().default(0) });
export type StoredUnit = z.infer<typeof StoredUnit>;

const versionConflict = () =>
  new DomainError('VERSION_CONFLICT', 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại trang và thử lại.');

export function unitItem(tenant: string, unit: StoredUnit): Record<string, unknown> {
  return {
    ...keys.unit(tenant, unit.id),
    type: 'unit',
    tenant,
    gsi1pk: keys.unitChildren(tenant, unit.parentId ?? '-'),
    gsi1sk: keys.unitChildSort(unit.id),
    gsi2pk: keys.tenantTree(tenant),
    gsi2sk: keys.treePath(unit.path),
    ...unit,
  };
}

function parse(item: Record<string, unknown> | undefined): StoredUnit | undefined {
  return item ? StoredUnit.parse(item) : undefined;
}

export async function getUnit(store: Store, tenant: string, unitId: string): Promise<StoredUnit | undefined> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.unit(tenant, unitId) }));
  return parse(out.Item);
}

export async function requireUnit(store: Store, tenant: string, unitId: string): Promise<StoredUnit> {
  const unit = await getUnit(store, tenant, unitId);
  if (!unit) throw new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị.');
  return unit;
}

/** Direct children, closed ones included only on request. One Query on GSI1. */
export async function listChildren(
  store: Store,
  tenant: string,
  parentId: string,
  options: { includeClosed?: boolean } = {},
): Promise<StoredUnit[]> {
  const items = await queryAll(store, {
    IndexName: indexNames.byParent,
    KeyConditionExpression: 'gsi1pk = :p',
    ExpressionAttributeValues: { ':p': keys.unitChildren(tenant, parentId) },
  });
  return items.map((i) => StoredUnit.parse(i)).filter((u) => options.includeClosed || !u.closedOn);
}

/** Units of the tenant's tree (GSI2), those under a path prefix or all of them, in path order. */
async function queryTree(store: Store, tenant: string, pathPrefix?: string): Promise<StoredUnit[]> {
  const items = await queryAll(store, {
    IndexName: indexNames.byPath,
    KeyConditionExpression: pathPrefix === undefined ? 'gsi2pk = :t' : 'gsi2pk = :t AND begins_with(gsi2sk, :p)',
    ExpressionAttributeValues: { ':t': keys.tenantTree(tenant), ...(pathPrefix === undefined ? {} : { ':p': pathPrefix }) },
  });
  return items.map((i) => StoredUnit.parse(i));
}

/** The whole subtree of a unit (itself included), in path order. One Query on GSI2. */
export async function listSubtree(
  store: Store,
  tenant: string,
  root: Pick<StoredUnit, 'path'>,
  options: { includeClosed?: boolean } = {},
): Promise<StoredUnit[]> {
  return (await queryTree(store, tenant, keys.treePath(root.path))).filter((u) => options.includeClosed || !u.closedOn);
}

/** Every unit of the tenant, closed ones included, in path order (the reconcile's tree). One Query on GSI2. */
export function listAllUnits(store: Store, tenant: string): Promise<StoredUnit[]> {
  return queryTree(store, tenant);
}

export interface NewUnit {
  id: string;
  name: string;
  kind: StoredUnit['kind'];
  foundedOn?: LocalDate | null;
  sector?: StoredUnit['sector'];
}

/** Creates the province (root) of a tenant. */
export async function createRootUnit(store: Store, tenant: string, input: NewUnit, actor: Actor, at: string): Promise<StoredUnit> {
  const unit = StoredUnit.parse({ ...input, parentId: null, path: [input.id], version: 1, memberCount: 0 });
  await transact(
    store,
    [
      { Put: { TableName: store.tableName, Item: unitItem(tenant, unit), ConditionExpression: 'attribute_not_exists(pk)' } },
      auditPut(store, tenant, { unitId: unit.id, at, actor, action: 'unit.create', target: unit.id, after: unit }),
    ],
    () => new DomainError('UNIT_EXISTS', 'Đơn vị đã tồn tại.'),
  );
  return unit;
}

export async function createChildUnit(
  store: Store,
  tenant: string,
  parent: StoredUnit,
  input: NewUnit,
  actor: Actor,
  at: string,
): Promise<StoredUnit> {
  if (parent.closedOn) throw new DomainError('UNIT_CLOSED', 'Đơn vị cấp trên đã giải thể, không thể tạo đơn vị con.');
  if (!canContain(parent.kind, input.kind)) {
    throw new DomainError('KIND_NOT_ALLOWED', `Không thể tạo ${unitKindLabels[input.kind]} trực thuộc ${unitKindLabels[parent.kind]}.`,
      { parentKind: parent.kind, kind: input.kind },
    );
  }
  const unit = StoredUnit.parse({ ...input, parentId: parent.id, path: [...parent.path, input.id], version: 1, memberCount: 0 });
  await transact(
    store,
    [
      { Put: { TableName: store.tableName, Item: unitItem(tenant, unit), ConditionExpression: 'attribute_not_exists(pk)' } },
      {
        ConditionCheck: {
          TableName: store.tableName,
          Key: keys.unit(tenant, parent.id),
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(closedOn) OR closedOn = :null)',
          ExpressionAttributeValues: { ':null': null },
        },
      },
      auditPut(store, tenant, { unitId: parent.id, at, actor, action: 'unit.create', target: unit.id, after: unit }),
    ],
    (failed) =>
      failed.includes(0) ? new DomainError('UNIT_EXISTS', 'Mã đơn vị đã tồn tại.') : new DomainError('PARENT_CHANGED', 'Đơn vị cấp trên vừa thay đổi.'),
  );
  return unit;
}

function versionGuard(unit: StoredUnit) {
  return { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': unit.version } };
}

export async function renameUnit(
  store: Store,
  tenant: string,
  unit: StoredUnit,
  name: string,
  expectedVersion: number | undefined,
  actor: Actor,
  at: string,
): Promise<StoredUnit> {
  if (expectedVersion !== undefined && expectedVersion !== unit.version) throw versionConflict();
  const renamed = StoredUnit.parse({ ...unit, name, version: unit.version + 1 });
  await transact(
    store,
    [
      { Put: { TableName: store.tableName, Item: unitItem(tenant, renamed), ...versionGuard(unit) } },
      auditPut(store, tenant, { unitId: unit.id, at, actor, action: 'unit.rename', target: unit.id, before: { name: unit.name }, after: { name: renamed.name } }),
    ],
    versionConflict,
  );
  return renamed;
}

/**
 * Moves a unit (with its subtree) under another parent in one transaction: every path in the
 * subtree changes together or not at all. Subtrees that do not fit one transaction are refused.
 */
export async function moveUnit(
  store: Store,
  tenant: string,
  unit: StoredUnit,
  newParent: StoredUnit,
  expectedVersion: number | undefined,
  actor: Actor,
  at: string,
): Promise<StoredUnit> {
  if (expectedVersion !== undefined && expectedVersion !== unit.version) throw versionConflict();
  if (unit.parentId === null) throw new DomainError('CANNOT_MOVE_ROOT', 'Không thể chuyển đơn vị gốc.');
  if (isInSubtree(newParent, unit)) throw new DomainError('MOVE_INTO_OWN_SUBTREE', 'Không thể chuyển đơn vị vào chính cây đơn vị của nó.');
  if (newParent.closedOn) throw new DomainError('UNIT_CLOSED', 'Đơn vị cấp trên mới đã giải thể.');
  if (!canContain(newParent.kind, unit.kind)) {
    throw new DomainError('KIND_NOT_ALLOWED', `Không thể chuyển ${unitKindLabels[unit.kind]} về trực thuộc ${unitKindLabels[newParent.kind]}.`);
  }
  const subtree = await listSubtree(store, tenant, unit, { includeClosed: true });
  if (subtree.length + 3 > MAX_TRANSACTION_ITEMS) {
    throw new DomainError('SUBTREE_TOO_LARGE', `Cây đơn vị có ${subtree.length} đơn vị, vượt quá giới hạn ${MAX_TRANSACTION_ITEMS - 3} đơn vị cho một lần chuyển.`);
  }
  const oldPrefix = unit.path.length - 1;
  const moved = subtree.map((u) =>
    StoredUnit.parse({
      ...u,
      parentId: u.id === unit.id ? newParent.id : u.parentId,
      path: [...newParent.path, ...u.path.slice(oldPrefix)],
      version: u.version + 1,
    }),
  );
  const items: TransactItem[] = moved.map((m, i) => ({
    Put: { TableName: store.tableName, Item: unitItem(tenant, m), ...versionGuard(subtree[i]!) },
  }));
  items.push({
    ConditionCheck: {
      TableName: store.tableName,
      Key: keys.unit(tenant, newParent.id),
      ...versionGuard(newParent),
    },
  });
  items.push(
    auditPut(store, tenant, {
      unitId: unit.id,
      at,
      actor,
      action: 'unit.move',
      target: unit.id,
      before: { parentId: unit.parentId, path: unit.path },
      after: { parentId: newParent.id, path: moved[0]!.path },
    }),
  );
  await transact(store, items, versionConflict);
  return moved.find((m) => m.id === unit.id)!;
}

/** Closes (giải thể) a unit; it stays in the history. Units with open children or members cannot close. */
export async function closeUnit(
  store: Store,
  tenant: string,
  unit: StoredUnit,
  closedOn: LocalDate,
  expectedVersion: number | undefined,
  actor: Actor,
  at: string,
): Promise<StoredUnit> {
  if (expectedVersion !== undefined && expectedVersion !== unit.version) throw versionConflict();
  if (unit.closedOn) throw new DomainError('UNIT_CLOSED', 'Đơn vị đã giải thể.');
  if (unit.parentId === null) throw new DomainError('CANNOT_CLOSE_ROOT', 'Không thể giải thể đơn vị gốc.');
  const children = await listChildren(store, tenant, unit.id);
  if (children.length > 0) throw new DomainError('UNIT_HAS_CHILDREN', 'Đơn vị còn đơn vị trực thuộc đang hoạt động.');
  if (unit.memberCount > 0) throw new DomainError('UNIT_HAS_MEMBERS', 'Đơn vị còn đảng viên sinh hoạt; hãy chuyển sinh hoạt trước khi giải thể.');
  const closed = StoredUnit.parse({ ...unit, closedOn, version: unit.version + 1 });
  await transact(
    store,
    [
      { Put: { TableName: store.tableName, Item: unitItem(tenant, closed), ConditionExpression: 'version = :v AND memberCount = :zero', ExpressionAttributeValues: { ':v': unit.version, ':zero': 0 } } },
      auditPut(store, tenant, { unitId: unit.id, at, actor, action: 'unit.close', target: unit.id, before: { closedOn: null }, after: { closedOn } }),
    ],
    versionConflict,
  );
  return closed;
}
