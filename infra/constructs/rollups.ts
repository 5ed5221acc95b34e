import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Data } from './data';
import { deadLetterQueue } from './dead-letter-queue';
import { NodeFunction } from './node-function';
import { acknowledge, acknowledgeWildcardResource } from '../nag';
import { lambdaEnv } from '@kd/config';

/** Local time of every schedule: the party committees work on Vietnamese time. */
export const SCHEDULE_TIME_ZONE = TimeZone.ASIA_HO_CHI_MINH;

export interface RollupsProps {
  readonly data: Data;
}

/**
 * Keeps roll-up counts current: a stream consumer applies each change as it happens, and a nightly
 * reconcile recomputes them from the items so a missed or doubled stream record cannot persist.
 */
export class Rollups extends Construct {
  readonly streamConsumer: NodeFunction;
  readonly streamFailures: Queue;
  readonly reconcile: NodeFunction;
  readonly reconcileSchedule: Schedule;
  readonly reconcileDeadLetters: Queue;

  constructor(scope: Construct, id: string, props: RollupsProps) {
    super(scope, id);
    const { data } = props;
    const table = data.table;

    this.streamConsumer = new NodeFunction(this, 'StreamConsumer', {
      entry: 'rollup-stream',
      description: 'Applies table changes to the roll-up counts',
      memorySize: 512,
      timeout: Duration.seconds(60),
      environment: { [lambdaEnv.tableName]: table.tableName },
    });
    data.grantReadWrite(this.streamConsumer);

    this.streamFailures = deadLetterQueue(this, 'StreamFailures', 'stream batches the roll-up consumer gave up on');
    this.streamConsumer.fn.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 100,
        maxBatchingWindow: Duration.seconds(1),
        // Only the failing records are retried; a poison record is isolated by halving the batch.
        reportBatchItemFailures: true,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.days(1),
        // One batch per shard at a time keeps changes to one unit in order.
        parallelizationFactor: 1,
        onFailure: new SqsDlq(this.streamFailures),
      }),
    );
    acknowledge(
      this.streamConsumer.role,
      'IAM5[Resource::*]',
      'dynamodb:ListStreams, added by DynamoEventSource, does not support resource-level permissions (the ' +
        'Service Authorization Reference lists no resource type for it); the record-reading actions are ' +
        'limited to this table\'s stream ARN.',
    );

    this.reconcile = new NodeFunction(this, 'Reconcile', {
      entry: 'reconcile',
      description: 'Recomputes roll-up counts from the stored items every night',
      memorySize: 1024,
      timeout: Duration.minutes(15),
      environment: { [lambdaEnv.tableName]: table.tableName },
    });
    data.grantReadWrite(this.reconcile);

    this.reconcileDeadLetters = deadLetterQueue(this, 'ReconcileDeadLetters', 'nightly reconcile invocations that failed');
    // The default group's schedules may assume it, in this account only (confused-deputy guard).
    const schedulerRole = new iam.Role(this, 'SchedulerRole', {
      description: 'Invokes the nightly roll-up reconcile',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': Stack.of(this).account,
            'aws:SourceArn': Stack.of(this).formatArn({ service: 'scheduler', resource: 'schedule-group', resourceName: 'default' }),
          },
        },
      }),
    });
    this.reconcileSchedule = new Schedule(this, 'NightlySchedule', {
      description: 'Nightly roll-up reconcile, 01:30 Vietnamese time',
      schedule: ScheduleExpression.cron({ minute: '30', hour: '1', timeZone: SCHEDULE_TIME_ZONE }),
      target: new LambdaInvoke(this.reconcile.fn, {
        role: schedulerRole,
        retryAttempts: 2,
        maxEventAge: Duration.hours(2),
        deadLetterQueue: this.reconcileDeadLetters,
      }),
    });
    acknowledgeWildcardResource(
      schedulerRole,
      `${this.reconcile.fn.functionArn}:*`,
      'The scheduler role may invoke the reconcile function and its versions and ' +
        'aliases (`<function ARN>:*`); it reaches no other function.',
    );
  }
}
