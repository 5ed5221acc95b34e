import { AssetHashType, DockerImage, Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime, type ParamsAndSecretsLayerVersion } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import { spawnSync } from 'node:child_process';
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
  /**
   * Whether Node reads the source maps as each chunk loads (`--enable-source-maps`, the default), so
   * that every stack trace points at the sources. The API function says no: that reading is about a
   * tenth of its cold start, and it maps the stacks it logs itself (packages/api/src/source-mapped-stack.ts).
   */
  readonly sourceMapsAtLoad?: boolean;
}

/**
 * The function's code: functions/<entry>.ts bundled by infra/bundle.ts (ESM with code splitting, so
 * that spreadsheets, Word documents and the S3 client load only with the requests that use them).
 * `NodejsFunction` cannot split: it always passes esbuild one output file. The bundler runs on this
 * machine (no Docker); the asset's hash is that of its output, and with bundling skipped
 * (`-c skipBundling=true`, the infra tests) CDK stages a placeholder without running it.
 */
function bundledCode(entry: string): Code {
  return Code.fromAsset(repositoryRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      // Never pulled: local bundling below always succeeds or fails the synthesis.
      image: DockerImage.fromRegistry('public.ecr.aws/sam/build-nodejs22.x'),
      // What the local bundler runs; also keeps the entries apart in CDK's cache of staged assets,
      // which is keyed by source and bundling options (alike for every entry otherwise).
      command: ['tsx', 'infra/bundle.ts', entry, '/asset-output'],
      local: {
        tryBundle(outputDir: string) {
          const tsx = path.join(repositoryRoot, 'node_modules', '.bin', 'tsx');
          const run = spawnSync(tsx, [path.join(repositoryRoot, 'infra', 'bundle.ts'), entry, outputDir], { cwd: repositoryRoot, stdio: 'inherit' });
          if (run.status !== 0) throw new Error(`bundling functions/${entry}.ts failed (exit ${run.status ?? run.signal})`);
          return true;
        },
      },
    },
  });
}

/**
 * A Lambda function bundled from functions/<entry>.ts with the project's esbuild settings, its own
 * log group with a fixed retention and its own role. The role gets write access to that log group
 * only, instead of the AWS managed AWSLambdaBasicExecutionRole (which allows every log group).
 */
export class NodeFunction extends Construct {
  readonly fn: LambdaFunction;
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

    this.fn = new LambdaFunction(this, 'Function', {
      code: bundledCode(props.entry),
      handler: 'index.handler',
      runtime: LAMBDA_RUNTIME,
      architecture: Architecture.ARM_64,
      description: props.description,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      ...(props.paramsAndSecrets ? { paramsAndSecrets: props.paramsAndSecrets } : {}),
      environment: {
        ...(props.sourceMapsAtLoad === false ? {} : { NODE_OPTIONS: '--enable-source-maps' }),
        ...props.environment,
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
