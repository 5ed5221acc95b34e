import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The settings of `npm start`, the benchmarks and the crash tests on one machine, read once from
 * the environment (docs/architecture.md, "Running locally").
 */
const LocalEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  KD_TABLE: z.string().min(1).default('kiem-diem'),
  KD_DYNAMO_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  KD_DATA_DIR: z.string().min(1).optional(),
  /** Crash tests only: the process kills itself at this named point of a multi-step write. */
  KD_FAULT_KILL_AT: z.string().min(1).optional(),
});

export interface LocalConfig {
  port: number;
  host: string;
  tableName: string;
  dynamoPort: number | undefined;
  /** Where DynamoDB Local's file, the signing key and the outbox live (default `.local/` at the repository root). */
  dataDir: string;
  faultKillAt: string | undefined;
  /** The address the pages are served at, for links in e-mails. */
  appUrl: string;
}

/**
 * The AWS SDK looks for credentials on the EC2 metadata address unless told not to: every local
 * process sets these before any client is created, so nothing leaves the machine.
 */
const noNetwork: Record<string, string> = {
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_REGION: 'ap-southeast-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  CDK_DISABLE_VERSION_CHECK: 'true',
  CDK_DISABLE_CLI_TELEMETRY: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

export function applyNoNetworkDefaults(env: NodeJS.ProcessEnv = process.env): void {
  for (const [k, v] of Object.entries(noNetwork)) env[k] ??= v;
}

let cached: LocalConfig | undefined;

export function localConfig(repoRoot: string, env: NodeJS.ProcessEnv = process.env): LocalConfig {
  if (cached && env === process.env) return cached;
  const e = LocalEnv.parse(env);
  const config: LocalConfig = {
    port: e.PORT,
    host: e.HOST,
    tableName: e.KD_TABLE,
    dynamoPort: e.KD_DYNAMO_PORT,
    dataDir: resolve(e.KD_DATA_DIR ?? resolve(repoRoot, '.local')),
    faultKillAt: e.KD_FAULT_KILL_AT,
    appUrl: `http://localhost:${e.PORT}`,
  };
  if (env === process.env) cached = config;
  return config;
}
