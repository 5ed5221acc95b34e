import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { getDossier } from '@kd/data';
import { t1Members, t1Units } from '../support/fixture';
import { startBrowserHarness, type BrowserHarness } from '../support/e2e';
import { seedCampaigns } from '../../packages/local/src/seed-campaigns';

let h: BrowserHarness;
/** Another site on the same machine: a page served on another port of 127.0.0.1. */
let attacker: Server;
let attackerUrl = '';
let attackerPage = '';

beforeAll(async () => {
  h = await startBrowserHarness('e2e-login', {
    now: '2021-12-20T10:00:00.000Z',
    seed: (store) => seedCampaigns(store, { tenantId: 't1', units: t1Units, members: t1Members }, '2021-12-01T00:00:00.000Z'),
  });
  attacker = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(attackerPage);
  });
  await new Promise<void>((done) => attacker.listen(0, '127.0.0.1', () => done()));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
}, 120_000);

afterAll(async () => {
  await new Promise((done) => attacker?.close(done));
  await h?.close();
});

const review = '/campaigns/2021/units/c1/review';

/** Signs in through /login and the local OpenID provider, from a visit to `path`. */
async function signIn(page: Page, path: string, sub: string): Promise<Request[]> {
  const seen: Request[] = [];
  page.on('request', (r) => seen.push(r));
  await page.goto(h.url + path);
  expect(new URL(page.url()).pathname).toBe('/local-oidc/oauth2/authorize');
  expect(await page.locator('h1').textContent()).toBe('Đăng nhập');
  await page.click(`[data-testid="login-${sub}"]`);
  await page.waitForLoadState('load');
  return seen;
}

describe('signing in and out through the local OpenID provider (Chromium)', () => {
  it('goes from the page asked for to the provider and back, with a Secure, HttpOnly, SameSite=Strict session cookie', async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    const seen = await signIn(page, '/units/c1?from=mail', 'id-c1');
    const paths = seen.map((r) => new URL(r.url()).pathname);
    // /units/c1 → /login?next=… → the provider's authorize page → (the form) → /auth/callback?code&state → back to the page.
    expect(paths.slice(0, 3)).toEqual(['/units/c1', '/login', '/local-oidc/oauth2/authorize']);
    expect(new URL(seen[1]!.url()).searchParams.get('next')).toBe('/units/c1?from=mail');
    const authorize = new URL(seen[2]!.url()).searchParams;
    expect(authorize.get('code_challenge_method')).toBe('S256');
    expect(authorize.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    const callback = seen.find((r) => new URL(r.url()).pathname === '/auth/callback');
    expect(new URL(callback!.url()).searchParams.get('state')).toBe(authorize.get('state'));
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/units/c1?from=mail');
    expect(await page.locator('[data-testid="unit-name"]').textContent()).toBe('Chi bộ Bệnh viện Phổi');
    expect(await page.locator('[data-testid="who"]').textContent()).toContain('Lê Hồng Vũ');

    // Chromium keeps Secure cookies on http://127.0.0.1 (a loopback address), so the prefix holds locally too.
    const cookies = await context.cookies(h.url);
    const session = cookies.find((c) => c.name === '__Host-kd_session');
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });
    expect(session!.expires - Date.now() / 1000).toBeGreaterThan(7 * 3600);
    expect(cookies.map((c) => c.name)).not.toContain('__Host-kd_login');
    expect(await page.evaluate(() => document.cookie)).toBe('');

    // A unit outside the secretary's subtree is refused on the page as well.
    expect((await page.goto(h.url + '/units/c3'))?.status()).toBe(403);

    // Signing out ends the session here and at the provider, and lands on the signed-out page.
    await page.goto(h.url + '/units/c1');
    await page.click('[data-testid="logout"]');
    await page.waitForSelector('[data-testid="signed-out"]');
    expect(new URL(page.url()).pathname).toBe('/signed-out');
    expect((await context.cookies(h.url)).map((c) => c.name)).not.toContain('__Host-kd_session');
    await page.goto(h.url + '/units/c1');
    expect(new URL(page.url()).pathname).toBe('/local-oidc/oauth2/authorize');
    await context.close();
  });

  it('sends an expired session back through sign-in to the page asked for', async () => {
    const context = await h.browser.newContext();
    const expired = await (await import('@kd/api')).loadLocalSigner(null, () => new Date(Date.now() - 9 * 3600 * 1000));
    const token = await expired.sign({ tenant: 't1', unit: 'p1', role: 'province_board', name: 'Ban Tổ chức Tỉnh ủy', sub: 'id-p1' }, 8 * 3600);
    await context.addCookies([{ name: '__Host-kd_session', value: token, domain: '127.0.0.1', path: '/', secure: true, httpOnly: true, sameSite: 'Strict' }]);
    const page = await context.newPage();
    await signIn(page, '/units/b1', 'id-p1');
    expect(new URL(page.url()).pathname).toBe('/units/b1');
    expect(await page.locator('[data-testid="who"]').textContent()).toContain('Ban Tổ chức Tỉnh ủy');
    await context.close();
  });
});

describe('forged writes (Chromium)', () => {
  it('refuses a form posted from a page on another port, and a post of our own page without the token, with 403; writes nothing', async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    await signIn(page, review, 'id-c1');
    const before = await getDossier(h.store, 't1', 'c1', 2021);

    // 1. Another site (same host, another port: same-site, so the SameSite=Strict cookie goes along).
    attackerPage = `<!doctype html><form id="f" method="post" action="${h.url}${review}/collective">
      <input name="rev" value="${before.rev}"><input name="proposed" value="excellent"><input name="decided" value="excellent"><input name="_csrf" value="guessed">
      </form><script>document.getElementById('f').submit()</script>`;
    const forged = page.waitForResponse((r) => r.url() === `${h.url}${review}/collective`);
    await page.goto(attackerUrl);
    const answer = await forged;
    expect(answer.status()).toBe(403);
    expect(await page.locator('[data-testid="error"]').textContent()).toContain('địa chỉ khác');

    // 2. Our own page, the same form without its hidden token.
    await page.goto(h.url + review);
    await page.evaluate(() => document.querySelector('form[action$="/review/collective"] input[name="_csrf"]')!.remove());
    const tokenless = page.waitForResponse((r) => r.url().endsWith('/review/collective'));
    await page.click('[data-testid="save-collective"]');
    expect((await tokenless).status()).toBe(403);
    expect(await page.locator('[data-testid="error"]').textContent()).toContain('tải lại trang');

    // 3. The pages' JSON API from our own page without the x-csrf-token header.
    await page.goto(h.url + review);
    const status = await page.evaluate(async () => (await fetch('/web/api/v1/units/c1/roster?dryRun=true', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'x' })).status);
    expect(status).toBe(403);

    expect(await getDossier(h.store, 't1', 'c1', 2021)).toEqual(before);

    // The same form with its token, from our page, goes through.
    await page.goto(h.url + review);
    await page.selectOption('form[action$="/review/collective"] select[name="proposed"]', 'good');
    await page.click('[data-testid="save-collective"]');
    await page.waitForSelector('[data-testid="flash-ok"]');
    expect((await getDossier(h.store, 't1', 'c1', 2021)).collective.proposed).toBe('good');
    await context.close();
  });

  it('cannot be framed, and runs no inline script', async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    await signIn(page, '/units/c1', 'id-c1');
    const res = await page.goto(h.url + '/units/c1/results-upload');
    const csp = res!.headers()['content-security-policy']!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(await page.locator('script[src="/assets/upload.js"]').count()).toBe(1);

    attackerPage = `<!doctype html><iframe id="f" src="${h.url}/units/c1"></iframe>`;
    const blocked = page.waitForEvent('console', (m) => m.text().includes('frame-ancestors'));
    await page.goto(attackerUrl);
    expect((await blocked).text()).toContain("frame-ancestors 'none'");
    await context.close();
  });
});
