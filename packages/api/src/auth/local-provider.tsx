import { randomBytes, timingSafeEqual } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { unitNames } from '@kd/services';
import type { AppDeps, Identity } from '../deps';
import type { AppEnv } from '../env';
import { LoginPage, SignInProblemPage } from '../pages/login-page';
import { LOCAL_AUTHORIZE_PATH, LOCAL_PROVIDER_BASE, LOCAL_TOKEN_PATH } from '../base-paths';
import { ensureCsrf } from './csrf';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from './local-signer';
import { CALLBACK_PATH, SIGNED_OUT_PATH, challengeOf, type OidcSettings } from './oidc-client';

/**
 * A small OpenID provider for local runs, served by the app itself under LOCAL_PROVIDER_BASE: a
 * discovery document, an authorize page listing the demo identities, a token endpoint that checks
 * the PKCE verifier, the JWKS of the local ES256 key, and a logout endpoint shaped like Cognito's.
 * Pages sign in through it with exactly the code that talks to Cognito in AWS.
 */
/** How long an ID token (so a local session) lasts: 8 hours, like the dev tokens. */
export const LOCAL_SESSION_SECONDS = 8 * 3600;
const CODE_SECONDS = 60;

export function localProviderSettings(fetcher: typeof fetch): OidcSettings {
  return {
    discoveryUrl: (origin) => `${origin}${LOCAL_PROVIDER_BASE}/.well-known/openid-configuration`,
    clientId: LOCAL_AUDIENCE,
    scope: 'openid email profile',
    fetch: fetcher,
  };
}

const opaque = z.string().regex(/^[\w.~-]{16,200}$/);
const AuthorizeRequest = z.object({
  response_type: z.literal('code'),
  client_id: z.literal(LOCAL_AUDIENCE),
  redirect_uri: z.string(),
  scope: z.string().refine((s) => s.split(' ').includes('openid')),
  state: opaque,
  nonce: opaque,
  code_challenge: z.string().regex(/^[\w-]{43}$/),
  code_challenge_method: z.literal('S256'),
});
type AuthorizeRequest = z.infer<typeof AuthorizeRequest>;

const TokenRequest = z.object({
  grant_type: z.literal('authorization_code'),
  client_id: z.literal(LOCAL_AUDIENCE),
  code: z.string().min(1),
  redirect_uri: z.string(),
  code_verifier: z.string().regex(/^[\w.~-]{43,128}$/),
});

interface Grant {
  identity: Identity;
  request: AuthorizeRequest;
  expiresAt: number;
}

const originOf = (c: Context) => new URL(c.req.url).origin;

export function localProvider(deps: AppDeps, local: NonNullable<AppDeps['local']>) {
  const r = new Hono<AppEnv>();
  const grants = new Map<string, Grant>();

  /** The request is the app's, coming back to the app's own callback (the "registered" redirect URI). */
  const authorizeRequest = (c: Context<AppEnv>, input: unknown): AuthorizeRequest | undefined => {
    const parsed = AuthorizeRequest.safeParse(input);
    return parsed.success && parsed.data.redirect_uri === originOf(c) + CALLBACK_PATH ? parsed.data : undefined;
  };
  const badRequest = (c: Context<AppEnv>) => c.html(<SignInProblemPage message="Yêu cầu đăng nhập không hợp lệ." />, 400);

  r.get(`${LOCAL_PROVIDER_BASE}/.well-known/openid-configuration`, (c) => {
    const base = originOf(c) + LOCAL_PROVIDER_BASE;
    return c.json({
      issuer: LOCAL_ISSUER,
      authorization_endpoint: `${base}/oauth2/authorize`,
      token_endpoint: `${base}/oauth2/token`,
      jwks_uri: `${base}/.well-known/jwks.json`,
      end_session_endpoint: `${base}/logout`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      code_challenge_methods_supported: ['S256'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['ES256'],
      scopes_supported: ['openid', 'email', 'profile'],
    });
  });

  r.get(`${LOCAL_PROVIDER_BASE}/.well-known/jwks.json`, (c) => c.json({ keys: [local.signer.publicJwk] }));

  r.get(LOCAL_AUTHORIZE_PATH, async (c) => {
    const request = authorizeRequest(c, c.req.query());
    if (!request) return badRequest(c);
    ensureCsrf(c);
    const identities = await local.identities();
    const names = await unitNames(deps, identities);
    return c.html(<LoginPage identities={identities} unitNames={names.units} tenantNames={names.tenants} action={LOCAL_AUTHORIZE_PATH} request={request} />);
  });

  // The CSRF guard has checked the origin and the token of this form before it gets here.
  r.post(LOCAL_AUTHORIZE_PATH, async (c) => {
    const form = await c.req.parseBody();
    const request = authorizeRequest(c, form);
    const identity = (await local.identities())[Number(form.identity)];
    if (!request || !identity) return badRequest(c);
    const now = Date.now();
    for (const [code, grant] of grants) if (grant.expiresAt < now) grants.delete(code);
    const code = randomBytes(32).toString('base64url');
    grants.set(code, { identity, request, expiresAt: now + CODE_SECONDS * 1000 });
    const back = new URL(request.redirect_uri);
    back.search = new URLSearchParams({ code, state: request.state }).toString();
    return c.redirect(back.toString(), 303);
  });

  r.post(LOCAL_TOKEN_PATH, async (c) => {
    const refuse = (error: string) => c.json({ error }, 400, { 'cache-control': 'no-store' });
    const parsed = TokenRequest.safeParse(await c.req.parseBody());
    if (!parsed.success) return refuse('invalid_request');
    const { code, redirect_uri, code_verifier } = parsed.data;
    const grant = grants.get(code);
    grants.delete(code); // a code is good for one exchange, right or wrong
    if (!grant || grant.expiresAt < Date.now() || grant.request.redirect_uri !== redirect_uri) return refuse('invalid_grant');
    const expected = Buffer.from(grant.request.code_challenge);
    const actual = Buffer.from(challengeOf(code_verifier));
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return refuse('invalid_grant');
    const { identity } = grant;
    const idToken = await local.signer.signIdToken(
      {
        sub: identity.sub,
        name: identity.name,
        'custom:tenant': identity.tenant,
        'custom:unit': identity.unit,
        'custom:role': identity.role,
        nonce: grant.request.nonce,
        token_use: 'id',
      },
      LOCAL_SESSION_SECONDS,
    );
    return c.json({ id_token: idToken, token_type: 'Bearer', expires_in: LOCAL_SESSION_SECONDS }, 200, { 'cache-control': 'no-store' });
  });

  r.get(`${LOCAL_PROVIDER_BASE}/logout`, (c) => {
    const target = c.req.query('logout_uri');
    if (c.req.query('client_id') !== LOCAL_AUDIENCE || target !== originOf(c) + SIGNED_OUT_PATH) return badRequest(c);
    return c.redirect(target, 302);
  });

  return r;
}
