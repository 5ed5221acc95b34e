import type { Context } from 'hono';
import type { Caller } from '@kd/domain';
import type { ServiceDeps } from '@kd/services';
import type { LocalSigner } from './auth/local-signer';

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
  /** Present only in local runs: enables `/api/v1/dev/*` and the demo login page. */
  local?: { signer: LocalSigner; identities: () => Promise<Identity[]> | Identity[] };
}
