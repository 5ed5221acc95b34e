import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { Member, withStint } from '@kd/domain';
import type { Store } from './client';
import { keys } from './keys';
import { auditPut, type Actor } from './audit';
import { getMembers, listUnitMembers, memberCountDelta, memberItem } from './member-repository';
import { transact, type TransactItem } from './transaction';
import type { Carry, TreeJob, UnitChange } from './tree-job';
import type { Rewrite } from './tree-pointer';
import { placementKeys } from './unit-repository';

/**
 * The idempotent steps of a tree job (docs/tree-history.md, "Any size"). Each can run again after a
 * crash and ends the same: staging writes the same staged attributes, the flip and settling are
 * conditioned on the generation, carrying members is conditioned on where each member is.
 */
const isConditionFailure = (e: unknown) => e instanceof ConditionalCheckFailedException || (e as { name?: string })?.name === 'ConditionalCheckFailedException';

function stagedSet(tenant: string, change: UnitChange): Record<string, unknown> {
  const { gsi1pk, gsi2sk } = placementKeys(tenant, change.set.parentId, change.set.path);
  return Object.fromEntries(Object.entries({ ...change.set, gsi1pk, gsi2sk }).filter(([, v]) => v !== undefined));
}

/** Stages one unit's change for `generation`: invisible until the pointer flips to it. */
export async function stageChange(store: Store, tenant: string, generation: number, change: UnitChange): Promise<void> {
  const former = change.formerChildIds && change.formerChildIds.length > 0;
  await store.doc.send(
    new UpdateCommand({
      TableName: store.tableName,
      Key: keys.unit(tenant, change.unitId),
      UpdateExpression: `SET staged = :s${former ? ' ADD formerChildIds :c' : ''}`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':s': { generation, set: stagedSet(tenant, change) }, ...(former ? { ':c': new Set(change.formerChildIds) } : {}) },
    }),
  );
}

/** Makes a staged change the unit's own: same values, the index keys with them. Nothing if already settled. */
export async function settleChange(store: Store, tenant: string, generation: number, change: UnitChange): Promise<boolean> {
  const set = stagedSet(tenant, change);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':g': generation, ':one': 1 };
  const assignments = Object.entries(set).map(([k, v], i) => {
    names[`#a${i}`] = k;
    values[`:a${i}`] = v;
    return `#a${i} = :a${i}`;
  });
  try {
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.unit(tenant, change.unitId),
        UpdateExpression: `SET ${assignments.join(', ')} ADD version :one REMOVE staged`,
        ConditionExpression: 'staged.generation = :g',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * The flip: from now on readers see `generation`, and listings add the moved subtrees from their old
 * index positions until every unit is settled. Idempotent: a flip already made is left as it is.
 */
export async function flipTree(store: Store, tenant: string, jobId: string, generation: number, rewrites: readonly Rewrite[]): Promise<void> {
  try {
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.treePointer(tenant),
        UpdateExpression: 'SET generation = :g, settling = :s',
        ConditionExpression: 'lockedBy = :job AND generation = :before',
        ExpressionAttributeValues: { ':g': generation, ':s': { generation, rewrites }, ':job': jobId, ':before': generation - 1 },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

/** Members per carrying transaction: each member's put, both cells' counts. */
const MEMBERS_PER_CARRY = 40;

/**
 * Carries a cell's members (or those named) to its successor on the event's date: each member's
 * period at the old cell ends and one at the successor begins (`via` merge or split); counts and
 * former members move in the same transaction. Runs until none is left at the old cell; a member
 * already carried is not touched again. Returns how many it carried.
 */
export async function carryMembers(store: Store, tenant: string, carry: Carry, on: string): Promise<number> {
  let carried = 0;
  for (let round = 0; round < 1000; round++) {
    const named = carry.memberIds ? [...(await getMembers(store, tenant, carry.memberIds, { consistentRead: true })).values()] : await listUnitMembers(store, tenant, carry.fromCellId);
    const waiting = named.filter((m) => m.unitId === carry.fromCellId);
    if (waiting.length === 0) return carried;
    for (let i = 0; i < waiting.length; i += MEMBERS_PER_CARRY) {
      const chunk = waiting.slice(i, i + MEMBERS_PER_CARRY);
      const items: TransactItem[] = chunk.map((m) => {
        const moved = Member.parse({ ...m, unitId: carry.toCellId, groupId: carry.via === 'merge' ? m.groupId : null, cells: withStint(m, carry.toCellId, on, carry.via), version: m.version + 1 });
        return { Put: { TableName: store.tableName, Item: memberItem(tenant, moved), ConditionExpression: 'version = :v AND unitId = :from', ExpressionAttributeValues: { ':v': m.version, ':from': carry.fromCellId } } };
      });
      items.push(memberCountDelta(tenant, store, carry.fromCellId, -chunk.length, chunk.map((m) => m.id)));
      items.push(memberCountDelta(tenant, store, carry.toCellId, chunk.length));
      try {
        await transact(store, items, () => new Error('member changed while being carried'));
        carried += chunk.length;
      } catch (error) {
        // A member changed or already moved (a stale index read): read again in the next round.
        if (!(error instanceof TransactionCanceledException) && !(error instanceof Error && error.message === 'member changed while being carried')) throw error;
      }
    }
  }
  throw new Error(`carrying members of ${carry.fromCellId}: no progress`);
}

/** The job's audit entries, one per unit it names, written once (their ids are the job's). */
export async function auditTreeJob(store: Store, job: TreeJob): Promise<number> {
  let written = 0;
  for (const entry of job.audited) {
    const put = auditPut(store, job.tenant, {
      id: `${job.id}-${entry.unitId}`,
      unitId: entry.unitId,
      at: job.flippedAt ?? job.createdAt,
      actor: job.createdBy as Actor,
      action: entry.action,
      target: entry.unitId,
      after: { ...entry.after, on: job.on, jobId: job.id },
    });
    try {
      await transact(store, [put], () => new Error('already audited'));
      written++;
    } catch (error) {
      if (!(error instanceof Error && error.message === 'already audited')) throw error;
    }
  }
  return written;
}
