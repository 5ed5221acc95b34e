import { resumeTreeJobs } from '@kd/jobs';
import type { StartJob } from './background';

/** How often `npm start` looks for tree jobs left running (a stopped process, a crash). */
const EVERY_MS = 5_000;

/**
 * The local counterpart of the tree-job function's retries: resumes every running tree job whose
 * lease has run out — at start, then every few seconds. Jobs made by a request start at once in
 * that request's process (`inProcessTreeJobs`); this only picks up what was left.
 */
export const treeJobResumer: StartJob = async ({ store }) => {
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    try {
      await resumeTreeJobs(store);
    } catch (error) {
      console.error(JSON.stringify({ msg: 'treeJob.resume.error', error: String(error) }));
    }
  };
  current = tick();
  const timer = setInterval(() => {
    if (!stopped) current = current.then(tick);
  }, EVERY_MS);
  timer.unref?.();
  return {
    name: 'tree-job-resumer',
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
};
