import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { logicalIdOf, synthStack } from './synth';

const { template } = synthStack();
const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: any }>;
const tableId = logicalIdOf(template, 'AWS::DynamoDB::Table');
const consumerId = logicalIdOf(template, 'AWS::Lambda::Function', { Description: Match.stringLikeRegexp('roll-up counts$') });
const reconcileId = logicalIdOf(template, 'AWS::Lambda::Function', { Description: Match.stringLikeRegexp('^Recomputes') });

describe('the roll-up stream consumer', () => {
  it('reads the table stream from the trim horizon, reporting item failures', () => {
    // The roll-up consumer's and the tree-job runner's (test/infra/tree-jobs.test.ts).
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 2);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
      FunctionName: { Ref: consumerId },
      StartingPosition: 'TRIM_HORIZON',
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      BatchSize: 100,
      MaximumRetryAttempts: 5,
    });
  });

  it('sends what it gives up on to an encrypted, TLS-only queue', () => {
    const [mapping] = Object.values(template.findResources('AWS::Lambda::EventSourceMapping', { Properties: { FunctionName: { Ref: consumerId } } }));
    const destination = mapping!.Properties.DestinationConfig.OnFailure.Destination;
    const queueId = destination['Fn::GetAtt'][0] as string;
    expect(destination).toEqual({ 'Fn::GetAtt': [queueId, 'Arn'] });
    expect(resources[queueId]).toMatchObject({ Type: 'AWS::SQS::Queue', Properties: { SqsManagedSseEnabled: true } });
    template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('the nightly reconcile', () => {
  it('runs at night on Vietnamese time, with retries and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(30 1 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      Target: {
        Arn: { 'Fn::GetAtt': [reconcileId, 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 7200 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RollupsReconcileDeadLetters'), 'Arn'] } },
        RoleArn: Match.anyValue(),
      },
    });
  });
});
