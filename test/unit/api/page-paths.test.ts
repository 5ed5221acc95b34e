import { describe, expect, it } from 'vitest';
import { createApp, pageApp, PAGE_PATHS, type AppDeps } from '@kd/api';

// Building the apps reads nothing: no store call happens before a request.
const deps = { store: {}, clock: () => new Date(), claims: async () => undefined } as unknown as AppDeps;
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe('the page routes createApp registers before the pages load', () => {
  it('are exactly the routes the pages serve', () => {
    const served = pageApp(deps).routes.filter((r) => r.method !== 'ALL').map(key).sort();
    expect(PAGE_PATHS.map(([method, path]) => `${method} ${path}`).sort()).toEqual(served);
  });

  it('are routes of the app itself, so route listings (the isolation matrix) see them', () => {
    const routes = new Set(createApp(deps).routes.map(key));
    expect(PAGE_PATHS.filter(([method, path]) => !routes.has(`${method} ${path}`))).toEqual([]);
  });
});
