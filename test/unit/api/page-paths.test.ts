import { describe, expect, it } from 'vitest';
import { createApp, pageApp, LOCAL_PROVIDER_PATHS, PAGE_PATHS, type AppDeps } from '@kd/api';

// Building the apps reads nothing: no store call happens before a request.
const deps = { store: {}, clock: () => new Date(), claims: async () => undefined } as unknown as AppDeps;
const local = { ...deps, local: { identities: [] } } as unknown as AppDeps;
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;
const listed = (paths: ReadonlyArray<readonly [string, string]>) => paths.map(([method, path]) => `${method} ${path}`);
const served = (d: AppDeps) => [...new Set(pageApp(d, fetch).routes.filter((r) => r.method !== 'ALL').map(key))].sort();

describe('the page routes createApp registers before the pages load', () => {
  it('are exactly the routes the pages serve, in AWS and locally (with the sign-in provider)', () => {
    expect(listed(PAGE_PATHS).sort()).toEqual(served(deps));
    expect(listed([...PAGE_PATHS, ...LOCAL_PROVIDER_PATHS]).sort()).toEqual(served(local));
  });

  it('are routes of the app itself, so route listings (the isolation matrix) see them; the provider only locally', () => {
    const aws = new Set(createApp(deps).routes.map(key));
    const runs = new Set(createApp(local).routes.map(key));
    expect(listed(PAGE_PATHS).filter((r) => !aws.has(r))).toEqual([]);
    expect(listed(LOCAL_PROVIDER_PATHS).filter((r) => aws.has(r))).toEqual([]);
    expect(listed(LOCAL_PROVIDER_PATHS).filter((r) => !runs.has(r))).toEqual([]);
  });
});
