import { DomainError, canContain, checkEventDate, existsOn, formatVietnameseDate, isInSubtree, unitKindLabels, vietnamDateOf, withSpan, type LocalDate } from '@kd/domain';
import type { Store } from './client';
import { keys } from './keys';
import { auditPut, type Actor } from './audit';
import { MAX_TRANSACTION_ITEMS, transact, type TransactItem } from './transaction';
import { treeUnlocked } from './tree-pointer';
import { StoredUnit, listChildren, listSubtree, placementKeys, unitItem } from './unit-repository';

/**
 * The dated events of one unit that fit one transaction (docs/tree-history.md): found, rename,
 * move (a subtree of up to `MAX_MOVE_IN_ONE` units), close. Each checks that no tree job holds the
 * tree, appends the unit's period, and writes its audit entry in the same transaction. Larger moves,
 * merges and splits are tree jobs (tree-job-repository.ts).
 */
export interface NewUnit {
  id: string;
  name: string;
  kind: StoredUnit['kind'];
  foundedOn?: LocalDate | null;
  sector?: StoredUnit['sector'];
}

/** Units a move rewrites in one transaction (with the new parent's check, the lock check and the audit entry). */
export const MAX_MOVE_IN_ONE = MAX_TRANSACTION_ITEMS - 3;

const versionConflict = () =>
  new DomainError('VERSION_CONFLICT', 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại trang và thử lại.');
const busyOr = (other: () => Error, lockIndex: number) => (failed: number[]) =>
  failed.includes(lockIndex) ? new DomainError('TREE_BUSY', 'Đang có thao tác chuyển, hợp nhất hoặc chia tách đơn vị của tỉnh: chờ thao tác đó xong rồi thử lại.') : other();

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

/** Founds a unit under `parent` on `foundedOn` (default: today). */
export async function createChildUnit(store: Store, tenant: string, parent: StoredUnit, input: NewUnit, actor: Actor, at: string): Promise<StoredUnit> {
  const today = vietnamDateOf(new Date(at));
  const foundedOn = input.foundedOn === undefined ? today : input.foundedOn;
  if (parent.closedOn) throw new DomainError('UNIT_CLOSED', 'Đơn vị cấp trên đã giải thể, không thể tạo đơn vị con.');
  if (foundedOn !== null) {
    checkEventDate(foundedOn, today, []);
    if (!existsOn(parent, foundedOn)) throw new DomainError('EVENT_BEFORE_LAST', `Ngày ${formatVietnameseDate(foundedOn)} đơn vị cấp trên chưa thành lập.`);
  }
  if (!canContain(parent.kind, input.kind)) {
    throw new DomainError('KIND_NOT_ALLOWED', `Không thể tạo ${unitKindLabels[input.kind]} trực thuộc ${unitKindLabels[parent.kind]}.`, { parentKind: parent.kind, kind: input.kind });
  }
  const unit = StoredUnit.parse({ ...input, foundedOn, parentId: parent.id, path: [...parent.path, input.id], version: 1, memberCount: 0 });
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
      treeUnlocked(store, tenant),
      auditPut(store, tenant, { unitId: parent.id, at, actor, action: 'unit.create', target: unit.id, after: unit }),
    ],
    busyOr(() => new DomainError('PARENT_CHANGED', 'Đơn vị cấp trên vừa thay đổi.'), 2),
  );
  return unit;
}

/** The structural attributes of a unit, written with an Update so the member count is never overwritten. */
export function structureUpdate(store: Store, tenant: string, before: StoredUnit, after: StoredUnit): TransactItem {
  const gsi = placementKeys(tenant, after.parentId, after.path);
  const spans = after.spans ? ', spans = :spans' : '';
  return {
    Update: {
      TableName: store.tableName,
      Key: keys.unit(tenant, before.id),
      UpdateExpression: `SET #name = :name, parentId = :parent, #path = :path, closedOn = :closed, version = :next, gsi1pk = :g1, gsi2sk = :g2${spans}`,
      ConditionExpression: 'version = :v',
      ExpressionAttributeNames: { '#name': 'name', '#path': 'path' },
      ExpressionAttributeValues: {
        ':name': after.name, ':parent': after.parentId, ':path': after.path, ':closed': after.closedOn,
        ':next': before.version + 1, ':v': before.version, ':g1': gsi.gsi1pk, ':g2': gsi.gsi2sk,
        ...(after.spans ? { ':spans': after.spans } : {}),
      },
    },
  };
}

function dayOf(at: string, on: LocalDate | undefined): { on: LocalDate; today: LocalDate } {
  const today = vietnamDateOf(new Date(at));
  return { on: on ?? today, today };
}

export async function renameUnit(store: Store, tenant: string, unit: StoredUnit, name: string, expectedVersion: number | undefined, actor: Actor, at: string, effectiveOn?: LocalDate): Promise<StoredUnit> {
  if (expectedVersion !== undefined && expectedVersion !== unit.version) throw versionConflict();
  const { on, today } = dayOf(at, effectiveOn);
  checkEventDate(on, today, [unit]);
  const renamed = StoredUnit.parse({ ...unit, name, spans: withSpan(unit, on, { name }), version: unit.version + 1 });
  await transact(
    store,
    [
      structureUpdate(store, tenant, unit, renamed),
      treeUnlocked(store, tenant),
      auditPut(store, tenant, { unitId: unit.id, at, actor, action: 'unit.rename', target: unit.id, before: { name: unit.name }, after: { name: renamed.name, on } }),
    ],
    busyOr(versionConflict, 1),
  );
  return renamed;
}

/** Checks a move before it is planned, small or large: the same refusals either way. */
export function checkMove(unit: StoredUnit, newParent: StoredUnit, on: LocalDate, today: LocalDate): void {
  if (unit.parentId === null) throw new DomainError('CANNOT_MOVE_ROOT', 'Không thể chuyển đơn vị gốc.');
  if (isInSubtree(newParent, unit)) throw new DomainError('MOVE_INTO_OWN_SUBTREE', 'Không thể chuyển đơn vị vào chính cây đơn vị của nó.');
  if (newParent.closedOn) throw new DomainError('UNIT_CLOSED', 'Đơn vị cấp trên mới đã giải thể.');
  if (unit.closedOn) throw new DomainError('UNIT_CLOSED', 'Đơn vị đã giải thể.');
  if (!canContain(newParent.kind, unit.kind)) {
    throw new DomainError('KIND_NOT_ALLOWED', `Không thể chuyển ${unitKindLabels[unit.kind]} về trực thuộc ${unitKindLabels[newParent.kind]}.`);
  }
  checkEventDate(on, today, [unit]);
  if (!existsOn(newParent, on)) throw new DomainError('EVENT_BEFORE_LAST', `Ngày ${formatVietnameseDate(on)} đơn vị cấp trên mới chưa thành lập.`);
}

/**
 * Moves a unit (with its subtree) under another parent on `on`, in one transaction: every path in
 * the subtree changes together or not at all. A subtree of more than `MAX_MOVE_IN_ONE` units is a
 * tree job: `null` tells the caller to plan one.
 */
export async function moveUnit(
  store: Store,
  tenant: string,
  unit: StoredUnit,
  newParent: StoredUnit,
  expectedVersion: number | undefined,
  actor: Actor,
  at: string,
  effectiveOn?: LocalDate,
): Promise<StoredUnit | null> {
  if (expectedVersion !== undefined && expectedVersion !== unit.version) throw versionConflict();
  const { on, today } = dayOf(at, effectiveOn);
  checkMove(unit, newParent, on, today);
  const subtree = await listSubtree(store, tenant, unit, { includeClosed: true });
  if (subtree.length > MAX_MOVE_IN_ONE) return null;
  const oldPrefix = unit.path.length - 1;
  const moved = subtree.map((u) =>
    StoredUnit.parse({
      ...u,
      parentId: u.id === unit.id ? newParent.id : u.parentId,
      path: [...newParent.path, ...u.path.slice(oldPrefix)],
      spans: u.id === unit.id ? withSpan(u, on, { parentId: newParent.id }) : u.spans,
      version: u.version + 1,
    }),
  );
  const items: TransactItem[] = moved.map((m, i) => structureUpdate(store, tenant, subtree[i]!, m));
  items.push({ ConditionCheck: { TableName: store.tableName, Key: keys.unit(tenant, newParent.id), ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': newParent.version } } });
  const lockIndex = items.length;
  items.push(treeUnlocked(store, tenant));
  items.push(
    auditPut(store, tenant, {
      unitId: unit.id, at, actor, action: 'unit.move', target: unit.id,
      before: { parentId: unit.parentId, path: unit.path },
      after: { parentId: newParent.id, path: moved[0]!.path, on },
    }),
  );
  // The old parent remembers the child it had: that campaign's tree still lists it (tree-on.ts).
  if (unit.parentId) {
    items.push({
      Update: { TableName: store.tableName, Key: keys.unit(tenant, unit.parentId), UpdateExpression: 'ADD formerChildIds :c', ExpressionAttributeValues: { ':c': new Set([unit.id]) } },
    });
  }
  await transact(store, items, busyOr(versionConflict, lockIndex));
  return moved.find((m) => m.id === unit.id)!;
}

/** Closes (giải thể) a unit on `closedOn` (may be ahead of today); it stays in the history. Units with open children or members cannot close. */
export async function closeUnit(store: Store, tenant: string, unit: StoredUnit, closedOn: LocalDate, expectedVersion: number | undefined, actor: Actor, at: string): Promise<StoredUnit> {
  if (expectedVersion !== undefined && expectedVersion !== unit.version) throw versionConflict();
  if (unit.closedOn) throw new DomainError('UNIT_CLOSED', 'Đơn vị đã giải thể.');
  if (unit.parentId === null) throw new DomainError('CANNOT_CLOSE_ROOT', 'Không thể giải thể đơn vị gốc.');
  // A dissolution may be decided ahead: the unit stays in the tree of every day before `closedOn`.
  checkEventDate(closedOn, '9999-12-31', [unit]);
  const children = await listChildren(store, tenant, unit.id);
  if (children.length > 0) throw new DomainError('UNIT_HAS_CHILDREN', 'Đơn vị còn đơn vị trực thuộc đang hoạt động.');
  if (unit.memberCount > 0) throw new DomainError('UNIT_HAS_MEMBERS', 'Đơn vị còn đảng viên sinh hoạt; hãy chuyển sinh hoạt trước khi giải thể.');
  const closed = StoredUnit.parse({ ...unit, closedOn, version: unit.version + 1 });
  const update = structureUpdate(store, tenant, unit, closed) as { Update: { ConditionExpression: string; ExpressionAttributeValues: Record<string, unknown> } };
  update.Update.ConditionExpression = 'version = :v AND memberCount = :zero';
  update.Update.ExpressionAttributeValues[':zero'] = 0;
  await transact(
    store,
    [
      update as TransactItem,
      treeUnlocked(store, tenant),
      auditPut(store, tenant, { unitId: unit.id, at, actor, action: 'unit.close', target: unit.id, before: { closedOn: null }, after: { closedOn } }),
    ],
    busyOr(versionConflict, 1),
  );
  return closed;
}
