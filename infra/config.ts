import type { Node } from 'constructs';

/** Deployment settings, read from CDK context (`-c key=value` or cdk.json). */
export interface DeployConfig {
  /** Verified SES identity (domain or address) reminders are sent from. */
  readonly sesIdentity: string;
  /** From address of reminder e-mails. */
  readonly sesFrom: string;
  /** Extra browser origins allowed to upload to the bucket (e.g. a custom domain). */
  readonly webOrigins: string[];
}

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
  return { sesIdentity, sesFrom, webOrigins };
}

/** Where the stack deploys: the account and region the CDK CLI resolved (both unset in offline synth). */
export function deployTarget(env: NodeJS.ProcessEnv = process.env): { account?: string; region?: string } {
  return {
    ...(env.CDK_DEFAULT_ACCOUNT ? { account: env.CDK_DEFAULT_ACCOUNT } : {}),
    ...(env.CDK_DEFAULT_REGION ? { region: env.CDK_DEFAULT_REGION } : {}),
  };
}
