import { describe, expect, it } from 'vitest';
import { ConflictException, SchedulerClient } from '@aws-sdk/client-scheduler';
import { eventBridgeMilestoneScheduler } from '@kd/jobs';

/** A scheduler client that answers in-process (initialize step): nothing is sent anywhere. */
function capturingClient() {
  const created: Record<string, unknown>[] = [];
  const client = new SchedulerClient({ region: 'ap-southeast-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  client.middlewareStack.add(
    () => async (args) => {
      const input = args.input as { Name: string };
      if (created.some((c) => c.Name === input.Name)) throw new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} });
      created.push(input as Record<string, unknown>);
      return { output: { ScheduleArn: `arn:${input.Name}`, $metadata: {} }, response: {} } as never;
    },
    { step: 'initialize', name: 'capture' },
  );
  return { client, created };
}

describe('one-off schedules at milestone due times', () => {
  it('creates one schedule per future due instant, at the Vietnamese local time, with retries and the dead-letter queue; again is a no-op', async () => {
    const { client, created } = capturingClient();
    const scheduler = eventBridgeMilestoneScheduler({ client, groupName: 'g', roleArn: 'arn:role', deadLetterArn: 'arn:dlq', targetArn: () => 'arn:fn' });
    const due = new Date('2021-12-21T17:00:00Z'); // end of 21/12 in Asia/Ho_Chi_Minh: "trước ngày 22/12"
    const past = new Date('2021-12-15T17:00:00Z');
    await scheduler.ensure([due, past, due], new Date('2021-12-20T00:00:00Z'));
    await scheduler.ensure([due], new Date('2021-12-20T00:00:00Z'));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      Name: 'due-20211221T170000Z',
      GroupName: 'g',
      ScheduleExpression: 'at(2021-12-22T00:00:00)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      ActionAfterCompletion: 'DELETE',
      Target: { Arn: 'arn:fn', RoleArn: 'arn:role', DeadLetterConfig: { Arn: 'arn:dlq' }, RetryPolicy: { MaximumRetryAttempts: 3 } },
    });
    expect(JSON.parse((created[0] as { Target: { Input: string } }).Target.Input)).toEqual({ kind: 'due', at: '2021-12-21T17:00:00.000Z' });
  });
});
