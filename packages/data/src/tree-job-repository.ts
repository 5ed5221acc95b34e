import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DomainError } from '@kd/domain';
import type { Store } from './client';
import { keys, indexNames } from './keys';
import { queryAll } from './query-all';
import { readPointer } from './tree-pointer';
import { TreeJob, UnitChange, UNITS_PER_STEP } from './tree-job';

const isConditionFailure = (e: unknown) => e instanceof ConditionalCheckFailedException || (e as { name?: string })?.name === 'ConditionalCheckFailedException';

/** A lock no job record followed within this time was left by a request that died while planning. */
const ORPHAN_LOCK_MS = 2 * 60_000;

const busy = () => new DomainError('TREE_BUSY', 'Đang có thao tác chuyển, hợp nhất hoặc chia tách đơn vị của tỉnh: chờ thao tác đó xong rồi thử lại.');

/**
 * Takes the tenant's tree for a job before it is planned, so the plan is made on a tree no one else
 * changes (every structural write checks the lock). A lock whose job record never appeared is taken over.
 */
export async function lockTree(store: Store, tenant: string, jobId: string, at: string): Promise<void> {
  const pointer = await readPointer(store, tenant);
  let steal: string | null = null;
  if (pointer.lockedBy) {
    const orphan = !(await getTreeJob(store, tenant, pointer.lockedBy)) && Date.parse(pointer.lockedAt ?? at) + ORPHAN_LOCK_MS < Date.parse(at);
    if (!orphan) throw busy();
    steal = pointer.lockedBy;
  }
  try {
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.treePointer(tenant),
        UpdateExpression: 'SET lockedBy = :job, lockedAt = :at, generation = if_not_exists(generation, :zero), #type = :type, tenant = :tenant',
        ConditionExpression: steal ? 'lockedBy = :old' : 'attribute_not_exists(lockedBy) OR lockedBy = :none',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':job': jobId, ':at': at, ':zero': 0, ':type': 'treePointer', ':tenant': tenant, ...(steal ? { ':old': steal } : { ':none': null }) },
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw busy();
    throw error;
  }
}

/** Releases the lock a job holds (nothing if it no longer holds it), and ends its settling window. */
export async function unlockTree(store: Store, tenant: string, jobId: string): Promise<void> {
  try {
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.treePointer(tenant),
        UpdateExpression: 'REMOVE lockedBy, lockedAt, settling',
        ConditionExpression: 'lockedBy = :job',
        ExpressionAttributeValues: { ':job': jobId },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

export function treeJobItem(job: TreeJob): Record<string, unknown> {
  return {
    ...keys.treeJob(job.tenant, job.id),
    type: 'treeJob',
    ...job,
    ...(job.state === 'running' ? { gsi2pk: keys.runningTreeJobs, gsi2sk: keys.runningTreeJobSort(job.tenant, job.id) } : {}),
  };
}

/** Writes the plan's steps, then the job record (which starts it: the record is what runners follow). */
export async function createTreeJob(store: Store, job: TreeJob, changes: readonly UnitChange[]): Promise<TreeJob> {
  for (let step = 0; step * UNITS_PER_STEP < changes.length; step++) {
    await store.doc.send(
      new PutCommand({
        TableName: store.tableName,
        Item: { ...keys.treeJobStep(job.tenant, job.id, step), type: 'treeJobStep', tenant: job.tenant, changes: changes.slice(step * UNITS_PER_STEP, (step + 1) * UNITS_PER_STEP) },
      }),
    );
  }
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: treeJobItem(job), ConditionExpression: 'attribute_not_exists(pk)' }));
  return job;
}

export async function getTreeJob(store: Store, tenant: string, jobId: string): Promise<TreeJob | undefined> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.treeJob(tenant, jobId), ConsistentRead: true }));
  return out.Item ? TreeJob.parse(out.Item) : undefined;
}

export async function readTreeJobStep(store: Store, tenant: string, jobId: string, step: number): Promise<UnitChange[]> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.treeJobStep(tenant, jobId, step), ConsistentRead: true }));
  if (!out.Item) throw new Error(`tree job ${tenant}/${jobId}: step ${step} is missing`);
  return UnitChange.array().parse(out.Item.changes);
}

/** Running jobs of every tenant (GSI2), for the runners that resume them. */
export async function listRunningTreeJobs(store: Store): Promise<{ tenant: string; jobId: string }[]> {
  const items = await queryAll(store, { IndexName: indexNames.byPath, KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': keys.runningTreeJobs } });
  return items.map((i) => ({ tenant: String(i.tenant), jobId: String(i.id) }));
}

/**
 * Takes the job's lease for `owner` until `until` (or extends it): one runner at a time, whoever
 * started it (the request's process, `npm start`'s resumer, the Lambda). False if another holds it.
 */
export async function claimTreeJob(store: Store, tenant: string, jobId: string, owner: string, now: string, until: string): Promise<boolean> {
  try {
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: keys.treeJob(tenant, jobId),
        UpdateExpression: 'SET leaseOwner = :me, leaseUntil = :until ADD progress.runs :one',
        ConditionExpression: '#state = :running AND (attribute_not_exists(leaseUntil) OR leaseUntil = :none OR leaseUntil < :now OR leaseOwner = :me)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':me': owner, ':until': until, ':now': now, ':running': 'running', ':none': null, ':one': 1 },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Saves where the job stands, on condition that `owner` still holds it. */
export async function saveTreeJob(store: Store, job: TreeJob, owner: string): Promise<void> {
  const item = treeJobItem(job);
  await store.doc.send(
    new PutCommand({
      TableName: store.tableName,
      Item: job.state === 'running' ? item : { ...item, gsi2pk: undefined, gsi2sk: undefined },
      ConditionExpression: 'leaseOwner = :me',
      ExpressionAttributeValues: { ':me': owner },
    }),
  );
}
