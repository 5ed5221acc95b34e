import type { Context } from 'hono';
import type { Caller } from '@kd/domain';
import type { ServiceDeps } from '@kd/services';
import type { LocalSigner } from './auth/local-signer';
import type { OidcSettings } from './auth/oidc-client';

/** A demo login (docs/api.md, `/dev/identities`). */
export interface Identity {
  tenant: string;
  unit: string;
  role: Caller['role'];
  name: string;
  sub: string;
}

/** Where verified claims come from: the local key, or API Gateway's JWT authorizer in AWS. */
export type ClaimsSource = (c: Context, token: string | undefined) => Promise<Record<string, unknown> | undefined>;

/** What the HTTP app needs: the services' deps, plus how callers are verified. */
export interface AppDeps extends ServiceDeps {
  claims: ClaimsSource;
  /** Where pages sign in (Cognito's hosted login in AWS). Local runs without it use the app's own provider. */
  oidc?: OidcSettings;
  /** The Content-Security-Policy header (default: `contentSecurityPolicy()` of @kd/config for this deps). */
  contentSecurityPolicy?: string;
  /** Present only in local runs: enables `/api/v1/dev/*` and the local OpenID provider with the demo identities. */
  local?: { signer: LocalSigner; identities: () => Promise<Identity[]> | Identity[] };
}
