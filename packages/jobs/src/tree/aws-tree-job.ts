import middy from '@middy/core';
import type { Context, DynamoDBStreamEvent } from 'aws-lambda';
import { lambdaConfig } from '@kd/config';
import { createStore, runningTreeJobsIn, type Store } from '@kd/data';
import { runTreeJob } from './run-tree-job';
import { resumeTreeJobs } from './resume-tree-jobs';

let store: Store | undefined;

/** Time left for the last step and its save before Lambda stops the function. */
const MARGIN_MS = 60_000;

/**
 * The tree-job function (docs/tree-history.md, "Where it runs"). Started by the table stream when a
 * job record is written with `state = running` (the event source filters on it), it runs the job
 * until done or until its time is nearly up. Every step saves the job record, so the stream
 * delivers it again and the function re-invokes itself with the job where it stands: a loop
 * without Step Functions. If it dies, the stream retries the batch and the job resumes from its
 * cursor once its lease expires. Invoked with any other event (a manual run), it resumes every
 * running job.
 */
export const treeJobHandler = middy<DynamoDBStreamEvent | Record<string, unknown>, { jobs: number }>().handler(async (event, context: Context) => {
  const env = lambdaConfig('treeJob');
  store ??= createStore({ tableName: env.TABLE_NAME, region: env.AWS_REGION });
  const budgetMs = Math.max(10_000, context.getRemainingTimeInMillis() - MARGIN_MS);
  const records = Array.isArray((event as DynamoDBStreamEvent).Records) ? (event as DynamoDBStreamEvent).Records : null;
  if (!records) return { jobs: await resumeTreeJobs(store, { budgetMs }) };
  const jobs = runningTreeJobsIn(records);
  for (const { tenant, id } of jobs) {
    const job = await runTreeJob(store, tenant, id, { budgetMs });
    // Held by a runner that may have died: fail the batch so the stream retries after a while.
    if (job === null) throw new Error(`tree job ${tenant}/${id} is held by another runner`);
    console.log(JSON.stringify({ msg: 'treeJob.run', tenant, jobId: id, state: job.state, phase: job.phase, cursor: job.cursor, progress: job.progress }));
  }
  return { jobs: jobs.length };
});
