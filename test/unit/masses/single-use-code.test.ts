import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, generateCode, generateCodes, hashCode, issueCodes, normalizeCode } from '@kd/domain';

describe('single-use codes for the phone comment form', () => {
  it('prints 12 characters of an unambiguous alphabet in groups of four', () => {
    const code = generateCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_ALPHABET).not.toMatch(/[ILOU]/);
  });

  it('issues as many distinct codes as masses present, with one hash each and the codes nowhere in the hashes', () => {
    const { codes, hashes } = issueCodes('S1', 40);
    expect(codes).toHaveLength(40);
    expect(new Set(codes).size).toBe(40);
    expect(hashes).toHaveLength(40);
    expect(new Set(hashes).size).toBe(40);
    for (const [i, h] of hashes.entries()) {
      expect(h).toBe(hashCode(codes[i]!, 'S1'));
      expect(h).not.toContain(codes[i]!.replace(/-/g, ''));
    }
  });

  it('keeps drawing until the codes are distinct, even from a poor random source', () => {
    let draws = 0;
    // The first two draws are the same code.
    const poor = (size: number) => Uint8Array.from({ length: size }, () => (draws < 2 ? 0 : 1));
    const counted = (size: number) => {
      const bytes = poor(size);
      draws++;
      return bytes;
    };
    expect(generateCodes(2, counted)).toEqual(['0000-0000-0000', '1111-1111-1111']);
    expect(draws).toBe(3);
  });

  it('uses all the alphabet, evenly enough', () => {
    const seen = new Map<string, number>();
    for (const c of generateCodes(2000).join('').replace(/-/g, '')) seen.set(c, (seen.get(c) ?? 0) + 1);
    expect(seen.size).toBe(32);
    // 24 000 characters over 32 symbols: 750 each on average.
    for (const count of seen.values()) expect(count).toBeGreaterThan(600);
  });

  it('forgives how a code is typed: case, spaces, dashes, O for 0, I and L for 1', () => {
    expect(normalizeCode('7k3m q9tx-r2wd')).toBe('7K3MQ9TXR2WD');
    expect(normalizeCode('OIL0-0000-0000')).toBe('011000000000');
    expect(hashCode('7k3m q9tx r2wd', 'S1')).toBe(hashCode('7K3M-Q9TX-R2WD', 'S1'));
    expect(normalizeCode('7K3M-Q9TX-R2W')).toBeNull();
    expect(normalizeCode('7K3M-Q9TX-R2WU')).toBeNull();
    expect(hashCode('not a code', 'S1')).toBeNull();
  });

  it('hashes the same code apart in two sessions', () => {
    expect(hashCode('7K3M-Q9TX-R2WD', 'S1')).not.toBe(hashCode('7K3M-Q9TX-R2WD', 'S2'));
  });
});
