import { beforeAll, describe, expect, it } from 'vitest';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { contentSecurityPolicy } from '@kd/config';
import { createApp, csrfTokenFor, FORM_BODY_LIMIT, JSON_BODY_LIMIT, localClaims } from '@kd/api';
import { uploadSlots } from '@kd/services';
import type { Store } from '@kd/data';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';
import { identities, seedFixture } from '../support/fixture';
import { putTestCampaign } from '../support/rollups';

/**
 * CSRF defences (token and Origin / Sec-Fetch-Site), the split between the bearer API and the
 * pages' cookie API, body limits on every kind of route, and the security headers. The browser
 * half (a page on another port) is in test/e2e/login.test.ts.
 */
let t: TestApp;
let store: Store;
let session: string;
let csrf: string;

beforeAll(async () => {
  store = await createTestStore('forged');
  await seedFixture(store);
  await putTestCampaign(store, 't1', 2021);
  t = await createTestApp(store);
  session = await t.token(identities.cell);
  csrf = csrfTokenFor(session);
});

const itemCount = async () => (await store.doc.send(new ScanCommand({ TableName: store.tableName, Select: 'COUNT' }))).Count ?? 0;
const cookie = () => `__Host-kd_session=${session}`;
const collective = '/campaigns/2021/units/c1/review/collective';

function post(path: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  return t.app.request(path, {
    method: 'POST',
    headers: { cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
}

describe('forged page writes', () => {
  it('refuses a form without the token, with a wrong one, from another origin or another site: 403, nothing written', async () => {
    const before = await itemCount();
    const form = { rev: '0', proposed: 'good', decided: 'good' };
    const cases: [string, Response][] = [
      ['no token', await post(collective, form, { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' })],
      ['wrong token', await post(collective, { ...form, _csrf: csrfTokenFor('another session') }, { origin: 'http://localhost' })],
      ['another origin', await post(collective, { ...form, _csrf: csrf }, { origin: 'http://localhost:8081' })],
      ['another site', await post(collective, { ...form, _csrf: csrf }, { 'sec-fetch-site': 'same-site' })],
      ['opaque origin', await post(collective, { ...form, _csrf: csrf }, { origin: 'null' })],
      ['no headers, no token', await post(collective, form)],
    ];
    for (const [name, res] of cases) {
      expect(res.status, name).toBe(403);
      expect(await res.text(), name).toContain('data-testid="error"');
    }
    expect(await itemCount()).toBe(before);
    // The same form with its token from our own origin goes through.
    const ok = await post(collective, { ...form, _csrf: csrf }, { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toContain('?ok=');
  });

  it('guards sign-out and the local provider’s sign-in form the same way', async () => {
    expect((await post('/logout', {}, { origin: 'http://evil.localhost' })).status).toBe(403);
    const res = await t.app.request('/local-oidc/oauth2/authorize', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
      body: 'identity=0',
    });
    expect(res.status).toBe(403);
  });

  it('takes a bearer token on a page without the CSRF token: no browser sends that header for another site', async () => {
    const res = await t.app.request(collective, {
      method: 'POST',
      headers: { authorization: `Bearer ${session}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'rev=999&proposed=good&decided=good',
      redirect: 'manual',
    });
    expect(res.status).toBe(303);
  });
});

describe('the bearer API and the pages’ cookie API', () => {
  it('reads only the bearer token under /api/v1, and only the session cookie under /web/api/v1', async () => {
    expect((await t.app.request('/api/v1/me', { headers: { cookie: cookie() } })).status).toBe(401);
    expect((await t.app.request('/web/api/v1/me', { headers: { authorization: `Bearer ${session}` } })).status).toBe(401);
    const me = await t.app.request('/web/api/v1/me', { headers: { cookie: cookie() } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ sub: 'id-c1', unit: { id: 'c1' } });
  });

  it('answers writes of the cookie API only with the x-csrf-token header and our origin', async () => {
    const upload = (headers: Record<string, string>) =>
      t.app.request('/web/api/v1/units/c1/roster?dryRun=true', { method: 'POST', headers: { cookie: cookie(), 'content-type': 'text/csv', ...headers }, body: 'Mã đảng viên,Họ và tên,Ngày vào Đảng\nM002,Nguyễn Văn An,19/05/2015\n' });
    const none = await upload({});
    expect(none.status).toBe(403);
    expect((await none.json()).error.code).toBe('CSRF_TOKEN_INVALID');
    const foreign = await upload({ 'x-csrf-token': csrf, origin: 'http://127.0.0.1:9' });
    expect((await foreign.json()).error.code).toBe('CROSS_SITE_REQUEST');
    expect((await upload({ 'x-csrf-token': csrf, origin: 'http://localhost' })).status).toBe(200);
  });

  it('keeps the scope of the API: another tenant 404, outside the subtree 403', async () => {
    const foreign = `__Host-kd_session=${await t.token(identities.otherTenant)}`;
    expect((await t.app.request('/web/api/v1/units/c1', { headers: { cookie: foreign } })).status).toBe(404);
    expect((await t.app.request('/web/api/v1/units/c3', { headers: { cookie: cookie() } })).status).toBe(403);
    expect((await t.app.request('/web/api/v1/units/c1')).status).toBe(401);
  });
});

describe('body limits on every route', () => {
  const big = (bytes: number) => 'a='.concat('x'.repeat(bytes));
  it('page forms and the provider’s form: 64 KB, declared or streamed', async () => {
    const declared = await post(collective, { _csrf: csrf, pad: 'x'.repeat(FORM_BODY_LIMIT) }, { origin: 'http://localhost' });
    expect(declared.status).toBe(413);
    // A page form is answered with the Vietnamese error page (the JSON APIs keep their JSON errors).
    expect(declared.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await declared.text()).toContain('Nội dung gửi lên quá lớn.');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 40; i++) controller.enqueue(new TextEncoder().encode(big(4096)));
        controller.close();
      },
    });
    const streamed = await t.app.request('/local-oidc/oauth2/authorize', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
  });

  it('JSON routes: 1 MB; uploads: 5 MB, refused from the declared length before anything is read', async () => {
    const json = await t.request('/api/v1/units/c1/members', { method: 'POST', as: identities.cell, body: JSON.stringify({ pad: 'x'.repeat(JSON_BODY_LIMIT) }) });
    expect(json.status).toBe(413);
    expect((await json.json()).error.code).toBe('BODY_TOO_LARGE');
    const upload = await t.request('/api/v1/units/c1/roster?dryRun=true', { method: 'POST', as: identities.cell, headers: { 'content-type': 'text/csv' }, body: 'x'.repeat(5 * 1024 * 1024 + 1) });
    expect(upload.status).toBe(413);
    expect((await upload.json()).error.code).toBe('FILE_TOO_LARGE');
  });
});

describe('uploads of one province at once', () => {
  it('answers 429 UPLOADS_BUSY with Retry-After past the province’s slots, and serves the next one when a slot frees', async () => {
    const slots = uploadSlots({ perTenant: 1, queue: 0, waitMs: 10 });
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (holding = resolve));
    // The first upload's slot, observed: the second is sent once the first holds it.
    const observed = { acquire: async (tenant: string) => ((release) => (holding(), release))(await slots.acquire(tenant)) };
    const app = createApp({ store, clock: () => new Date('2021-12-15T03:00:00Z'), claims: localClaims(t.signer), uploadSlots: observed });
    const headers = { authorization: `Bearer ${session}`, 'content-type': 'text/csv' };
    const encoder = new TextEncoder();
    let finish!: () => void;
    const slow = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('Mã đảng viên,Chi bộ xếp loại\n'));
        finish = () => {
          controller.enqueue(encoder.encode('M002,HTTNV\n'));
          controller.close();
        };
      },
    });
    const first = app.request('/api/v1/campaigns/2021/units/c1/results?dryRun=true', { method: 'POST', headers, body: slow, duplex: 'half' } as RequestInit);
    await held;
    const busy = await app.request('/api/v1/campaigns/2021/units/c1/results?dryRun=true', { method: 'POST', headers, body: 'Mã đảng viên,Chi bộ xếp loại\nM002,HTTNV\n' });
    expect(busy.status).toBe(429);
    expect(busy.headers.get('retry-after')).toBe('5');
    expect((await busy.json()).error).toMatchObject({ code: 'UPLOADS_BUSY', message: expect.stringContaining('gửi lại tệp') });
    finish();
    expect((await first).status).toBe(200);
    expect((await app.request('/api/v1/campaigns/2021/units/c1/results?dryRun=true', { method: 'POST', headers, body: 'Mã đảng viên,Chi bộ xếp loại\nM002,HTTNV\n' })).status).toBe(200);
  });
});

describe('security headers', () => {
  it('sends the strict Content-Security-Policy and refuses framing on pages and API alike', async () => {
    for (const path of ['/docs', '/api/v1/me', '/local-oidc/.well-known/jwks.json']) {
      const res = await t.app.request(path);
      expect(res.headers.get('content-security-policy'), path).toBe(contentSecurityPolicy());
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    expect(contentSecurityPolicy()).toBe("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
  });

  it('serves the pages’ script as a file of this origin', async () => {
    const res = await t.app.request('/assets/upload.js');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(await res.text()).toContain("x-csrf-token");
  });
});
