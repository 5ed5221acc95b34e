import { listRunningTreeJobs, type Store } from '@kd/data';
import { runTreeJob, type RunOptions } from './run-tree-job';

/** Runs every running tree job whose lease is free (a runner died, or none was started). */
export async function resumeTreeJobs(store: Store, options: RunOptions = {}): Promise<number> {
  let ran = 0;
  for (const { tenant, jobId } of await listRunningTreeJobs(store)) {
    if (await runTreeJob(store, tenant, jobId, options)) ran++;
  }
  return ran;
}

/**
 * The same handler in-process (`npm start`, tests): a job starts as soon as it is stored, in the
 * background of the request that made it; errors are logged and the job stays running for the resumer.
 */
export function inProcessTreeJobs(store: Store, options: RunOptions = {}): { start(tenant: string, jobId: string): void; idle(): Promise<void> } {
  const running = new Set<Promise<unknown>>();
  return {
    start(tenant, jobId) {
      const run = runTreeJob(store, tenant, jobId, options)
        .catch((error) => console.error(JSON.stringify({ msg: 'treeJob.error', tenant, jobId, error: String(error) })))
        .finally(() => running.delete(run));
      running.add(run);
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
