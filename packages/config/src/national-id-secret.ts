import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/**
 * The deployment's secret behind the keyed hash of national ids (docs/reconciliation.md). Each
 * tenant's key is derived from it, so it must never change once hashes are stored: rotating it
 * makes every stored hash unmatchable until members are reconciled again.
 */

/**
 * On a developer's machine: 32 random bytes generated on first use beside the JWT key in `.local/`
 * (mode 600), kept across restarts. `path` null keeps a fresh secret in memory (tests).
 */
export function localNationalIdSecret(path: string | null): () => Promise<Uint8Array> {
  return async () => {
    if (path && existsSync(path)) return Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
    const secret = randomBytes(32);
    if (path) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, secret.toString('hex'), { mode: 0o600 });
    }
    return secret;
  };
}

const SecretValue = z.object({ SecretString: z.string().min(32) });

/**
 * In AWS: the Secrets Manager secret the stack creates, read through the AWS Parameters and
 * Secrets Lambda Extension on the function's own localhost (no SDK client, nothing logged), once
 * per container. The ARN, the extension's port and the session token come from the function's
 * configuration (`lambdaConfig('api')`: `nationalIdSecretArn`, `secretsExtensionPort`, `sessionToken`).
 */
export function extensionNationalIdSecret(secretArn: string, extension: { port: string; sessionToken: string }): () => Promise<Uint8Array> {
  return async () => {
    const res = await fetch(`http://localhost:${extension.port}/secretsmanager/get?secretId=${encodeURIComponent(secretArn)}`, {
      headers: { 'X-Aws-Parameters-Secrets-Token': extension.sessionToken },
    });
    if (!res.ok) throw new Error(`the national id secret could not be read (extension answered ${res.status})`);
    return Buffer.from(SecretValue.parse(await res.json()).SecretString, 'utf8');
  };
}
