import { randomUUID } from 'node:crypto';
import { auditTreeJob, carryMembers, claimTreeJob, fault, flipTree, getTreeJob, readTreeJobStep, saveTreeJob, settleChange, stageChange, unlockTree, type Store, type TreeJob } from '@kd/data';

export interface RunOptions {
  /** Who runs it (a lease holder name); a fresh one per call by default. */
  owner?: string;
  /** Stop (to be re-invoked) once this much time has passed: Lambda's remaining time, less a margin. */
  budgetMs?: number;
  now?: () => Date;
  /** Units changed at once within a step. */
  concurrency?: number;
}

/** How long a lease lasts: a runner that dies is replaced after this. */
export const TREE_JOB_LEASE_MS = 60_000;

async function inPool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

/**
 * Runs a tree job from where it stands to its end, or until the budget is spent (docs/tree-history.md,
 * "Any size"): stage every unit's change in the new generation, flip the tree pointer, settle every
 * unit, carry the members of merged or split cells, write the audit entries and release the tree.
 * Progress is saved after each step, so a runner killed anywhere is resumed by the next one (same
 * steps again: each is idempotent) and the end is the same. Returns the job as it left it; `null`
 * when another runner holds it.
 */
export async function runTreeJob(store: Store, tenant: string, jobId: string, options: RunOptions = {}): Promise<TreeJob | null> {
  const now = options.now ?? (() => new Date());
  const owner = options.owner ?? `runner-${randomUUID().slice(0, 8)}`;
  const started = Date.now();
  const lease = () => new Date(now().getTime() + TREE_JOB_LEASE_MS).toISOString();
  if (!(await claimTreeJob(store, tenant, jobId, owner, now().toISOString(), lease()))) {
    const job = await getTreeJob(store, tenant, jobId);
    return job && job.state !== 'running' ? job : null;
  }
  let job = (await getTreeJob(store, tenant, jobId))!;
  const save = async (patch: Partial<TreeJob>) => {
    job = { ...job, ...patch, progress: { ...job.progress, ...patch.progress }, updatedAt: now().toISOString(), leaseUntil: lease() };
    await saveTreeJob(store, job, owner);
    job.progress.itemsWritten++;
  };
  const concurrency = options.concurrency ?? 8;
  while (job.state === 'running') {
    if (options.budgetMs !== undefined && Date.now() - started > options.budgetMs) return job;
    switch (job.phase) {
      case 'stage':
      case 'settle': {
        if (job.cursor >= job.steps) {
          await save(job.phase === 'stage' ? { phase: 'flip', cursor: 0 } : { phase: 'members', cursor: 0 });
          break;
        }
        const changes = await readTreeJobStep(store, tenant, jobId, job.cursor);
        let written = 0;
        await inPool(changes, concurrency, async (change) => {
          if (job.phase === 'stage') {
            await stageChange(store, tenant, job.generation, change);
            written++;
          } else if (await settleChange(store, tenant, job.generation, change)) written++;
        });
        await fault('treeJobStep');
        const progress = job.phase === 'stage' ? { unitsStaged: job.progress.unitsStaged + changes.length } : { unitsSettled: job.progress.unitsSettled + changes.length };
        await save({ cursor: job.cursor + 1, progress: { ...job.progress, ...progress, itemsWritten: job.progress.itemsWritten + written } });
        break;
      }
      case 'flip':
        await flipTree(store, tenant, jobId, job.generation, job.rewrites);
        await fault('treeJobStep');
        await save({ phase: 'settle', cursor: 0, flippedAt: job.flippedAt ?? now().toISOString(), progress: { ...job.progress, itemsWritten: job.progress.itemsWritten + 1 } });
        break;
      case 'members': {
        const carry = job.carries[job.cursor];
        if (!carry) {
          await save({ phase: 'finish', cursor: 0 });
          break;
        }
        const carried = await carryMembers(store, tenant, carry, job.on);
        await fault('treeJobStep');
        await save({ cursor: job.cursor + 1, progress: { ...job.progress, membersCarried: job.progress.membersCarried + carried, itemsWritten: job.progress.itemsWritten + carried + (carried > 0 ? 2 : 0) } });
        break;
      }
      case 'finish': {
        const audits = await auditTreeJob(store, job);
        await unlockTree(store, tenant, jobId);
        await save({ phase: 'done', state: 'done', finishedAt: now().toISOString(), leaseOwner: null, progress: { ...job.progress, itemsWritten: job.progress.itemsWritten + audits + 1 } });
        break;
      }
      case 'done':
        await save({ state: 'done' });
        break;
    }
  }
  return job;
}
