import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Schedule, ScheduleExpression, ScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Data } from './data';
import { deadLetterQueue } from './dead-letter-queue';
import { NodeFunction } from './node-function';
import { acknowledgeWildcardResource } from '../nag';
import { SCHEDULE_TIME_ZONE } from './rollups';
import { lambdaEnv } from '@kd/config';

/** Every morning at 07:00 Vietnamese time: who is late, who is due soon. */
export const DEADLINE_REPORT_CRON = 'cron(0 7 * * ? *)';

export interface ReportsProps {
  readonly data: Data;
  /** The verified SES identity (a domain or an address) that reminder e-mails are sent from. */
  readonly sesIdentity: string;
  /** The From address; must belong to `sesIdentity`. */
  readonly sesFrom: string;
  /** Base URL of the web app, for links in e-mails. */
  readonly appUrl: string;
}

/**
 * Deadline reminders: a daily report, plus one-off schedules the function itself creates at the
 * due time of a campaign milestone. All of them live in one schedule group, which bounds what the
 * function may create or delete, and all run as one scheduler role.
 */
export class Reports extends Construct {
  readonly deadlineReport: NodeFunction;
  readonly scheduleGroup: ScheduleGroup;
  readonly schedulerRole: iam.Role;
  readonly dailySchedule: Schedule;
  readonly deadLetters: Queue;
  readonly sesIdentityArn: string;

  constructor(scope: Construct, id: string, props: ReportsProps) {
    super(scope, id);
    const stack = Stack.of(this);

    this.scheduleGroup = new ScheduleGroup(this, 'ScheduleGroup', {});
    const schedulesInGroup = stack.formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${this.scheduleGroup.scheduleGroupName}/*`,
    });

    // Only EventBridge Scheduler, acting for a schedule of this group in this account, may assume it
    // (Scheduler sets aws:SourceArn to the schedule group's ARN).
    this.schedulerRole = new iam.Role(this, 'SchedulerRole', {
      description: 'Invokes the deadline report for the schedules of its group',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: { 'aws:SourceAccount': stack.account, 'aws:SourceArn': this.scheduleGroup.scheduleGroupArn },
        },
      }),
    });

    this.deadLetters = deadLetterQueue(this, 'DeadLetters', 'deadline report invocations that failed');

    this.sesIdentityArn = stack.formatArn({ service: 'ses', resource: 'identity', resourceName: props.sesIdentity });

    this.deadlineReport = new NodeFunction(this, 'DeadlineReport', {
      entry: 'deadline-report',
      description: 'Daily deadline report and milestone reminders by e-mail',
      memorySize: 512,
      timeout: Duration.minutes(5),
      environment: {
        [lambdaEnv.tableName]: props.data.table.tableName,
        [lambdaEnv.sesFrom]: props.sesFrom,
        [lambdaEnv.appUrl]: props.appUrl,
        // What a one-off milestone schedule needs; its target is this function
        // (context.invokedFunctionArn at run time: the function cannot name its own ARN here).
        [lambdaEnv.scheduleGroupName]: this.scheduleGroup.scheduleGroupName,
        [lambdaEnv.schedulerRoleArn]: this.schedulerRole.roleArn,
        [lambdaEnv.scheduleDeadLetterArn]: this.deadLetters.queueArn,
        [lambdaEnv.scheduleTimeZone]: SCHEDULE_TIME_ZONE.timezoneName,
      },
    });
    const fn = this.deadlineReport.fn;
    // Read the campaigns and record which reminders went out, so a retry does not send twice.
    props.data.grantReadWrite(this.deadlineReport);

    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [this.sesIdentityArn],
      }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'],
        resources: [schedulesInGroup],
      }),
    );
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [this.schedulerRole.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );

    this.dailySchedule = new Schedule(this, 'DailySchedule', {
      description: 'Daily deadline report, 07:00 Vietnamese time',
      scheduleGroup: this.scheduleGroup,
      schedule: ScheduleExpression.expression(DEADLINE_REPORT_CRON, SCHEDULE_TIME_ZONE),
      target: new LambdaInvoke(fn, {
        role: this.schedulerRole,
        retryAttempts: 3,
        // A morning report that arrives after noon is noise.
        maxEventAge: Duration.hours(4),
        deadLetterQueue: this.deadLetters,
      }),
    });
    acknowledgeWildcardResource(
      this.schedulerRole,
      `${fn.functionArn}:*`,
      'The scheduler role may invoke the deadline-report function and its versions and aliases ' +
        '(`<function ARN>:*`); it reaches no other function.',
    );
    acknowledgeWildcardResource(
      this.deadlineReport.role,
      schedulesInGroup,
      'One-off reminder schedules are named per milestone at run time, so CreateSchedule and DeleteSchedule ' +
        'name every schedule of this one group; they cannot touch schedules of any other group.',
    );
  }
}
