import { Duration } from 'aws-cdk-lib';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Data } from './data';
import { deadLetterQueue } from './dead-letter-queue';
import { NodeFunction } from './node-function';
import { acknowledge } from '../nag';
import { lambdaEnv } from '@kd/config';

export interface TreeJobsProps {
  readonly data: Data;
}

/**
 * Tree jobs (docs/tree-history.md, "Where it runs"): large moves, merges and splits of units. The
 * function is started by the table stream when a job record is written running, and each step it
 * saves writes the record again: the stream re-invokes it where the job stands, until it is done.
 * A runner that dies is retried by the stream; the job resumes from its cursor when its lease
 * runs out. No Step Functions: the loop is the job record and the stream.
 */
export class TreeJobs extends Construct {
  readonly runner: NodeFunction;
  readonly failures: Queue;

  constructor(scope: Construct, id: string, props: TreeJobsProps) {
    super(scope, id);
    const table = props.data.table;
    this.runner = new NodeFunction(this, 'Runner', {
      entry: 'tree-job',
      description: 'Runs tree jobs: large moves, merges and splits of units',
      memorySize: 1024,
      timeout: Duration.minutes(15),
      environment: { [lambdaEnv.tableName]: table.tableName },
    });
    props.data.grantReadWrite(this.runner);
    this.failures = deadLetterQueue(this, 'Failures', 'tree job records the runner gave up on');
    this.runner.fn.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 10,
        // Only running jobs' records wake the runner; everything else on the stream is the roll-ups'.
        filters: [FilterCriteria.filter({ dynamodb: { NewImage: { type: { S: FilterRule.isEqual('treeJob') }, state: { S: FilterRule.isEqual('running') } } } })],
        // A held lease fails the batch: retried until the dead runner's lease has run out.
        retryAttempts: 30,
        maxRecordAge: Duration.days(1),
        parallelizationFactor: 1,
        onFailure: new SqsDlq(this.failures),
      }),
    );
    acknowledge(
      this.runner.role,
      'IAM5[Resource::*]',
      'dynamodb:ListStreams, added by DynamoEventSource, does not support resource-level permissions (the ' +
        'Service Authorization Reference lists no resource type for it); the record-reading actions are ' +
        'limited to this table\'s stream ARN.',
    );
  }
}
