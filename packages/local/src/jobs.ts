import type { StartJob } from './background';
import { reportSchedulerJob } from './scheduler';
import { startStreamPoller } from './stream-poller';
import { treeJobResumer } from './tree-job-resumer';

/** Background jobs `npm start` runs (the stream consumer of roll-ups, the report scheduler, the tree-job resumer). */
export const localJobs: StartJob[] = [reportSchedulerJob, startStreamPoller, treeJobResumer];
