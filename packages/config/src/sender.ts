/** The mail domain of a stack that names none: a placeholder the deployer replaces (docs/deploy.md). */
export const DEFAULT_SES_IDENTITY = 'kiemdiem.example.vn';

/** The From address of the deadline reports: an address, or `no-reply@` at a domain identity. */
export function senderOf(identity: string): string {
  return identity.includes('@') ? identity : `no-reply@${identity}`;
}

/** The sender when nothing else is configured (locally, and in a stack without `sesFrom`). */
export const DEFAULT_SENDER = senderOf(DEFAULT_SES_IDENTITY);
