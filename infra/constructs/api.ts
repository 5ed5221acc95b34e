import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { ParamsAndSecretsLayerVersion, ParamsAndSecretsVersions } from 'aws-cdk-lib/aws-lambda';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import type { Auth } from './auth';
import type { Data } from './data';
import { LOG_RETENTION, NodeFunction } from './node-function';
import type { Uploads } from './uploads';
import { contentSecurityPolicy, lambdaEnv } from '@kd/config';

/** Every JSON endpoint lives here (docs/api.md); the gateway lets only valid Cognito tokens through. */
export const API_ROUTE_PATH = '/api/v1/{proxy+}';

/**
 * Routes that reach the function without a token at the gateway: the OpenAPI document, its page,
 * the sign-in routes and the web pages (any path outside /api/v1: the home page, units, campaigns,
 * dashboards, reports, and the pages' JSON API under /web/api/v1 …). Pages read the session from a
 * cookie and check it in the app against the pool's keys, exactly as the local server does, and
 * send the user to /login without one; their writes need the CSRF token (docs/security.md). The
 * more specific `/api/v1/{proxy+}` route wins over `/{proxy+}`, so no bearer-token endpoint is
 * reachable without a gateway-checked token.
 */
export const PUBLIC_ROUTES: ReadonlyArray<{ path: string; methods: HttpMethod[] }> = [
  { path: '/', methods: [HttpMethod.GET] },
  { path: '/openapi.json', methods: [HttpMethod.GET] },
  { path: '/docs', methods: [HttpMethod.GET] },
  { path: '/{proxy+}', methods: [HttpMethod.GET, HttpMethod.POST] },
];

/**
 * The stage's access log line, set explicitly: no source IP and no user agent for any route. One
 * stage has one format, and the masses' comment form (`/y-kien`, public, no account) must leave no
 * trace of who wrote a comment (docs/api.md, "Self-criticism before the masses"); its session
 * rides in the query string, which `$context.path` does not carry, so its lines name no session.
 */
export const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  method: '$context.httpMethod',
  routeKey: '$context.routeKey',
  path: '$context.path',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latency: '$context.responseLatency',
  sub: '$context.authorizer.claims.sub',
  authorizerError: '$context.authorizer.error',
  integrationError: '$context.integrationErrorMessage',
} as const;
export const ACCESS_LOG_FORMAT = JSON.stringify(ACCESS_LOG_FIELDS);

export interface ApiProps {
  readonly data: Data;
  readonly auth: Auth;
  /** Origins the pages are served from besides the API's own URL (a custom domain). */
  readonly webOrigins: readonly string[];
}

/** The HTTP API and the one function that serves the Hono app (API, OpenAPI document and pages). */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly handler: NodeFunction;
  readonly accessLogs: LogGroup;
  readonly nationalIdSecret: Secret;
  private readonly authDomainUrl: string;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { data, auth } = props;

    // The secret behind the keyed hash of national ids (docs/reconciliation.md). Kept when the
    // stack is deleted and never rotated: a new secret makes every stored hash unmatchable.
    this.nationalIdSecret = new Secret(this, 'NationalIdSecret', {
      description: 'Kiểm điểm: khóa băm số định danh cá nhân (không xoay vòng)',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.nationalIdSecret,
      'SMG4',
      'Not rotated on purpose: stored national id hashes are keyed with it; rotation would need every member re-matched (docs/reconciliation.md).',
    );

    // Signs pagination cursors (docs/api.md, "Pages"). Generated at deployment; the template holds
    // only a dynamic reference, resolved into the function's configuration by CloudFormation.
    const cursorKey = new Secret(this, 'CursorKey', {
      description: 'Kiểm điểm: khóa ký con trỏ phân trang',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    acknowledge(
      cursorKey,
      'SMG4',
      'The cursor key only signs pagination cursors, which carry no data the caller cannot read and are refused ' +
        'outside their tenant and query; rotating it would only end open pages. Replace the secret to rotate it.',
    );

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: 'kiem-diem',
      description: 'Kiểm điểm, đánh giá, xếp loại chất lượng',
      createDefaultStage: false,
    });
    // The app client needs the API's URL for its callback and logout URLs, and the authorizer and
    // the function need the client: the API exists first, its routes come after the client.
    const client = auth.addWebClient([this.httpApi.apiEndpoint, ...props.webOrigins]);
    const authorizer = new HttpJwtAuthorizer('CognitoAuthorizer', auth.issuerUrl, {
      // The ID token carries name and the custom:* claims; its aud is the web client.
      jwtAudience: [client.userPoolClientId],
      identitySource: ['$request.header.Authorization'],
    });

    this.handler = new NodeFunction(this, 'Handler', {
      entry: 'api',
      description: 'Kiểm điểm HTTP API, OpenAPI document and web pages',
      memorySize: 1024,
      // The HTTP API gives up after 30 s; the function should not outlive the request.
      timeout: Duration.seconds(29),
      // Its cold starts are the ones people wait on; it maps the stacks it logs itself.
      sourceMapsAtLoad: false,
      environment: {
        [lambdaEnv.tableName]: data.table.tableName,
        [lambdaEnv.userPoolId]: auth.userPool.userPoolId,
        [lambdaEnv.userPoolClientId]: client.userPoolClientId,
        [lambdaEnv.authDomainUrl]: auth.domainUrl,
        [lambdaEnv.authMode]: 'cognito',
        [lambdaEnv.nationalIdSecretArn]: this.nationalIdSecret.secretArn,
        [lambdaEnv.cursorKey]: cursorKey.secretValue.unsafeUnwrap(),
        [lambdaEnv.contentSecurityPolicy]: contentSecurityPolicy({ formAction: [auth.domainUrl] }),
      },
      paramsAndSecrets: ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103),
    });
    data.grantReadWrite(this.handler);
    this.nationalIdSecret.grantRead(this.handler.role);
    this.authDomainUrl = auth.domainUrl;

    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: LOG_RETENTION });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: { destination: new LogGroupLogDestination(this.accessLogs), format: AccessLogFormat.custom(ACCESS_LOG_FORMAT) },
    });

    const integration = new HttpLambdaIntegration('AppIntegration', this.handler.fn);
    this.httpApi.addRoutes({
      path: API_ROUTE_PATH,
      methods: [HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE],
      integration,
      authorizer,
    });
    for (const route of PUBLIC_ROUTES) {
      for (const publicRoute of this.httpApi.addRoutes({ ...route, integration, authorizer: new HttpNoneAuthorizer() })) {
        acknowledge(
          publicRoute,
          'APIG4',
          `${publicRoute.path} is public by design (docs/security.md): the OpenAPI document, its page, the sign-in ` +
            'routes and static assets must load before anyone has a session; pages and their JSON API under /web/api/v1 ' +
            'verify the session cookie in the app against the user pool keys and require the CSRF token for writes; ' +
            'every bearer-token endpoint stays behind the JWT-protected /api/v1 routes.',
        );
      }
    }
  }

  /** The public base URL, e.g. https://abc123.execute-api.ap-southeast-1.amazonaws.com */
  get url(): string {
    return this.httpApi.apiEndpoint;
  }

  /** Let the app presign uploads into the bucket and read them back. */
  useUploads(uploads: Uploads): void {
    this.handler.fn.addEnvironment(lambdaEnv.uploadBucket, uploads.bucket.bucketName);
    // The upload page PUTs files to the bucket's pre-signed URLs (virtual-hosted, regional).
    this.handler.fn.addEnvironment(
      lambdaEnv.contentSecurityPolicy,
      contentSecurityPolicy({ connectSrc: [`https://${uploads.bucket.bucketRegionalDomainName}`], formAction: [this.authDomainUrl] }),
    );
    uploads.grantPresignAndRead(this.handler);
  }
}
