import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { logicalIdOf, synthStack } from './synth';

const { template } = synthStack();
const userPoolId = logicalIdOf(template, 'AWS::Cognito::UserPool');
const clientId = logicalIdOf(template, 'AWS::Cognito::UserPoolClient');

describe('the user pool', () => {
  it('signs in by e-mail, accounts created by administrators only', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      AdminCreateUserConfig: Match.objectLike({ AllowAdminCreateUserOnly: true }),
    });
  });

  it('carries tenant, unit and role as mutable custom attributes', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'tenant', AttributeDataType: 'String', Mutable: true }),
        Match.objectLike({ Name: 'unit', AttributeDataType: 'String', Mutable: true }),
        Match.objectLike({ Name: 'role', AttributeDataType: 'String', Mutable: true }),
      ]),
    });
  });

  it('asks for a strong password, a TOTP second factor and the Plus threat protection', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      DeletionProtection: 'ACTIVE',
    });
  });

  it('has a web client without a secret and without OAuth flows', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: false,
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
    });
  });

  it('lets the client read the custom attributes but not write them', () => {
    const [client] = Object.values(template.findResources('AWS::Cognito::UserPoolClient'));
    const read = client!.Properties.ReadAttributes as string[];
    const write = client!.Properties.WriteAttributes as string[];
    expect(read).toEqual(expect.arrayContaining(['custom:tenant', 'custom:unit', 'custom:role', 'name', 'email']));
    expect(write.filter((attribute) => attribute.startsWith('custom:'))).toEqual([]);
  });

  it('names the pool and the client in the outputs', () => {
    template.hasOutput('UserPoolId', { Value: { Ref: userPoolId } });
    template.hasOutput('UserPoolClientId', { Value: { Ref: clientId } });
  });
});
