import { randomUUID } from 'node:crypto';
import { DomainError, Member, isCell, foldHeader, type RosterMember, type RosterKey } from '@kd/domain';
import type { Store } from './client';
import { keys } from './keys';
import { auditPut, type Actor } from './audit';
import { MAX_TRANSACTION_ITEMS, transact, type TransactItem } from './transaction';
import { getMembers, listUnitMembers, memberItem } from './member-repository';
import { StoredUnit, listChildren, unitItem } from './unit-repository';
import { treeUnlocked } from './tree-pointer';

/** What a roster upload will do (dry run) or did (commit) to the unit's members. */
export interface RosterPlan {
  created: Member[];
  updated: { before: Member; after: Member }[];
  unchanged: number;
  /** Tổ đảng named in the file that the cell does not have yet. */
  groupsCreated: StoredUnit[];
  /** The unit's members the file does not mention: kept, listed so the user can act on them. */
  notInFile: Member[];
}

/** The roster fields a file can carry; a column absent from the file leaves its field as it is. */
const fileFields: readonly Exclude<RosterKey, 'id' | 'groupName'>[] = [
  'fullName',
  'birthDate',
  'admittedOn',
  'officialOn',
  'partyPosition',
  'governmentPosition',
  'civilServant',
  'exempt',
  'suspended',
  'transferredInOn',
  'temporaryAttachmentAt',
];

/**
 * The ids of a file that belong to another unit of the tenant, for MEMBER_IN_OTHER_UNIT
 * (docs/spreadsheets.md, "The roster"). Only that they are taken: which unit holds them is neither
 * read nor returned, so the answer (and the work behind it) is the same wherever they are.
 * One BatchGetItem per 100 ids.
 */
export async function membersElsewhere(store: Store, tenant: string, unitId: string, ids: readonly string[]): Promise<Set<string>> {
  const found = await getMembers(store, tenant, ids);
  return new Set([...found.values()].filter((m) => m.unitId !== unitId).map((m) => m.id));
}

/**
 * Compares a roster file's valid rows with the unit's members: who is new, who changed (only in
 * the columns the file has), which groups must be created, and who the file leaves out.
 * Reads only; `commitRoster` writes the plan.
 */
export async function planRoster(
  store: Store,
  tenant: string,
  unit: StoredUnit,
  rows: readonly RosterMember[],
  columns: ReadonlySet<RosterKey>,
): Promise<RosterPlan> {
  if (!isCell(unit.kind)) throw new DomainError('NOT_A_CELL', 'Danh sách đảng viên chỉ tải lên cho chi bộ.');
  if (unit.closedOn) throw new DomainError('UNIT_CLOSED', 'Chi bộ đã giải thể.');
  const [current, children] = await Promise.all([listUnitMembers(store, tenant, unit.id), listChildren(store, tenant, unit.id)]);
  const byId = new Map(current.map((m) => [m.id, m]));
  const groups = new Map(children.filter((u) => u.kind === 'group').map((g) => [foldHeader(g.name), g.id]));
  const groupsCreated: StoredUnit[] = [];
  const groupIdOf = (name: string | null): string | null => {
    if (name === null) return null;
    const folded = foldHeader(name);
    let id = groups.get(folded);
    if (!id) {
      id = `${unit.id}-${randomUUID().slice(0, 8)}`;
      groups.set(folded, id);
      groupsCreated.push(StoredUnit.parse({ id, name, kind: 'group', parentId: unit.id, path: [...unit.path, id], sector: unit.sector, version: 1, memberCount: 0 }));
    }
    return id;
  };

  const plan: RosterPlan = { created: [], updated: [], unchanged: 0, groupsCreated, notInFile: [] };
  const inFile = new Set<string>();
  for (const row of rows) {
    inFile.add(row.id);
    const before = byId.get(row.id);
    const stated: Partial<Member> = {};
    for (const key of fileFields) if (columns.has(key)) Object.assign(stated, { [key]: row[key] });
    if (columns.has('groupName')) stated.groupId = groupIdOf(row.groupName);
    if (!before) {
      plan.created.push(Member.parse({ ...row, ...stated, id: row.id, unitId: unit.id, version: 1 }));
      continue;
    }
    const after = Member.parse({ ...before, ...stated, id: before.id, unitId: unit.id, version: before.version + 1 });
    if (sameMember(before, after)) plan.unchanged += 1;
    else plan.updated.push({ before, after });
  }
  plan.notInFile = current.filter((m) => !inFile.has(m.id));
  return plan;
}

function sameMember(a: Member, b: Member): boolean {
  return fileFields.every((k) => a[k] === b[k]) && a.groupId === b.groupId;
}

/** Lists in an audit entry stay well under DynamoDB's 400 KB item limit. */
const MAX_AUDIT_IDS = 2000;

/**
 * Writes a roster plan: new groups, new members (with the unit's member count) and updated
 * members (each on condition of the version it was read at), in transactions of up to 100
 * actions, with ONE audit entry for the whole upload. The audit entry travels in the first
 * transaction, so no member changes without it. A roster that needs several transactions is
 * not atomic as a whole: if one fails (a member edited meanwhile → 409 VERSION_CONFLICT), the
 * earlier ones stand, and uploading the same file again completes the rest (the members already
 * written are then unchanged). Members are never removed.
 */
export async function commitRoster(
  store: Store,
  tenant: string,
  unit: StoredUnit,
  plan: RosterPlan,
  context: { actor: Actor; at: string },
): Promise<void> {
  const changes = plan.created.length + plan.updated.length + plan.groupsCreated.length;
  if (changes === 0) return;
  const writes: { item: TransactItem; created: boolean }[] = [
    ...plan.groupsCreated.map((g) => ({
      item: { Put: { TableName: store.tableName, Item: unitItem(tenant, g), ConditionExpression: 'attribute_not_exists(pk)' } } as TransactItem,
      created: false,
    })),
    ...plan.created.map((m) => ({
      item: { Put: { TableName: store.tableName, Item: memberItem(tenant, m), ConditionExpression: 'attribute_not_exists(pk)' } } as TransactItem,
      created: true,
    })),
    ...plan.updated.map(({ before, after }) => ({
      item: {
        Put: {
          TableName: store.tableName,
          Item: memberItem(tenant, after),
          ConditionExpression: 'version = :v AND unitId = :u',
          ExpressionAttributeValues: { ':v': before.version, ':u': unit.id },
        },
      } as TransactItem,
      created: false,
    })),
  ];
  const ids = (list: readonly { id: string }[]) => list.slice(0, MAX_AUDIT_IDS).map((m) => m.id);
  const audit = auditPut(store, tenant, {
    unitId: unit.id,
    at: context.at,
    actor: context.actor,
    action: 'roster.upload',
    target: unit.id,
    before: null,
    after: {
      created: plan.created.length,
      updated: plan.updated.length,
      unchanged: plan.unchanged,
      groupsCreated: plan.groupsCreated.map((g) => ({ id: g.id, name: g.name })),
      createdIds: ids(plan.created),
      updatedIds: ids(plan.updated.map((u) => u.after)),
    },
  });
  // Each transaction: the unit's guard/count update, the audit entry in the first, the rest writes.
  let first = true;
  for (let i = 0; i < writes.length; ) {
    const room = MAX_TRANSACTION_ITEMS - 2 - (first ? 1 : 0);
    const chunk = writes.slice(i, i + room);
    i += chunk.length;
    const added = chunk.filter((w) => w.created).length;
    const items: TransactItem[] = chunk.map((w) => w.item);
    items.push({
      Update: {
        TableName: store.tableName,
        Key: keys.unit(tenant, unit.id),
        UpdateExpression: 'SET memberCount = if_not_exists(memberCount, :zero) + :d',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(closedOn) OR closedOn = :null)',
        ExpressionAttributeValues: { ':d': added, ':zero': 0, ':null': null },
      },
    });
    if (first) items.push(audit);
    // New groups are units: no tree job may be rewriting the tree meanwhile.
    if (chunk.some((w) => 'Put' in w.item && (w.item.Put as { Item: Record<string, unknown> }).Item.type === 'unit')) items.push(treeUnlocked(store, tenant));
    await transact(store, items, () =>
      new DomainError('VERSION_CONFLICT', 'Danh sách đảng viên vừa được người khác thay đổi. Vui lòng kiểm tra lại và tải lên lần nữa.'),
    );
    first = false;
  }
}
