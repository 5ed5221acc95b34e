import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, lambdaConfigSchemas, lambdaEnv, type LambdaFunction } from '@kd/config';
import { logicalIdOf, synthStack } from './synth';

const { template } = synthStack();
const resources = template.toJSON().Resources as Record<string, { Type: string; Properties: any }>;
const functions = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::Lambda::Function');
const tableId = logicalIdOf(template, 'AWS::DynamoDB::Table');
const bucketId = logicalIdOf(template, 'AWS::S3::Bucket');

/** Every statement of the inline policies attached to a role. */
function statementsOf(roleId: string): Array<{ Action: string | string[]; Resource: unknown; Condition?: unknown }> {
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((role: any) => role.Ref === roleId))
    .flatMap((r) => r.Properties.PolicyDocument.Statement);
}
const actionsOf = (roleId: string) => statementsOf(roleId).flatMap((s) => [s.Action].flat());
const roleOf = (fn: { Properties: any }) => fn.Properties.Role['Fn::GetAtt'][0] as string;
const apiFunction = functions.find(([, r]) => r.Properties.Environment.Variables.AUTH_MODE === 'cognito')![1];

describe('the functions', () => {
  it('are the five entries, all nodejs22.x on arm64; source maps read at load by all but the API function', () => {
    expect(functions).toHaveLength(5);
    for (const [, fn] of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        Environment: { Variables: expect.objectContaining({ TABLE_NAME: { Ref: tableId } }) },
      });
      // The API function maps the stacks it logs itself (its cold start is the one people wait on).
      expect(fn.Properties.Environment.Variables.NODE_OPTIONS).toBe(fn === apiFunction ? undefined : '--enable-source-maps');
    }
  });

  it('each log to their own log group kept for one year', () => {
    for (const [, fn] of functions) {
      const logGroupId = fn.Properties.LoggingConfig.LogGroup.Ref as string;
      expect(resources[logGroupId]).toMatchObject({ Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 365 } });
    }
  });

  it('run as roles without AWS managed policies, writing only to their own log group', () => {
    for (const [, fn] of functions) {
      const roleId = roleOf(fn);
      expect(resources[roleId]!.Properties.ManagedPolicyArns).toBeUndefined();
      const logs = statementsOf(roleId).filter((s) => [s.Action].flat().some((a) => a.startsWith('logs:')));
      expect(logs).toEqual([
        expect.objectContaining({
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: { 'Fn::GetAtt': [fn.Properties.LoggingConfig.LogGroup.Ref, 'Arn'] },
        }),
      ]);
    }
  });

  it('give the API function the pool ids, the auth mode and the upload bucket', () => {
    expect(apiFunction.Properties.Environment.Variables).toEqual(
      expect.objectContaining({
        USER_POOL_ID: { Ref: logicalIdOf(template, 'AWS::Cognito::UserPool') },
        USER_POOL_CLIENT_ID: { Ref: logicalIdOf(template, 'AWS::Cognito::UserPoolClient') },
        AUTH_MODE: 'cognito',
        UPLOAD_BUCKET: { Ref: bucketId },
      }),
    );
  });

  it('grant data access only on the table and its indexes, with no wildcard actions', () => {
    for (const [, fn] of functions) {
      for (const statement of statementsOf(roleOf(fn))) {
        expect([statement.Action].flat().every((action) => !action.includes('*'))).toBe(true);
        if ([statement.Action].flat().some((action) => action === 'dynamodb:PutItem')) {
          expect(statement.Resource).toEqual([
            { 'Fn::GetAtt': [tableId, 'Arn'] },
            { 'Fn::Join': ['', [{ 'Fn::GetAtt': [tableId, 'Arn'] }, '/index/*']] },
          ]);
        }
      }
    }
  });

  it('let the API function only put and get objects of the upload bucket', () => {
    const s3 = statementsOf(roleOf(apiFunction)).filter((s) => [s.Action].flat().some((a) => a.startsWith('s3:')));
    expect(s3).toEqual([
      expect.objectContaining({
        Action: ['s3:PutObject', 's3:GetObject'],
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/*']] },
      }),
    ]);
    for (const [, fn] of functions.filter(([, f]) => f !== apiFunction)) {
      expect(actionsOf(roleOf(fn)).some((a) => a.startsWith('s3:'))).toBe(false);
    }
  });
});

describe('the upload bucket', () => {
  it('is private, encrypted, TLS only and forgets files after a few days', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ ExpirationInDays: 3, Status: 'Enabled' })]) },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });

  it('accepts browser PUTs from the web origin only', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedMethods: ['PUT'],
            AllowedOrigins: [{ 'Fn::GetAtt': [logicalIdOf(template, 'AWS::ApiGatewayV2::Api'), 'ApiEndpoint'] }],
          }),
        ],
      },
    });
  });

  it('adds the origins given in context', () => {
    const { template: withDomain } = synthStack({ webOrigins: 'https://kiemdiem.tinhuy.vn' });
    withDomain.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: Match.arrayWith(['https://kiemdiem.tinhuy.vn']) })] },
    });
  });
});

describe('the functions’ environment', () => {
  it('sets, for each function, only variables its configuration module reads, and every one it requires (names from one place)', () => {
    const varsOf = (fn: { Properties: any }) => fn.Properties.Environment.Variables as Record<string, unknown>;
    const kindOf = (vars: Record<string, unknown>): LambdaFunction[] =>
      vars[lambdaEnv.authMode] ? ['api'] : vars[lambdaEnv.sesFrom] ? ['deadlineReport'] : ['rollupStream', 'reconcile', 'treeJob'];
    for (const [id, fn] of functions) {
      const vars = varsOf(fn);
      // Lambda sets AWS_REGION itself; NODE_OPTIONS belongs to the runtime. Tokens stand in for values.
      const sample: Record<string, string> = {
        [lambdaEnv.sesFrom]: 'a@b.vn',
        [lambdaEnv.appUrl]: 'https://x.vn',
        [lambdaEnv.authDomainUrl]: 'https://x.auth.ap-southeast-1.amazoncognito.com',
        [lambdaEnv.contentSecurityPolicy]: contentSecurityPolicy(),
        [lambdaEnv.scheduleTimeZone]: 'Asia/Ho_Chi_Minh',
        [lambdaEnv.authMode]: 'cognito',
        [lambdaEnv.cursorKey]: 'k'.repeat(64),
      };
      const asStrings = { AWS_REGION: 'ap-southeast-1', ...Object.fromEntries(Object.keys(vars).map((k) => [k, sample[k] ?? 'x'])) };
      for (const kind of kindOf(vars)) {
        const schema = lambdaConfigSchemas[kind];
        // The Parameters and Secrets extension's own settings belong to the layer, as NODE_OPTIONS to the runtime.
        const layerOwn = (k: string) => /^(PARAMETERS_SECRETS_EXTENSION_|SECRETS_MANAGER_|SSM_PARAMETER_STORE_)/.test(k);
        expect(Object.keys(vars).filter((k) => k !== 'NODE_OPTIONS' && !layerOwn(k) && !(k in schema.shape)), `${id} (${kind})`).toEqual([]);
        expect(schema.safeParse(asStrings).success, `${id} (${kind})`).toBe(true);
      }
    }
  });
});
