import { beforeAll, describe, expect, it } from 'vitest';
import { loadLocalSigner } from '@kd/api';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';
import { identities, seedFixture } from '../support/fixture';

/**
 * Page sessions over the app's own HTTP surface (no browser): /login, the local OpenID provider,
 * the code exchange with PKCE, the session cookie, expiry, logout. The browser half is
 * test/e2e/login.test.ts.
 */
let t: TestApp;

beforeAll(async () => {
  const store = await createTestStore('sessions');
  await seedFixture(store);
  t = await createTestApp(store);
});

/** A browser's cookie jar for http://localhost (app.request's origin), following nothing by itself. */
function browser() {
  const jar = new Map<string, string>();
  const setCookies: string[] = [];
  return {
    jar,
    setCookies,
    async go(path: string, init: RequestInit & { form?: Record<string, string> } = {}) {
      const { form, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (jar.size > 0) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
      if (form) {
        headers.set('content-type', 'application/x-www-form-urlencoded');
        headers.set('origin', 'http://localhost');
        headers.set('sec-fetch-site', 'same-origin');
      }
      const res = await t.app.request(path.replace(/^http:\/\/localhost/, ''), {
        ...rest,
        ...(form ? { method: 'POST', body: new URLSearchParams(form).toString() } : {}),
        headers,
        redirect: 'manual',
      });
      for (const line of res.headers.getSetCookie()) {
        setCookies.push(line);
        const [pair] = line.split(';');
        const name = pair!.slice(0, pair!.indexOf('='));
        const value = pair!.slice(pair!.indexOf('=') + 1);
        if (value === '' || /Max-Age=0/i.test(line)) jar.delete(name);
        else jar.set(name, value);
      }
      return res;
    },
  };
}

/** The hidden fields of the provider's form for one identity. */
function formOf(html: string, sub: string): Record<string, string> {
  const form = html.split('<form').find((f) => f.includes(`login-${sub}`))!;
  return Object.fromEntries([...form.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!.replace(/&amp;/g, '&')]));
}

/** Up to the provider's answer: the redirect to the callback with a code. */
async function toCallback(b: ReturnType<typeof browser>, next = '/units/c1') {
  const login = await b.go(`/login?next=${encodeURIComponent(next)}`);
  const authorize = await b.go(login.headers.get('location')!);
  expect(authorize.status).toBe(200);
  const answer = await b.go('/local-oidc/oauth2/authorize', { form: formOf(await authorize.text(), 'id-c1') });
  expect(answer.status).toBe(303);
  return new URL(answer.headers.get('location')!);
}

describe('signing in with the authorization code and PKCE', () => {
  it('sends /login to the provider with state, nonce and an S256 challenge, keeping them in a short Lax cookie', async () => {
    const b = browser();
    const res = await b.go('/login?next=%2Funits%2Fc1%3Ffrom%3Dmail');
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(to.origin + to.pathname).toBe('http://localhost/local-oidc/oauth2/authorize');
    expect(Object.fromEntries(to.searchParams)).toMatchObject({ response_type: 'code', client_id: 'kiem-diem', redirect_uri: 'http://localhost/auth/callback', code_challenge_method: 'S256' });
    expect(to.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(to.searchParams.get('state')).not.toBe(to.searchParams.get('nonce'));
    const flow = b.setCookies.find((c) => c.startsWith('__Host-kd_login='))!;
    expect(flow).toMatch(/Max-Age=600/);
    expect(flow).toMatch(/HttpOnly/);
    expect(flow).toMatch(/Secure/);
    expect(flow).toMatch(/SameSite=Lax/);
    // The verifier itself never leaves the server in the redirect.
    expect(to.toString()).not.toContain(JSON.parse(Buffer.from(b.jar.get('__Host-kd_login')!, 'base64url').toString()).verifier);
  });

  it('trades the code for an ID token, sets the session cookie for the token’s lifetime and returns to the page asked for', async () => {
    const b = browser();
    const callback = await toCallback(b, '/units/c1?from=mail');
    const res = await b.go(callback.pathname + callback.search);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/units/c1?from=mail');
    const session = b.setCookies.find((c) => c.startsWith('__Host-kd_session='))!;
    expect(session).toMatch(/Max-Age=28800/);
    expect(session).toMatch(/Path=\//);
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/Secure/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(b.jar.has('__Host-kd_login')).toBe(false);
    const page = await b.go('/units/c1');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Lê Hồng Vũ');
  });

  it('refuses a wrong PKCE verifier at the token endpoint, and the code is spent after one try', async () => {
    const b = browser();
    const callback = await toCallback(b);
    const exchange = (verifier: string) =>
      t.app.request('/local-oidc/oauth2/token', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', client_id: 'kiem-diem', code: callback.searchParams.get('code')!, redirect_uri: 'http://localhost/auth/callback', code_verifier: verifier }).toString(),
      });
    const wrong = await exchange('x'.repeat(43));
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toEqual({ error: 'invalid_grant' });
    // The app's own exchange, with the right verifier, now finds the code spent.
    const res = await b.go(callback.pathname + callback.search);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Không hoàn tất được đăng nhập');
    expect(b.jar.has('__Host-kd_session')).toBe(false);
  });

  it('refuses a callback whose state is not the one sent (a sign-in started elsewhere)', async () => {
    const b = browser();
    const callback = await toCallback(b);
    callback.searchParams.set('state', 'A'.repeat(43));
    const res = await b.go(callback.pathname + callback.search);
    expect(res.status).toBe(400);
    expect(b.jar.has('__Host-kd_session')).toBe(false);
    // Nor is a code accepted by a browser that never started a sign-in.
    const elsewhere = await toCallback(browser());
    expect((await browser().go(elsewhere.pathname + elsewhere.search)).status).toBe(400);
  });

  it('never returns to another site after sign-in', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const b = browser();
      const callback = await toCallback(b, next);
      const res = await b.go(callback.pathname + callback.search);
      expect(res.headers.get('location'), next).toBe('/');
    }
  });

  it('sends an expired session to sign-in, remembering the page, and drops the cookie', async () => {
    const past = await loadLocalSigner(null, () => new Date(Date.now() - 9 * 3600 * 1000));
    const b = browser();
    b.jar.set('__Host-kd_session', await past.sign(identities.cell, 8 * 3600));
    const res = await b.go('/campaigns/2021/units/c1/review?tab=1');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/campaigns/2021/units/c1/review?tab=1')}`);
    expect(b.jar.has('__Host-kd_session')).toBe(false);
  });

  it('signs out: drops the session and ends the provider’s session, landing on /signed-out', async () => {
    const b = browser();
    const callback = await toCallback(b);
    await b.go(callback.pathname + callback.search);
    const page = await b.go('/units/c1');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const out = await b.go('/logout', { form: { _csrf: csrf } });
    expect(out.status).toBe(303);
    const provider = new URL(out.headers.get('location')!);
    expect(provider.pathname).toBe('/local-oidc/logout');
    expect(Object.fromEntries(provider.searchParams)).toEqual({ client_id: 'kiem-diem', logout_uri: 'http://localhost/signed-out' });
    expect(b.jar.has('__Host-kd_session')).toBe(false);
    const back = await b.go(provider.pathname + provider.search);
    expect(back.headers.get('location')).toBe('http://localhost/signed-out');
    expect((await b.go('/units/c1')).status).toBe(302);
    // The provider sends nobody to an address it was not given.
    expect((await b.go('/local-oidc/logout?client_id=kiem-diem&logout_uri=https%3A%2F%2Fevil.example%2F')).status).toBe(400);
  });

  it('publishes a discovery document and the JWKS of the local key', async () => {
    const d = await (await t.app.request('/local-oidc/.well-known/openid-configuration')).json();
    expect(d).toMatchObject({ issuer: 'kiem-diem-local', token_endpoint: 'http://localhost/local-oidc/oauth2/token', code_challenge_methods_supported: ['S256'] });
    const jwks = await (await t.app.request('/local-oidc/.well-known/jwks.json')).json();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(jwks.keys[0].d).toBeUndefined();
  });
});
