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

  it('has a web client without a secret that signs in at the hosted login with the authorization code only', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: Match.arrayEquals(['openid', 'email', 'profile']),
      SupportedIdentityProviders: ['COGNITO'],
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
      // The ID token is the page session: a working day.
      IdTokenValidity: 480,
      TokenValidityUnits: Match.objectLike({ IdToken: 'minutes' }),
    });
  });

  it('sends the browser back to the API’s own /auth/callback and, after sign-out, to /signed-out', () => {
    const [client] = Object.values(template.findResources('AWS::Cognito::UserPoolClient'));
    const apiId = logicalIdOf(template, 'AWS::ApiGatewayV2::Api');
    const endpoint = { 'Fn::GetAtt': [apiId, 'ApiEndpoint'] };
    expect(client!.Properties.CallbackURLs).toEqual([{ 'Fn::Join': ['', [endpoint, '/auth/callback']] }]);
    expect(client!.Properties.LogoutURLs).toEqual([{ 'Fn::Join': ['', [endpoint, '/signed-out']] }]);
  });

  it('adds the callback and logout URLs of each extra web origin', () => {
    const { template: withDomain } = synthStack({ webOrigins: 'https://kiemdiem.tinhuy.vn' });
    withDomain.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: Match.arrayWith(['https://kiemdiem.tinhuy.vn/auth/callback']),
      LogoutURLs: Match.arrayWith(['https://kiemdiem.tinhuy.vn/signed-out']),
    });
  });

  it('has a hosted login domain, its prefix from the context', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'kiem-diem', UserPoolId: { Ref: userPoolId } });
    synthStack({ authDomainPrefix: 'tinhuy-travinh' }).template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'tinhuy-travinh' });
    expect(() => synthStack({ authDomainPrefix: 'my-aws-login' })).toThrow(/authDomainPrefix/);
  });

  it('lets the client read the custom attributes but not write them', () => {
    const [client] = Object.values(template.findResources('AWS::Cognito::UserPoolClient'));
    const read = client!.Properties.ReadAttributes as string[];
    const write = client!.Properties.WriteAttributes as string[];
    expect(read).toEqual(expect.arrayContaining(['custom:tenant', 'custom:unit', 'custom:role', 'name', 'email']));
    expect(write.filter((attribute) => attribute.startsWith('custom:'))).toEqual([]);
  });

  it('names the pool, the client and the hosted login in the outputs', () => {
    template.hasOutput('UserPoolId', { Value: { Ref: userPoolId } });
    template.hasOutput('UserPoolClientId', { Value: { Ref: clientId } });
    template.hasOutput('HostedLoginUrl', { Value: Match.objectLike({ 'Fn::Join': Match.anyValue() }) });
  });
});

describe('what the API function is told about sign-in and the pages’ headers', () => {
  const [fn] = Object.values(template.findResources('AWS::Lambda::Function', { Properties: { Environment: { Variables: Match.objectLike({ AUTH_MODE: 'cognito' }) } } }));
  const vars = fn!.Properties.Environment.Variables as Record<string, unknown>;
  /** A CloudFormation value with its references written as {Ref} / {GetAtt} placeholders. */
  const flat = (value: unknown): string =>
    typeof value === 'string'
      ? value
      : Array.isArray(value)
        ? value.map(flat).join('')
        : value && typeof value === 'object'
          ? 'Fn::Join' in value
            ? ((value as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1]).map(flat).join((value as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][0])
            : `{${Object.keys(value)[0]}}`
          : String(value);

  it('gets the client and the hosted login’s URL', () => {
    expect(vars.USER_POOL_CLIENT_ID).toEqual({ Ref: clientId });
    expect(flat(vars.AUTH_DOMAIN_URL)).toBe('https://{Ref}.auth.{Ref}.amazoncognito.com');
  });

  it('sends a strict Content-Security-Policy: scripts of its own origin only, no framing, forms to itself and the hosted login, connections to the upload bucket', () => {
    expect(flat(vars.CONTENT_SECURITY_POLICY)).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self' https://{Fn::GetAtt}; form-action 'self' https://{Ref}.auth.{Ref}.amazoncognito.com; " +
        "frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    );
    const bucketId = logicalIdOf(template, 'AWS::S3::Bucket', { BucketEncryption: Match.anyValue() });
    expect(JSON.stringify(vars.CONTENT_SECURITY_POLICY)).toContain(`["${bucketId}","RegionalDomainName"]`);
  });
});
