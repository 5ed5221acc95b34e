import { beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { putArchiveGrant, type Store } from '@kd/data';
import { loadLocalSigner } from '@kd/api';
import { createTestStore } from '../support/store';
import { putTestCampaign } from '../support/rollups';
import { reconcileTenant } from '@kd/jobs';
import { createTestApp, type TestApp } from '../support/app';
import { identities, seedFixture } from '../support/fixture';
import { Hono } from 'hono';
import { isolationCases, PUBLIC_ROUTES, SELF_ROUTES, TENANT_ROUTES, routesWithoutCases, type Target } from './cases';
import { enableMasses } from '../support/masses';

/**
 * Every route of the app × {another tenant, outside the subtree, no token, bad token}. The route
 * list comes from the app itself: a new route without an entry in `cases.ts` fails here.
 */
let t: TestApp;
let store: Store;
let foreignToken: string;
let expiredToken: string;

const otherTenant: Target = { unitId: 'c1', memberId: 'M002', year: '2021', jobId: 'tj-none', tenant: 't1', appendix: '4' };
const outside: Target = { unitId: 'c3', memberId: 'M011', year: '2021', jobId: 'tj-none', tenant: 't2', appendix: '4' };
// Another member of the member's own cell: a member signed in for themselves reaches none of it.
const sameCell: Target = { unitId: 'c1', memberId: 'M003', year: '2021', jobId: 'tj-none', tenant: 't2', appendix: '4', promptId: 'p-none' };

async function itemCount(): Promise<number> {
  const out = await store.doc.send(new ScanCommand({ TableName: store.tableName, Select: 'COUNT' }));
  return out.Count ?? 0;
}

function appRoutes(): { method: string; path: string }[] {
  const seen = new Set<string>();
  return t.app.routes
    .filter((r) => r.method !== 'ALL')
    .map((r) => ({ method: r.method, path: r.path }))
    .filter((r) => !PUBLIC_ROUTES.has(`${r.method} ${r.path}`) && !SELF_ROUTES.has(`${r.method} ${r.path}`) && !TENANT_ROUTES[`${r.method} ${r.path}`])
    .filter((r) => (seen.has(`${r.method} ${r.path}`) ? false : (seen.add(`${r.method} ${r.path}`), true)));
}

function fill(path: string, target: Target): string {
  return path.replace(/:(\w+)/g, (_, name: keyof Target) => encodeURIComponent(String(target[name])));
}

async function call(route: { method: string; path: string }, target: Target, auth: string | null) {
  const entry = isolationCases[`${route.method} ${route.path}`]!;
  const body = entry.body?.(target);
  const headers: Record<string, string> = {};
  if (auth !== null) headers.authorization = auth;
  if (body !== undefined) headers['content-type'] = entry.contentType ?? 'application/json';
  return t.app.request(fill(route.path, target) + (entry.query ?? ''), {
    method: route.method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? (body as BodyInit) : JSON.stringify(body),
    redirect: 'manual',
  });
}

beforeAll(async () => {
  store = await createTestStore('isolation');
  await seedFixture(store);
  // t1 has the masses rule, so that its masses routes answer the scope (403) rather than 404.
  await enableMasses(store, 't1');
  // A province merge's grant (t2 → t1): the matrix holds with it in place.
  await putArchiveGrant(store, { tenant: 't2', grantee: 't1', predecessorRoot: 'p2', successorRoot: 'p1', mergeId: 'm', grantedAt: '2025-07-01T00:00:00Z', grantedBy: 'operator' });
  t = await createTestApp(store);
  const foreign = await loadLocalSigner(null);
  foreignToken = await foreign.sign(identities.province);
  const past = await loadLocalSigner(null, () => new Date('2020-01-01T00:00:00Z'));
  expiredToken = await past.sign(identities.province, 60);
});

describe('isolation matrix', () => {
  it('has cases for every route of the app', () => {
    const routes = appRoutes();
    expect(routes.length).toBeGreaterThan(10);
    const missing = routesWithoutCases(t.app.routes);
    expect(missing, `routes without isolation cases: ${missing.join(', ')}`).toEqual([]);
  });

  it('notices a new route that has no cases', () => {
    const extended = new Hono().route('/', t.app);
    extended.get('/api/v1/units/:unitId/new-thing', (c) => c.text('x'));
    expect(routesWithoutCases(extended.routes)).toEqual(['GET /api/v1/units/:unitId/new-thing']);
  });

  it('requires a valid token on the caller’s own routes', async () => {
    for (const key of SELF_ROUTES) {
      const [method, path] = key.split(' ') as [string, string];
      expect((await t.app.request(path!, { method })).status).toBe(401);
      expect((await t.app.request(path!, { method, headers: { authorization: `Bearer ${foreignToken}` } })).status).toBe(401);
      expect((await t.app.request(path!, { method, headers: { authorization: `Bearer ${await t.token(identities.cell)}` } })).status).toBe(200);
    }
  });

  it('keeps the province-wide routes to the caller’s own province: 401 without a token, 403 below the province board, another province never reaches this one', async () => {
    for (const [key, entry] of Object.entries(TENANT_ROUTES)) {
      const [method, path] = key.split(' ') as [string, string];
      const url = path.replace(':year', '2021');
      const init = (auth?: string): RequestInit => ({
        method,
        headers: { ...(auth ? { authorization: auth } : {}), 'content-type': 'application/json' },
        ...(entry.body === undefined ? {} : { body: JSON.stringify(entry.body) }),
      });
      expect((await t.app.request(url, init())).status, key).toBe(401);
      expect((await t.app.request(url, init(`Bearer ${foreignToken}`))).status, key).toBe(401);
      const below = await t.app.request(url, init(`Bearer ${await t.token(identities.bloc)}`));
      expect([below.status, (await below.json()).error.code], key).toEqual([403, 'ROLE_NOT_ALLOWED']);
      const before = await itemCount();
      await t.app.request(url, init(`Bearer ${await t.token(identities.otherTenant)}`));
      const t1Campaigns = await (await t.app.request('/api/v1/campaigns', { headers: { authorization: `Bearer ${await t.token(identities.province)}` } })).json();
      expect(t1Campaigns, key).toEqual([]);
      expect(await itemCount()).toBeGreaterThanOrEqual(before);
    }
  });

  it('answers 404 to a caller of another tenant, and writes nothing', async () => {
    const before = await itemCount();
    const failures: string[] = [];
    for (const route of appRoutes()) {
      const res = await call(route, otherTenant, `Bearer ${await t.token(identities.otherTenant)}`);
      if (res.status !== 404) failures.push(`${route.method} ${route.path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
    expect(await itemCount()).toBe(before);
  });

  it('answers 403 to a caller outside the unit’s subtree, and writes nothing', async () => {
    const before = await itemCount();
    const failures: string[] = [];
    for (const route of appRoutes()) {
      const entry = isolationCases[`${route.method} ${route.path}`]!;
      const caller = entry.outsideCaller ?? identities.cell;
      const res = await call(route, outside, `Bearer ${await t.token(caller)}`);
      if (res.status !== 403) failures.push(`${route.method} ${route.path} → ${res.status}`);
      else if (!entry.page) {
        const body = await res.json();
        if (body.error?.code !== 'OUTSIDE_SUBTREE') failures.push(`${route.method} ${route.path} → ${body.error?.code}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await itemCount()).toBe(before);
  });

  it('gives a member signed in for themselves nothing of their cell beyond their own record, and writes nothing', async () => {
    await putTestCampaign(store, 't1', 2021);
    const before = await itemCount();
    const failures: string[] = [];
    const member = `Bearer ${await t.token(identities.member)}`;
    for (const route of appRoutes()) {
      const res = await call(route, sameCell, member);
      if (res.status !== 403 && res.status !== 404) failures.push(`${route.method} ${route.path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
    expect(await itemCount()).toBe(before);
    // Their own record is theirs: the self-review (page, API, Word), the record page; the scoring form
    // is reached too, and answers that 2021 does not score on 100 (the 2026 case: member-own-record.test.ts).
    const own = { unitId: 'c1', memberId: 'M002', year: '2021', jobId: 'tj-none', appendix: '4' } satisfies Target;
    const reached: Record<string, number> = {
      'GET /campaigns/:year/units/:unitId/members/:memberId/self-review': 200,
      'GET /campaigns/:year/units/:unitId/members/:memberId/record': 200,
      'GET /api/v1/campaigns/:year/units/:unitId/members/:memberId/self-review': 200,
      'GET /api/v1/campaigns/:year/units/:unitId/members/:memberId/self-review.docx': 200,
      'GET /campaigns/:year/units/:unitId/members/:memberId/score-sheet': 422,
      'GET /api/v1/campaigns/:year/units/:unitId/members/:memberId/score-sheet': 422,
      'GET /api/v1/campaigns/:year/units/:unitId/members/:memberId/score-sheet.docx': 422,
    };
    for (const [key, status] of Object.entries(reached)) {
      const [method, path] = key.split(' ') as [string, string];
      expect((await call({ method, path }, own, member)).status, key).toBe(status);
    }
  });

  it('answers 401 without a token (pages send the user to the login page)', async () => {
    const failures: string[] = [];
    for (const route of appRoutes()) {
      const entry = isolationCases[`${route.method} ${route.path}`]!;
      const res = await call(route, outside, null);
      const to = res.headers.get('location') ?? '';
      const ok = entry.page ? [302, 303].includes(res.status) && (to === '/login' || to.startsWith('/login?next=')) : res.status === 401;
      if (!ok) failures.push(`${route.method} ${route.path} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('answers 401 to a bad token: garbage, signed by another key, or expired', async () => {
    const failures: string[] = [];
    for (const bad of ['Bearer not-a-jwt', `Bearer ${foreignToken}`, `Bearer ${expiredToken}`]) {
      for (const route of appRoutes()) {
        const entry = isolationCases[`${route.method} ${route.path}`]!;
        const res = await call(route, outside, bad);
        const ok = entry.page ? [302, 303].includes(res.status) : res.status === 401;
        if (!ok) failures.push(`${bad.slice(0, 20)} ${route.method} ${route.path} → ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('a former province’s grant', () => {
  it('lets the successor’s root read the archive, and no one else', async () => {
    await putTestCampaign(store, 't2', 2021);
    await reconcileTenant(store, 't2');
    const path = '/api/v1/archives/t2/campaigns/2021/units/p2/rollup';
    const board = await t.app.request(path, { headers: { authorization: `Bearer ${await t.token(identities.province)}` } });
    expect(board.status).toBe(200);
    expect((await board.json()).unitId).toBe('p2');
    expect((await t.app.request(path, { headers: { authorization: `Bearer ${await t.token(identities.cell)}` } })).status).toBe(403);
    expect((await t.app.request('/api/v1/archives/t1/campaigns/2021/units/p1/rollup', { headers: { authorization: `Bearer ${await t.token(identities.otherTenant)}` } })).status).toBe(404);
  });
});
