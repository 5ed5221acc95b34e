import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { lambdaConfig } from '@kd/config';
import { createStore, type Store } from '@kd/data';
import { applyStreamBatch } from './apply-stream-batch';

let store: Store | undefined;

/**
 * The table stream's consumer. Failed units are reported as batch item failures (the earliest
 * record that named one): Lambda redelivers from there, and a redelivered record changes nothing.
 * An unexpected error reports the whole batch.
 */
export const rollupStreamHandler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>().handler(async (event) => {
  const env = lambdaConfig('rollupStream');
  store ??= createStore({ tableName: env.TABLE_NAME, region: env.AWS_REGION });
  const records = event.Records ?? [];
  try {
    const result = await applyStreamBatch(store, records);
    console.log(JSON.stringify({ msg: 'rollup.batch', ...result.report, failures: result.batchItemFailures.length }));
    return { batchItemFailures: result.batchItemFailures };
  } catch (error) {
    console.error(JSON.stringify({ msg: 'rollup.batch.error', error: String(error) }));
    const first = records[0]?.dynamodb?.SequenceNumber;
    return { batchItemFailures: first ? [{ itemIdentifier: first }] : [] };
  }
});
