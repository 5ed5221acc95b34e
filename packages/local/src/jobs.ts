import type { StartJob } from './background';

/** Background jobs `npm start` runs (the stream consumer of roll-ups, the report scheduler). */
export const localJobs: StartJob[] = [];
