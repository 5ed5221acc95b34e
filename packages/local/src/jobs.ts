import type { StartJob } from './background';
import { reportSchedulerJob } from './scheduler';
import { startStreamPoller } from './stream-poller';

/** Background jobs `npm start` runs (the stream consumer of roll-ups, the report scheduler). */
export const localJobs: StartJob[] = [reportSchedulerJob, startStreamPoller];
