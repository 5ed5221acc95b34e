import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ACCESS_LOG_FORMAT, API_ROUTE_PATH, PUBLIC_ROUTES } from '../../infra/constructs/api';
import { logicalIdOf, synthStack } from './synth';

const { template } = synthStack();
const userPoolId = logicalIdOf(template, 'AWS::Cognito::UserPool');
const clientId = logicalIdOf(template, 'AWS::Cognito::UserPoolClient');
const authorizerId = logicalIdOf(template, 'AWS::ApiGatewayV2::Authorizer');
const apiFunctionId = logicalIdOf(template, 'AWS::Lambda::Function', {
  Environment: { Variables: Match.objectLike({ AUTH_MODE: 'cognito' }) },
});

type Route = { RouteKey: string; AuthorizationType: string; AuthorizerId?: unknown };
const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties as Route);

describe('the HTTP API', () => {
  it('trusts ID tokens of the user pool for the web client', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: clientId }],
        Issuer: {
          'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: userPoolId }]],
        },
      },
    });
  });

  it('puts every /api/v1 route behind the JWT authorizer', () => {
    const apiRoutes = routes.filter((route) => route.RouteKey.endsWith(` ${API_ROUTE_PATH}`));
    expect(apiRoutes.map((route) => route.RouteKey.split(' ')[0]).sort()).toEqual(['DELETE', 'GET', 'PATCH', 'POST', 'PUT']);
    for (const route of apiRoutes) {
      expect(route).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
    }
  });

  it('leaves only the document, its page and the web pages public; every /api/v1 route stays behind the authorizer', () => {
    const publicKeys = routes.filter((route) => route.AuthorizationType === 'NONE').map((route) => route.RouteKey);
    expect(publicKeys.sort()).toEqual(PUBLIC_ROUTES.flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)).sort());
    expect(publicKeys).toEqual(expect.arrayContaining(['GET /openapi.json', 'GET /docs', 'GET /', 'GET /{proxy+}', 'POST /{proxy+}']));
    expect(publicKeys.some((key) => key.includes('/api/'))).toBe(false);
    expect(routes.every((route) => route.AuthorizationType === 'NONE' || route.AuthorizationType === 'JWT')).toBe(true);
  });

  it('logs every request of the default stage to a log group kept for a year', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiAccessLogs'), 'Arn'] },
        Format: Match.stringLikeRegexp('\\$context\\.requestId'),
      },
      DefaultRouteSettings: Match.objectLike({ ThrottlingRateLimit: 50, ThrottlingBurstLimit: 100 }),
    });
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'));
    const logGroupId = (stage!.Properties.AccessLogSettings.DestinationArn['Fn::GetAtt'] as string[])[0]!;
    expect(template.toJSON().Resources[logGroupId].Properties.RetentionInDays).toBe(365);
  });

  it('logs no source IP and no user agent, for the masses’ public comment form as for every route', () => {
    const [stage] = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'));
    const format = stage!.Properties.AccessLogSettings.Format as string;
    expect(format).toBe(ACCESS_LOG_FORMAT);
    expect(Object.keys(JSON.parse(format)).sort()).toEqual(['authorizerError', 'integrationError', 'latency', 'method', 'path', 'protocol', 'requestId', 'requestTime', 'responseLength', 'routeKey', 'status', 'sub']);
    for (const variable of ['sourceIp', 'userAgent', 'identity', 'requestOverride', 'querystring', 'X-Forwarded-For', 'header']) expect(format).not.toContain(variable);
    // The form is reached through the public pages' route, under one stage and one format.
    expect(routes.map((r) => r.RouteKey)).toContain('POST /{proxy+}');
  });

  it('sends every route to the API function', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Integration', {
      IntegrationType: 'AWS_PROXY',
      PayloadFormatVersion: '2.0',
      IntegrationUri: { 'Fn::GetAtt': [apiFunctionId, 'Arn'] },
    });
  });

  it('outputs its URL', () => {
    template.hasOutput('ApiUrl', { Value: { 'Fn::GetAtt': [logicalIdOf(template, 'AWS::ApiGatewayV2::Api'), 'ApiEndpoint'] } });
  });
});
