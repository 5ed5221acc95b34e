import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, type ParamsAndSecretsLayerVersion } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The pinned runtime of every function (docs/local-machines.md: nodejs20.x is deprecated). */
export const LAMBDA_RUNTIME = Runtime.NODEJS_22_X;

/** How long function logs are kept: a review year plus its appeals fits in one year. */
export const LOG_RETENTION = RetentionDays.ONE_YEAR;

export interface NodeFunctionProps {
  /** Entry file name under functions/, without extension, e.g. `api`. */
  readonly entry: string;
  readonly description: string;
  readonly memorySize: number;
  readonly timeout: Duration;
  readonly environment?: Record<string, string>;
  /** The AWS Parameters and Secrets Lambda Extension, for a function that reads a secret at start. */
  readonly paramsAndSecrets?: ParamsAndSecretsLayerVersion;
}

/**
 * A Lambda function bundled from functions/<entry>.ts with the project's esbuild settings, its own
 * log group with a fixed retention and its own role. The role gets write access to that log group
 * only, instead of the AWS managed AWSLambdaBasicExecutionRole (which allows every log group).
 */
export class NodeFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: NodeFunctionProps) {
    super(scope, id);

    this.logGroup = new LogGroup(this, 'Logs', { retention: LOG_RETENTION });

    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.entry}`,
    });
    this.role.addToPolicy(
      new iam.PolicyStatement({
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [this.logGroup.logGroupArn],
      }),
    );

    this.fn = new NodejsFunction(this, 'Function', {
      entry: path.join(repositoryRoot, 'functions', `${props.entry}.ts`),
      handler: 'handler',
      projectRoot: repositoryRoot,
      depsLockFilePath: path.join(repositoryRoot, 'package-lock.json'),
      runtime: LAMBDA_RUNTIME,
      architecture: Architecture.ARM_64,
      description: props.description,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      ...(props.paramsAndSecrets ? { paramsAndSecrets: props.paramsAndSecrets } : {}),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.ESM, // NodejsFunction names an ESM bundle index.mjs
        minify: true,
        sourceMap: true,
        target: 'node20',
        mainFields: ['module', 'main'],
        // The SDK versions are pinned in package.json; bundling them keeps deployed code on the
        // same versions the tests ran against instead of whatever the runtime ships.
        bundleAwsSDK: true,
        // Some CommonJS dependencies call require() inside an ESM bundle.
        banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
      },
    });
    acknowledge(
      this.fn,
      'L1',
      'The runtime is pinned to nodejs22.x on purpose (docs/local-machines.md): the code is built for node20 ' +
        'and tested on Node 20/22; moving to a newer runtime is a tested change, not an automatic one.',
    );
  }
}
