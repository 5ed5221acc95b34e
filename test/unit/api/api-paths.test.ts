import { describe, expect, it } from 'vitest';
import { API_PATHS, ROUTE_GROUPS, createApp, type AppDeps } from '@kd/api';

// Building the apps reads nothing: no store call happens before a request.
const deps = { store: {}, clock: () => new Date(), claims: async () => undefined } as unknown as AppDeps;
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

describe('the JSON API routes createApp registers before their groups load', () => {
  it('are exactly, in order, the routes each group serves', async () => {
    const served: string[] = [];
    for (const [name, load] of Object.entries(ROUTE_GROUPS)) {
      for (const r of (await load())(deps).routes) {
        const entry = `${key(r)} ${name}`;
        if (r.method !== 'ALL' && !served.includes(entry)) served.push(entry);
      }
    }
    expect(API_PATHS.map(([method, path, group]) => `${method} ${path} ${group}`)).toEqual(served);
  });

  it('are routes of the app under /api/v1, so route listings (the isolation matrix) see them', () => {
    const routes = new Set(createApp(deps).routes.map(key));
    expect(API_PATHS.map(([method, path]) => `${method} /api/v1${path}`).filter((r) => !routes.has(r))).toEqual([]);
  });
});
