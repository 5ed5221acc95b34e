import { ConflictException, CreateScheduleCommand, type SchedulerClient } from '@aws-sdk/client-scheduler';
import { toVietnamIso } from '@kd/domain';
import { dueScheduleInput, dueScheduleName, type MilestoneScheduler } from '@kd/services';

export interface EventBridgeMilestoneSchedulerConfig {
  client: SchedulerClient;
  groupName: string;
  roleArn: string;
  deadLetterArn: string;
  /** This function's own ARN (from the invocation context: putting it in its environment would be circular). */
  targetArn: () => string;
}

/**
 * One-off EventBridge Scheduler schedules at each milestone's due time, in the schedule group the
 * CDK created: `at(…)` in Asia/Ho_Chi_Minh, the same retry policy and dead-letter queue as the daily
 * schedule, deleted after they run. Named by the instant, so creating one twice is a no-op.
 */
export function eventBridgeMilestoneScheduler(config: EventBridgeMilestoneSchedulerConfig): MilestoneScheduler {
  return {
    async ensure(dues, now) {
      const future = [...new Set(dues.filter((d) => d.getTime() > now.getTime()).map((d) => d.getTime()))].map((t) => new Date(t));
      for (const due of future) {
        try {
          await config.client.send(
            new CreateScheduleCommand({
              Name: dueScheduleName(due),
              GroupName: config.groupName,
              ScheduleExpression: `at(${toVietnamIso(due).slice(0, 19)})`,
              ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
              FlexibleTimeWindow: { Mode: 'OFF' },
              ActionAfterCompletion: 'DELETE',
              Target: {
                Arn: config.targetArn(),
                RoleArn: config.roleArn,
                Input: dueScheduleInput(due),
                RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 4 * 3600 },
                DeadLetterConfig: { Arn: config.deadLetterArn },
              },
            }),
          );
        } catch (error) {
          if (!(error instanceof ConflictException)) throw error;
        }
      }
    },
  };
}
