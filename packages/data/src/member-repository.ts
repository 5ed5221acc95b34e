import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from './batch';
import { queryAll } from './query-all';
import { DomainError, Member, isCell, vietnamDateOf, compareVietnameseNames, sortByVietnameseName, foldVietnamese, vietnameseNameSortKey, cellOn, checkEventDate, formatVietnameseDate, withStint, type LocalDate } from '@kd/domain';
import type { Store } from './client';
import { keys, indexNames } from './keys';
import { auditPut, type Actor } from './audit';
import { transact } from './transaction';
import type { StoredUnit } from './unit-repository';

export function memberItem(tenant: string, member: Member): Record<string, unknown> {
  return {
    ...keys.member(tenant, member.id),
    type: 'member',
    tenant,
    gsi1pk: keys.unitMembers(tenant, member.unitId),
    gsi1sk: keys.unitMemberSort(member.id),
    gsi2pk: keys.memberNames(tenant),
    gsi2sk: keys.memberNameSort(vietnameseNameSortKey(member.fullName), member.id),
    searchName: foldVietnamese(member.fullName),
    ...member,
  };
}

const versionConflict = () =>
  new DomainError('VERSION_CONFLICT', 'Hồ sơ đảng viên đã được người khác thay đổi. Vui lòng tải lại và thử lại.');

export async function getMember(store: Store, tenant: string, memberId: string): Promise<Member | undefined> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.member(tenant, memberId) }));
  return out.Item ? Member.parse(out.Item) : undefined;
}

export async function requireMember(store: Store, tenant: string, memberId: string): Promise<Member> {
  const m = await getMember(store, tenant, memberId);
  if (!m) throw new DomainError('MEMBER_NOT_FOUND', 'Không tìm thấy đảng viên.');
  return m;
}

/** Several members by id, in one or a few BatchGetItem calls (100 keys each). */
export async function getMembers(store: Store, tenant: string, ids: readonly string[], options: { consistentRead?: boolean } = {}): Promise<Map<string, Member>> {
  const items = await batchGetAll(store, ids.map((id) => keys.member(tenant, id)), options);
  const found = new Map<string, Member>();
  for (const item of items) {
    const m = Member.parse(item);
    found.set(m.id, m);
  }
  return found;
}

/** Every member of a unit (direct members only), in Vietnamese name order. One Query on GSI1. */
export async function listUnitMembers(store: Store, tenant: string, unitId: string): Promise<Member[]> {
  const items = await queryAll(store, {
    IndexName: indexNames.byParent,
    KeyConditionExpression: 'gsi1pk = :u',
    ExpressionAttributeValues: { ':u': keys.unitMembers(tenant, unitId) },
  });
  const members = items.map((item) => Member.parse(item));
  return sortByVietnameseName(members, (m) => m.fullName, (a, b) => (a.id < b.id ? -1 : 1));
}

/** Where a page of members ended: the last member's name and id (the sort order's key). */
export interface MemberPosition {
  name: string;
  id: string;
}

export interface MemberPage {
  members: Member[];
  total: number;
  next: MemberPosition | null;
}

/**
 * A page of a unit's members in Vietnamese name order (given name, then the rest), from after
 * `after`: the position after the last member of the previous page, so pages stay stable while
 * names are edited.
 */
export async function pageUnitMembers(
  store: Store,
  tenant: string,
  unitId: string,
  options: { limit: number; after?: MemberPosition | null },
): Promise<MemberPage> {
  const all = await listUnitMembers(store, tenant, unitId);
  let start = 0;
  const after = options.after;
  if (after) {
    start = all.findIndex((m) => (compareVietnameseNames(m.fullName, after.name) || (m.id < after.id ? -1 : m.id > after.id ? 1 : 0)) > 0);
    if (start < 0) start = all.length;
  }
  const members = all.slice(start, start + options.limit);
  const last = members.at(-1);
  const more = start + options.limit < all.length;
  return { members, total: all.length, next: more && last ? { name: last.fullName, id: last.id } : null };
}

export interface MemberSearchPage {
  members: Member[];
  /** The sort key of the last member returned, when more may follow (the next page starts after it). */
  next: string | null;
}

/**
 * A page of the tenant's members whose folded name contains `folded` (foldVietnamese) or whose id
 * begins with one of `idPrefixes` (neither: all), in Vietnamese name order, after the sort key `after`: one Query on the tenant's member-name
 * index (GSI2), the name matched by a filter in DynamoDB, so that only matches travel. `accept`
 * keeps the members a caller may see (a subtree); the Query goes on until a page is full.
 */
export async function searchMemberNames(
  store: Store,
  tenant: string,
  options: { folded: string; idPrefixes?: readonly string[]; limit: number; after?: string | null; accept?: (m: Member) => boolean },
): Promise<MemberSearchPage> {
  const prefixes = [...new Set(options.idPrefixes ?? [])];
  const filters = [...(options.folded ? ['contains(searchName, :q)'] : []), ...prefixes.map((_, i) => `begins_with(#id, :i${i})`)];
  const found: { member: Member; sort: string }[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        IndexName: indexNames.byPath,
        KeyConditionExpression: options.after ? 'gsi2pk = :p AND gsi2sk > :a' : 'gsi2pk = :p',
        ...(filters.length > 0 ? { FilterExpression: filters.join(' OR ') } : {}),
        ...(prefixes.length > 0 ? { ExpressionAttributeNames: { '#id': 'id' } } : {}),
        ExpressionAttributeValues: {
          ':p': keys.memberNames(tenant),
          ...(options.after ? { ':a': options.after } : {}),
          ...(options.folded ? { ':q': options.folded } : {}),
          ...Object.fromEntries(prefixes.map((p, i) => [`:i${i}`, p])),
        },
        Limit: 500,
        ExclusiveStartKey,
      }),
    );
    for (const item of out.Items ?? []) {
      const member = Member.parse(item);
      if (!options.accept || options.accept(member)) found.push({ member, sort: String(item.gsi2sk) });
    }
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey && found.length <= options.limit);
  const page = found.slice(0, options.limit);
  return { members: page.map((f) => f.member), next: found.length > options.limit || (ExclusiveStartKey && page.length > 0) ? (page.at(-1)?.sort ?? null) : null };
}

function memberCountDelta(tenant: string, store: Store, unitId: string, delta: number, leaving: readonly string[] = []) {
  // A unit remembers the members who left it: its roster on an earlier day still counts them.
  const add = leaving.length > 0 ? ' ADD formerMemberIds :left' : '';
  return {
    Update: {
      TableName: store.tableName,
      Key: keys.unit(tenant, unitId),
      UpdateExpression: `SET memberCount = if_not_exists(memberCount, :zero) + :d${add}`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':d': delta, ':zero': 0, ...(leaving.length > 0 ? { ':left': new Set(leaving) } : {}) },
    },
  };
}

/** The count and former-member update of a unit, for other multi-member writes (tree jobs). */
export { memberCountDelta };

/**
 * A cell's roster on a day: its members registered there that day, whether they are still there
 * (GSI1) or have left since (the unit's `formerMemberIds`). Members without dated periods are at
 * their cell every day.
 */
export async function rosterOn(store: Store, tenant: string, unit: Pick<StoredUnit, 'id' | 'formerMemberIds'>, day: LocalDate, options: { consistentRead?: boolean } = {}): Promise<Member[]> {
  const [current, former] = await Promise.all([
    listUnitMembers(store, tenant, unit.id),
    unit.formerMemberIds && unit.formerMemberIds.length > 0 ? getMembers(store, tenant, unit.formerMemberIds, options) : Promise.resolve(new Map<string, Member>()),
  ]);
  const all = new Map<string, Member>([...former, ...current.map((m) => [m.id, m] as const)]);
  return [...all.values()].filter((m) => cellOn(m, day) === unit.id);
}

export async function createMember(store: Store, tenant: string, unit: StoredUnit, input: Member, actor: Actor, at: string): Promise<Member> {
  if (!isCell(unit.kind)) throw new DomainError('NOT_A_CELL', 'Đảng viên chỉ sinh hoạt tại chi bộ.');
  if (unit.closedOn) throw new DomainError('UNIT_CLOSED', 'Chi bộ đã giải thể.');
  const member = Member.parse({ ...input, unitId: unit.id, version: 1 });
  await transact(
    store,
    [
      { Put: { TableName: store.tableName, Item: memberItem(tenant, member), ConditionExpression: 'attribute_not_exists(pk)' } },
      memberCountDelta(tenant, store, unit.id, 1),
      auditPut(store, tenant, { unitId: unit.id, at, actor, action: 'member.create', target: member.id, after: member }),
    ],
    (failed) =>
      failed.includes(0)
        ? new DomainError('MEMBER_EXISTS', 'Mã đảng viên này đã được dùng; mỗi mã chỉ dùng cho một đảng viên.')
        : new DomainError('UNIT_NOT_FOUND', 'Không tìm thấy đơn vị.'),
  );
  return member;
}

/** Updates a member's roster fields (not the unit: a transfer is its own action). */
export async function updateMember(
  store: Store,
  tenant: string,
  current: Member,
  changes: Partial<Omit<Member, 'id' | 'unitId' | 'version'>>,
  expectedVersion: number,
  actor: Actor,
  at: string,
): Promise<Member> {
  if (expectedVersion !== current.version) throw versionConflict();
  const updated = Member.parse({ ...current, ...changes, id: current.id, unitId: current.unitId, version: current.version + 1 });
  await transact(
    store,
    [
      {
        Put: {
          TableName: store.tableName,
          Item: memberItem(tenant, updated),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': current.version },
        },
      },
      auditPut(store, tenant, { unitId: current.unitId, at, actor, action: 'member.update', target: current.id, before: current, after: updated }),
    ],
    versionConflict,
  );
  return updated;
}

/**
 * Transfers a member to another cell on `effectiveOn` (default today): the member's period at the
 * old cell ends that day and one at the new cell begins; both units' counts and both audit trails
 * in one transaction.
 */
export async function transferMember(
  store: Store,
  tenant: string,
  current: Member,
  to: StoredUnit,
  expectedVersion: number,
  actor: Actor,
  at: string,
  effectiveOn?: LocalDate,
): Promise<Member> {
  if (expectedVersion !== current.version) throw versionConflict();
  if (!isCell(to.kind)) throw new DomainError('NOT_A_CELL', 'Đảng viên chỉ sinh hoạt tại chi bộ.');
  if (to.closedOn) throw new DomainError('UNIT_CLOSED', 'Chi bộ nơi chuyển đến đã giải thể.');
  if (to.id === current.unitId) return current;
  const today = vietnamDateOf(new Date(at));
  const on = effectiveOn ?? today;
  checkEventDate(on, today, []);
  const lastStart = (current.cells ?? []).map((s) => s.from).filter((d): d is string => d !== null).sort().at(-1);
  if (lastStart && on < lastStart) {
    throw new DomainError('EVENT_BEFORE_LAST', `Ngày chuyển ${formatVietnameseDate(on)} trước lần chuyển sinh hoạt đã ghi nhận (${formatVietnameseDate(lastStart)}).`);
  }
  const moved = Member.parse({ ...current, unitId: to.id, groupId: null, transferredInOn: on, cells: withStint(current, to.id, on, 'transfer'), version: current.version + 1 });
  await transact(
    store,
    [
      {
        Put: {
          TableName: store.tableName,
          Item: memberItem(tenant, moved),
          ConditionExpression: 'version = :v',
          ExpressionAttributeValues: { ':v': current.version },
        },
      },
      memberCountDelta(tenant, store, current.unitId, -1, [current.id]),
      memberCountDelta(tenant, store, to.id, 1),
      auditPut(store, tenant, { unitId: current.unitId, at, actor, action: 'member.transferOut', target: current.id, before: { unitId: current.unitId }, after: { unitId: to.id, on } }),
      auditPut(store, tenant, { unitId: to.id, at, actor, action: 'member.transferIn', target: current.id, before: { unitId: current.unitId }, after: { unitId: to.id, on } }),
    ],
    versionConflict,
  );
  return moved;
}
