import type { Store } from '@kd/data';
import { createApp, loadLocalSigner, localClaims, type LocalSigner, type Identity } from '@kd/api';
import { inProcessTreeJobs } from '@kd/jobs';
import { hmacNationalIdKeys } from '@kd/services';
import { identities } from './fixture';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  signer: LocalSigner;
  token(identity: Identity): Promise<string>;
  request(path: string, init?: RequestInit & { as?: Identity }): Promise<Response>;
  setNow(iso: string): void;
  /** Resolves once every tree job this app started in-process has stopped. */
  treeJobsIdle(): Promise<void>;
}

/** A fixed secret for the keyed hash of national ids, as a deployment holds one. */
export const testNationalIdKeys = () => hmacNationalIdKeys(async () => new TextEncoder().encode('test-secret-for-national-id-hashes-0123456789'));

/** The real app over a test table, with a settable clock and an in-memory signing key. */
export async function createTestApp(store: Store, now = '2021-12-15T03:00:00.000Z'): Promise<TestApp> {
  let current = new Date(now);
  const clock = () => current;
  const signer = await loadLocalSigner(null);
  const treeJobs = inProcessTreeJobs(store, { now: clock });
  const nationalIdKeys = testNationalIdKeys();
  const app = createApp({ store, clock, claims: localClaims(signer), local: { signer, identities: () => Object.values(identities) }, treeJobs, nationalIdKeys });
  const tokens = new Map<string, string>();
  const token = async (id: Identity) => {
    const key = JSON.stringify(id);
    if (!tokens.has(key)) tokens.set(key, await signer.sign(id));
    return tokens.get(key)!;
  };
  return {
    app,
    signer,
    token,
    setNow: (iso) => (current = new Date(iso)),
    treeJobsIdle: () => treeJobs.idle(),
    async request(path, init = {}) {
      const { as, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (as) headers.set('authorization', `Bearer ${await token(as)}`);
      if (rest.body && typeof rest.body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
      return app.request(path, { ...rest, headers });
    },
  };
}
