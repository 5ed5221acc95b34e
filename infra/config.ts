import type { Node } from 'constructs';

/** Deployment settings, read from CDK context (`-c key=value` or cdk.json). */
export interface DeployConfig {
  /** Verified SES identity (domain or address) reminders are sent from. */
  readonly sesIdentity: string;
  /** From address of reminder e-mails. */
  readonly sesFrom: string;
  /** Extra browser origins the pages are served from (e.g. a custom domain): bucket CORS, sign-in callbacks. */
  readonly webOrigins: string[];
  /** The Cognito hosted login's domain prefix (`https://<prefix>.auth.<region>.amazoncognito.com`), unique per region. */
  readonly authDomainPrefix: string;
}

/** The hosted login's prefix when the context names none (a deployer picks their own: docs/deploy.md). */
export const DEFAULT_AUTH_DOMAIN_PREFIX = 'kiem-diem';

import { DEFAULT_SES_IDENTITY, senderOf } from '@kd/config';

export { DEFAULT_SES_IDENTITY };

function contextString(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context value "${key}" must be a string`);
  return value.trim();
}

export function readDeployConfig(node: Node): DeployConfig {
  const sesIdentity = contextString(node, 'sesIdentity') ?? DEFAULT_SES_IDENTITY;
  const sesFrom = contextString(node, 'sesFrom') ?? senderOf(sesIdentity);
  if (!sesFrom.toLowerCase().endsWith(sesIdentity.includes('@') ? sesIdentity.toLowerCase() : `@${sesIdentity.toLowerCase()}`)) {
    throw new Error(`sesFrom "${sesFrom}" does not belong to the SES identity "${sesIdentity}"`);
  }
  const webOrigins = (contextString(node, 'webOrigins') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin.length > 0);
  for (const origin of webOrigins) {
    if (!/^https:\/\/[^/]+$/.test(origin)) throw new Error(`webOrigins entry "${origin}" must look like https://host`);
  }
  const authDomainPrefix = contextString(node, 'authDomainPrefix') ?? DEFAULT_AUTH_DOMAIN_PREFIX;
  // Cognito's rule for prefixes: lower-case letters, digits and hyphens, no "aws", "amazon" or "cognito".
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(authDomainPrefix) || /aws|amazon|cognito/.test(authDomainPrefix)) {
    throw new Error(`authDomainPrefix "${authDomainPrefix}" must be lower-case letters, digits and hyphens, without aws, amazon or cognito`);
  }
  return { sesIdentity, sesFrom, webOrigins, authDomainPrefix };
}

/** Where the stack deploys: the account and region the CDK CLI resolved (both unset in offline synth). */
export function deployTarget(env: NodeJS.ProcessEnv = process.env): { account?: string; region?: string } {
  return {
    ...(env.CDK_DEFAULT_ACCOUNT ? { account: env.CDK_DEFAULT_ACCOUNT } : {}),
    ...(env.CDK_DEFAULT_REGION ? { region: env.CDK_DEFAULT_REGION } : {}),
  };
}
