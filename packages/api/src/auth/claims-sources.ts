import type { createRemoteJWKSet } from 'jose';
import type { ClaimsSource } from '../deps';
import type { AppEnv } from '../env';
import type { LocalSigner } from './local-signer';

/** Local runs: the app verifies the token with its own ES256 key. */
export function localClaims(signer: LocalSigner): ClaimsSource {
  return async (_c, token) => (token ? signer.verify(token) : undefined);
}

/**
 * In AWS the HTTP API's JWT authorizer has verified the token already and passes its claims in the
 * event; routes without the authorizer (the pages) verify the Cognito token against the pool's keys.
 */
export function cognitoClaims(options: { region: string; userPoolId: string; clientId: string }): ClaimsSource {
  const issuer = `https://cognito-idp.${options.region}.amazonaws.com/${options.userPoolId}`;
  // jose and the key set are loaded on the first page request that needs them (about 70 ms at a
  // cold start otherwise): API requests carry the authorizer's claims and never fetch the keys.
  let keys: ReturnType<typeof createRemoteJWKSet> | undefined;
  return async (c, token) => {
    const fromAuthorizer = (c.env as AppEnv['Bindings'] | undefined)?.event?.requestContext?.authorizer?.jwt?.claims;
    if (fromAuthorizer) return fromAuthorizer;
    if (!token) return undefined;
    const { createRemoteJWKSet, jwtVerify } = await import('jose');
    keys ??= createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(token, keys, { issuer, audience: options.clientId, requiredClaims: ['exp'] });
    return payload as Record<string, unknown>;
  };
}
