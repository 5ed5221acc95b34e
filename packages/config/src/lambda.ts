import { z } from 'zod';

/**
 * The environment of the stack's Lambda functions: one name per setting, shared by the CDK
 * constructs that set them (infra/constructs/*) and the functions that read them, so the two
 * cannot drift apart.
 */
export const lambdaEnv = {
  tableName: 'TABLE_NAME',
  /** How the API verifies callers: API Gateway's Cognito JWT authorizer (the only mode deployed). */
  authMode: 'AUTH_MODE',
  region: 'AWS_REGION',
  userPoolId: 'USER_POOL_ID',
  userPoolClientId: 'USER_POOL_CLIENT_ID',
  /** Cognito's hosted login (`https://<prefix>.auth.<region>.amazoncognito.com`): where pages sign in and out. */
  authDomainUrl: 'AUTH_DOMAIN_URL',
  /** The pages' Content-Security-Policy, with the stack's own origins (the bucket, the hosted login). */
  contentSecurityPolicy: 'CONTENT_SECURITY_POLICY',
  uploadBucket: 'UPLOAD_BUCKET',
  sesFrom: 'SES_FROM',
  appUrl: 'APP_URL',
  scheduleGroupName: 'SCHEDULE_GROUP_NAME',
  schedulerRoleArn: 'SCHEDULER_ROLE_ARN',
  scheduleDeadLetterArn: 'SCHEDULE_DEAD_LETTER_ARN',
  scheduleTimeZone: 'SCHEDULE_TIME_ZONE',
  /** The Secrets Manager secret behind the keyed hash of national ids (packages/config/src/national-id-secret.ts). */
  nationalIdSecretArn: 'NATIONAL_ID_SECRET_ARN',
  /** The key that signs pagination cursors (a secret the stack generates; docs/api.md, "Pages"). */
  cursorKey: 'CURSOR_KEY',
  /** The Parameters and Secrets extension's port on the function's localhost (the layer's setting; 2773 unless set). */
  secretsExtensionPort: 'PARAMETERS_SECRETS_EXTENSION_HTTP_PORT',
  /** The runtime's session token, which the extension asks every caller for. */
  sessionToken: 'AWS_SESSION_TOKEN',
} as const;
type Name = (typeof lambdaEnv)[keyof typeof lambdaEnv];

const required = z.string().min(1);

/** What each function reads, as zod schemas keyed by the variable names above. */
const schemas = {
  api: z.object({
    [lambdaEnv.tableName]: required,
    [lambdaEnv.region]: required,
    [lambdaEnv.userPoolId]: required,
    [lambdaEnv.userPoolClientId]: required,
    [lambdaEnv.authDomainUrl]: z.url(),
    [lambdaEnv.contentSecurityPolicy]: required.refine((csp) => csp.includes("frame-ancestors 'none'") && !/script-src[^;]*unsafe/.test(csp)),
    [lambdaEnv.uploadBucket]: required.optional(),
    [lambdaEnv.nationalIdSecretArn]: required.optional(),
    [lambdaEnv.authMode]: z.literal('cognito').default('cognito'),
    [lambdaEnv.cursorKey]: z.string().min(32),
    [lambdaEnv.secretsExtensionPort]: required.default('2773'),
    [lambdaEnv.sessionToken]: z.string().default(''),
  }),
  rollupStream: z.object({ [lambdaEnv.tableName]: required, [lambdaEnv.region]: required }),
  reconcile: z.object({ [lambdaEnv.tableName]: required, [lambdaEnv.region]: required }),
  /** Tree jobs (large moves, merges, splits): started by the table stream, resumed by it. */
  treeJob: z.object({ [lambdaEnv.tableName]: required, [lambdaEnv.region]: required }),
  deadlineReport: z.object({
    [lambdaEnv.tableName]: required,
    [lambdaEnv.region]: required,
    [lambdaEnv.sesFrom]: z.email(),
    [lambdaEnv.appUrl]: z.url(),
    [lambdaEnv.scheduleGroupName]: required.optional(),
    [lambdaEnv.schedulerRoleArn]: required.optional(),
    [lambdaEnv.scheduleDeadLetterArn]: required.optional(),
    [lambdaEnv.scheduleTimeZone]: z.literal('Asia/Ho_Chi_Minh').default('Asia/Ho_Chi_Minh'),
  }),
} satisfies Record<string, z.ZodObject<Partial<Record<Name, z.ZodType>>>>;

/** The schemas themselves, for the test that holds the stack's variables against them. */
export const lambdaConfigSchemas = schemas;

export type LambdaFunction = keyof typeof schemas;
export type LambdaConfig<F extends LambdaFunction> = z.infer<(typeof schemas)[F]>;

const parsed = new Map<LambdaFunction, unknown>();

/**
 * The configuration of one function, read from its environment once per container and checked
 * by zod (a missing variable fails the cold start, not the first request).
 *
 * @example
 * const config = lambdaConfig('rollupStream');
 * createStore({ tableName: config.TABLE_NAME, region: config.AWS_REGION });
 */
export function lambdaConfig<F extends LambdaFunction>(fn: F, env: Record<string, string | undefined> = process.env): LambdaConfig<F> {
  if (env !== process.env) return schemas[fn].parse(env) as LambdaConfig<F>;
  if (!parsed.has(fn)) parsed.set(fn, schemas[fn].parse(env));
  return parsed.get(fn) as LambdaConfig<F>;
}
