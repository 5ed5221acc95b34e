import { createHash, randomBytes } from 'node:crypto';
import { createRemoteJWKSet, customFetch, jwtVerify, type JWTPayload } from 'jose';
import { z } from 'zod';
import { DomainError } from '@kd/domain';
import { CALLBACK_PATH, SIGNED_OUT_PATH } from '@kd/config';

/**
 * Where pages sign in: Amazon Cognito's hosted login in AWS, the app's own small provider locally
 * (`local-provider.tsx`). The same code talks to both (authorization code with PKCE).
 */
export interface OidcSettings {
  /** The provider's discovery document, for the origin the browser is on. */
  discoveryUrl: (origin: string) => string;
  clientId: string;
  scope: string;
  /** Cognito's `/logout` endpoint: its discovery document names no end-session endpoint. */
  logoutEndpoint?: (origin: string) => string;
  /** How the server reaches the provider (locally: the app itself, in process). */
  fetch?: typeof fetch;
}

const Discovery = z.object({
  issuer: z.string().min(1),
  authorization_endpoint: z.url(),
  token_endpoint: z.url(),
  jwks_uri: z.url(),
  end_session_endpoint: z.url().optional(),
});
type Discovery = z.infer<typeof Discovery>;

const TokenAnswer = z.object({ id_token: z.string().min(1) });

export { CALLBACK_PATH, SIGNED_OUT_PATH };

const random = () => randomBytes(32).toString('base64url');

/** A sign-in in progress: kept in the `kd_login` cookie until the provider sends the browser back. */
export interface LoginFlow {
  state: string;
  nonce: string;
  verifier: string;
  /** The page asked for, to return to after sign-in. */
  next: string;
}

export function newLoginFlow(next: string): LoginFlow {
  return { state: random(), nonce: random(), verifier: random(), next };
}

export const challengeOf = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export interface SignedIn {
  idToken: string;
  claims: JWTPayload;
}

export interface OidcClient {
  authorizeUrl(origin: string, flow: LoginFlow): Promise<string>;
  /** Trades the code for tokens and verifies the ID token (signature, issuer, audience, expiry, nonce). */
  signIn(origin: string, code: string, flow: LoginFlow): Promise<SignedIn>;
  logoutUrl(origin: string): Promise<string>;
}

const unavailable = (cause: unknown) => new DomainError('LOGIN_UNAVAILABLE', 'Không kết nối được máy chủ đăng nhập. Đồng chí vui lòng thử lại sau ít phút.', undefined, { cause });
const failed = (reason: string, cause?: unknown) => new DomainError('LOGIN_FAILED', 'Không hoàn tất được đăng nhập. Đồng chí vui lòng đăng nhập lại.', { reason }, { cause });

export function oidcClient(settings: OidcSettings): OidcClient {
  const fetcher = settings.fetch ?? fetch;
  const discoveries = new Map<string, Promise<Discovery>>();
  const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

  const discover = (origin: string): Promise<Discovery> => {
    const url = settings.discoveryUrl(origin);
    let found = discoveries.get(url);
    if (!found) {
      found = fetcher(url, { headers: { accept: 'application/json' } })
        .then(async (res) => {
          if (!res.ok) throw new Error(`discovery ${res.status}`);
          return Discovery.parse(await res.json());
        })
        .catch((error: unknown) => {
          discoveries.delete(url);
          throw unavailable(error);
        });
      discoveries.set(url, found);
    }
    return found;
  };
  const keysOf = (d: Discovery) => {
    let keys = keySets.get(d.jwks_uri);
    if (!keys) {
      keys = createRemoteJWKSet(new URL(d.jwks_uri), { [customFetch]: fetcher as never });
      keySets.set(d.jwks_uri, keys);
    }
    return keys;
  };

  return {
    async authorizeUrl(origin, flow) {
      const d = await discover(origin);
      const url = new URL(d.authorization_endpoint);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: settings.clientId,
        redirect_uri: origin + CALLBACK_PATH,
        scope: settings.scope,
        state: flow.state,
        nonce: flow.nonce,
        code_challenge: challengeOf(flow.verifier),
        code_challenge_method: 'S256',
      }).toString();
      return url.toString();
    },

    async signIn(origin, code, flow) {
      const d = await discover(origin);
      const res = await fetcher(d.token_endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ grant_type: 'authorization_code', client_id: settings.clientId, code, redirect_uri: origin + CALLBACK_PATH, code_verifier: flow.verifier }).toString(),
      }).catch((error: unknown) => {
        throw unavailable(error);
      });
      if (res.status >= 500) throw unavailable(new Error(`token endpoint ${res.status}`));
      const answer = TokenAnswer.safeParse(await res.json().catch(() => null));
      if (!res.ok || !answer.success) throw failed('token_refused');
      const { payload } = await jwtVerify(answer.data.id_token, keysOf(d), { issuer: d.issuer, audience: settings.clientId }).catch((error: unknown) => {
        throw failed('id_token_invalid', error);
      });
      if (payload.nonce !== flow.nonce) throw failed('nonce_mismatch');
      if (payload.token_use !== undefined && payload.token_use !== 'id') throw failed('not_an_id_token');
      return { idToken: answer.data.id_token, claims: payload };
    },

    async logoutUrl(origin) {
      const endpoint = settings.logoutEndpoint?.(origin) ?? (await discover(origin)).end_session_endpoint;
      if (!endpoint) return origin + SIGNED_OUT_PATH;
      const url = new URL(endpoint);
      url.search = new URLSearchParams({ client_id: settings.clientId, logout_uri: origin + SIGNED_OUT_PATH }).toString();
      return url.toString();
    },
  };
}
