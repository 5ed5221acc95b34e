import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SignJWT, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, jwtVerify, type JWK } from 'jose';
import type { Caller } from './claims';

export const LOCAL_ISSUER = 'kiem-diem-local';
export const LOCAL_AUDIENCE = 'kiem-diem';

export interface LocalSigner {
  sign(caller: Omit<Caller, 'sub'> & { sub?: string }, ttlSeconds?: number): Promise<string>;
  verify(token: string): Promise<Record<string, unknown>>;
  /** An ID token of the local OpenID provider: these claims, the local issuer and audience, `kid` in the header. */
  signIdToken(claims: Record<string, unknown> & { sub: string }, ttlSeconds: number): Promise<string>;
  /** The public key, as the local provider's JWKS publishes it. */
  publicJwk: JWK;
}

/**
 * The local ES256 key: generated on first start and kept in the local data folder, so tokens
 * survive restarts. `path` null keeps it in memory (tests).
 */
export async function loadLocalSigner(path: string | null, now: () => Date = () => new Date()): Promise<LocalSigner> {
  let privateJwk: JWK;
  if (path && existsSync(path)) {
    privateJwk = JSON.parse(readFileSync(path, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    privateJwk = await exportJWK(privateKey);
    if (path) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, JSON.stringify(privateJwk), { mode: 0o600 });
    }
  }
  const privateKey = await importJWK(privateJwk, 'ES256');
  const { d: _d, ...publicJwk } = privateJwk;
  const publicKey = await importJWK(publicJwk, 'ES256');
  const kid = await calculateJwkThumbprint(publicJwk);
  return {
    publicJwk: { ...publicJwk, kid, alg: 'ES256', use: 'sig' },
    async signIdToken(claims, ttlSeconds) {
      const iat = Math.floor(now().getTime() / 1000);
      const { sub, ...rest } = claims;
      return new SignJWT(rest)
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid })
        .setSubject(sub)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlSeconds)
        .sign(privateKey);
    },
    async sign(caller, ttlSeconds = 8 * 3600) {
      const iat = Math.floor(now().getTime() / 1000);
      return new SignJWT({ name: caller.name, tenant: caller.tenant, unit: caller.unit, role: caller.role })
        .setProtectedHeader({ alg: 'ES256', typ: 'JWT' })
        .setSubject(caller.sub ?? `${caller.tenant}:${caller.unit}:${caller.role}`)
        .setIssuer(LOCAL_ISSUER)
        .setAudience(LOCAL_AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlSeconds)
        .sign(privateKey);
    },
    async verify(token) {
      const { payload } = await jwtVerify(token, publicKey, {
        issuer: LOCAL_ISSUER,
        audience: LOCAL_AUDIENCE,
        algorithms: ['ES256'],
        // A token that never expires is refused, however well signed.
        requiredClaims: ['exp'],
        currentDate: now(),
      });
      return payload as Record<string, unknown>;
    },
  };
}
