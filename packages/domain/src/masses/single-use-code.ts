import { createHmac, randomBytes } from 'node:crypto';

/**
 * Single-use codes that open the comment form on a masses' phone, without an account: the clerk
 * prints as many as masses present and hands them out at random, so the count stays honest and no
 * code is tied to a person. Only a keyed hash of each code is stored, never the code.
 *
 * Crockford's base-32 alphabet (no I, L, O, U): 12 characters = 60 random bits, printed in groups
 * of four ("7K3M-Q9TX-R2WD"); typing is forgiving (lower case, spaces, O for 0, I and L for 1).
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 12;
const GROUP = 4;

/** Random bytes; tests pass a seeded source. */
export type RandomSource = (size: number) => Uint8Array;

export function generateCode(random: RandomSource = randomBytes): string {
  // 32 divides 256, so taking 5 bits of a byte is unbiased.
  const chars = [...random(CODE_LENGTH)].map((b) => CODE_ALPHABET[b & 31]!);
  return chars.join('').replace(new RegExp(`(.{${GROUP}})(?!$)`, 'g'), '$1-');
}

/** `count` distinct codes (as many as masses present). */
export function generateCodes(count: number, random: RandomSource = randomBytes): string[] {
  if (!Number.isInteger(count) || count < 0 || count > 100_000) throw new RangeError(`code count ${count}`);
  const codes = new Set<string>();
  while (codes.size < count) codes.add(generateCode(random));
  return [...codes];
}

/** The canonical form of what someone typed, or null when it cannot be a code. */
export function normalizeCode(typed: string): string | null {
  const s = typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (s.length !== CODE_LENGTH || [...s].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return s;
}

/**
 * What is stored for a code: HMAC-SHA-256 keyed by the session, so equal codes of two sessions
 * hash apart and a stored hash is useless elsewhere. Null when the text cannot be a code.
 */
export function hashCode(typed: string, sessionId: string): string | null {
  const code = normalizeCode(typed);
  return code === null ? null : createHmac('sha256', `masses-code:${sessionId}`).update(code).digest('base64url');
}

/** Codes to print and the hashes to store (same order; the caller drops the codes once printed). */
export function issueCodes(sessionId: string, count: number, random: RandomSource = randomBytes): { codes: string[]; hashes: string[] } {
  const codes = generateCodes(count, random);
  return { codes, hashes: codes.map((c) => hashCode(c, sessionId)!) };
}
