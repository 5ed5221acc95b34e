import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { logicalIdOf, synthStack } from './synth';

const { template } = synthStack();
const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: any }>;
const reportId = logicalIdOf(template, 'AWS::Lambda::Function', { Description: Match.stringLikeRegexp('^Daily deadline') });
const groupId = logicalIdOf(template, 'AWS::Scheduler::ScheduleGroup');
const groupName = resources[groupId]!.Properties.Name as string;
const schedulerRoleId = logicalIdOf(template, 'AWS::IAM::Role', {
  Description: Match.stringLikeRegexp('deadline report'),
});

const dailySchedule = Object.values(resources).find(
  (r) => r.Type === 'AWS::Scheduler::Schedule' && r.Properties.GroupName === groupName,
)!;

function statementsOf(t: Template, roleId: string) {
  return Object.values(t.toJSON().Resources as Record<string, { Type: string; Properties: any }>)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((role: any) => role.Ref === roleId))
    .flatMap((r) => r.Properties.PolicyDocument.Statement as Array<{ Action: string | string[]; Resource: any; Condition?: any }>);
}
const reportRoleId = resources[reportId]!.Properties.Role['Fn::GetAtt'][0] as string;
const statementFor = (t: Template, roleId: string, action: string) =>
  statementsOf(t, roleId).filter((s) => [s.Action].flat().includes(action));
const arnIn = (service: string, resource: string) => ({
  'Fn::Join': [
    '',
    ['arn:', { Ref: 'AWS::Partition' }, `:${service}:`, { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, resource],
  ],
});

describe('the daily deadline report', () => {
  it('runs at 07:00 Vietnamese time in its schedule group', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 7 * * ? *)',
      ScheduleExpressionTimezone: 'Asia/Ho_Chi_Minh',
      GroupName: groupName,
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [reportId, 'Arn'] } }),
    });
  });

  it('retries a bounded number of times and keeps what failed in a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 7 * * ? *)',
      Target: {
        Arn: { 'Fn::GetAtt': [reportId, 'Arn'] },
        RoleArn: { 'Fn::GetAtt': [schedulerRoleId, 'Arn'] },
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 14400 },
        DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ReportsDeadLetters'), 'Arn'] } },
      },
    });
  });

  it('sends e-mail only as the configured SES identity', () => {
    expect(statementFor(template, reportRoleId, 'ses:SendEmail')).toEqual([
      expect.objectContaining({
        Action: ['ses:SendEmail', 'ses:SendRawEmail'],
        Resource: arnIn('ses', ':identity/kiemdiem.example.vn'),
      }),
    ]);
    expect(resources[reportId]!.Properties.Environment.Variables.SES_FROM).toBe('no-reply@kiemdiem.example.vn');
  });

  it('follows the sesIdentity and sesFrom context values', () => {
    const { template: custom } = synthStack({ sesIdentity: 'tinhuy.vn', sesFrom: 'kiemdiem@tinhuy.vn' });
    const customReport = Object.values(custom.findResources('AWS::Lambda::Function')).find(
      (fn) => fn.Properties.Description === resources[reportId]!.Properties.Description,
    )!;
    const customRole = customReport.Properties.Role['Fn::GetAtt'][0] as string;
    expect(statementFor(custom, customRole, 'ses:SendEmail')).toEqual([
      expect.objectContaining({ Resource: arnIn('ses', ':identity/tinhuy.vn') }),
    ]);
    expect(customReport.Properties.Environment.Variables.SES_FROM).toBe('kiemdiem@tinhuy.vn');
  });

  it('refuses a From address outside the SES identity', () => {
    expect(() => synthStack({ sesIdentity: 'tinhuy.vn', sesFrom: 'someone@gmail.com' })).toThrow(/does not belong/);
  });

  it('may create and delete schedules of its own group only', () => {
    const statements = statementFor(template, reportRoleId, 'scheduler:CreateSchedule');
    expect(statements).toEqual([
      expect.objectContaining({
        Action: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'],
        Resource: arnIn('scheduler', `:schedule/${groupName}/*`),
      }),
    ]);
    expect(statementsOf(template, reportRoleId).flatMap((s) => [s.Action].flat()).filter((a) => a.startsWith('scheduler:'))).toEqual([
      'scheduler:CreateSchedule',
      'scheduler:DeleteSchedule',
    ]);
  });

  it('may pass only the scheduler role, and only to EventBridge Scheduler', () => {
    expect(statementFor(template, reportRoleId, 'iam:PassRole')).toEqual([
      {
        Action: 'iam:PassRole',
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [schedulerRoleId, 'Arn'] },
        Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      },
    ]);
  });

  it('tells the function what a one-off schedule needs', () => {
    expect(resources[reportId]!.Properties.Environment.Variables).toEqual(
      expect.objectContaining({
        SCHEDULE_GROUP_NAME: groupName,
        SCHEDULER_ROLE_ARN: { 'Fn::GetAtt': [schedulerRoleId, 'Arn'] },
        SCHEDULE_DEAD_LETTER_ARN: dailySchedule.Properties.Target.DeadLetterConfig.Arn,
        SCHEDULE_TIME_ZONE: 'Asia/Ho_Chi_Minh',
      }),
    );
  });

  it('lets only Scheduler, for this group in this account, assume the scheduler role', () => {
    expect(resources[schedulerRoleId]!.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: {
          StringEquals: {
            'aws:SourceAccount': { Ref: 'AWS::AccountId' },
            'aws:SourceArn': { 'Fn::GetAtt': [groupId, 'Arn'] },
          },
        },
      },
    ]);
  });
});
