import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/app';
import { createTestStore } from '../support/store';
import { identities, seedFixture } from '../support/fixture';
import { launchChromium } from '../support/browser';
import { serveApp } from '../support/server';
import { csvOf } from '../integration/uploads-support';
import { Hono } from 'hono';
import { Readable } from 'node:stream';
import { COOKIES, cookieName, createApp, loadLocalSigner, localClaims } from '@kd/api';
import { putTestCampaign } from '../support/rollups';

let browser: Browser & { cleanup(): Promise<void> };
let server: { url: string; close(): Promise<void> };
let t: TestApp;
const SCRIPT_NAME = '<script>window.__pwned=1</script>Hacker';

beforeAll(async () => {
  const store = await createTestStore('e2e-upload');
  await seedFixture(store);
  await putTestCampaign(store, 't1', 2021);
  t = await createTestApp(store);
  // A member whose name is markup: every page must show it as text.
  const roster = csvOf([['Mã đảng viên', 'Họ và tên', 'Ngày vào Đảng'], ['XSS1', SCRIPT_NAME, '01/01/2015']]);
  const res = await t.request('/api/v1/units/c1/roster?dryRun=false', { method: 'POST', as: identities.cell, body: roster, headers: { 'content-type': 'text/csv' } });
  expect(res.status).toBe(200);
  server = await serveApp(t.app);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.cleanup();
  await server?.close();
});

const header = ['Mã đảng viên', 'Họ và tên', 'Số ngày nghỉ ốm', 'Tự xếp loại', 'Chi bộ xếp loại'];
const withErrors = csvOf([
  header,
  ['M002', 'Nguyễn Văn An', '2', 'HTTNV', 'HTTNV'],
  ['M003', 'Trần Thị Ánh', 'hai', 'HTTNV', 'HTTNV'],
  ['M999', 'Không Có', '', '', 'HTNV'],
  ['XSS1', SCRIPT_NAME, '', 'HTNV', 'HTNV'],
]);
const corrected = csvOf([
  header,
  ['M002', 'Nguyễn Văn An', '2', 'HTTNV', 'HTTNV'],
  ['M003', 'Trần Thị Ánh', '2', 'HTTNV', 'HTXSNV'],
  ['XSS1', SCRIPT_NAME, '', 'HTNV', 'HTNV'],
]);

async function choose(page: Page, name: string, content: string) {
  await page.setInputFiles('#file', { name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
}

describe('uploading results from the cell’s page (Chromium)', () => {
  it('shows a file’s errors by row and column, then checks and commits the corrected file', async () => {
    const page = await browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(server.url + '/login');
    await page.click('[data-testid="login-id-c1"]');
    await page.waitForSelector('[data-testid="home"]');
    await page.goto(server.url + '/units/c1');
    await page.click('[data-testid="link-results-upload"]');
    await page.waitForSelector('[data-testid="page-title"]');
    expect(new URL(page.url()).pathname).toBe('/campaigns/2021/units/c1/results-upload');
    expect(await page.textContent('[data-testid="current-version"]')).toBe('chưa có');
    expect(await page.getAttribute('[data-testid="template-link"]', 'href')).toBe('/web/api/v1/campaigns/2021/units/c1/results-template');

    // A file with errors: each is listed with its row and column, and nothing can be committed.
    await choose(page, 'ket-qua.csv', withErrors);
    await page.click('#check');
    await page.waitForSelector('[data-testid="errors"]');
    const errors = await page.locator('[data-testid="errors"] tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
    expect(errors.map((e) => e.slice(0, 3))).toEqual([
      ['3', 'Số ngày nghỉ ốm', 'NOT_A_NUMBER'],
      ['4', 'Mã đảng viên', 'MEMBER_NOT_IN_ROSTER'],
    ]);
    expect(await page.textContent('[data-testid="status"]')).toContain('2 lỗi');
    expect(await page.isDisabled('#commit')).toBe(true);
    expect(await page.textContent('#progress-text')).toBe('Đã gửi 100%');

    // The corrected file: a clean dry run, its evaluations and violations, then the commit.
    await choose(page, 'ket-qua-da-sua.csv', corrected);
    await page.click('#check');
    await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('Tệp hợp lệ'));
    expect(await page.locator('[data-testid="errors"]').count()).toBe(0);
    const evaluations = await page.locator('[data-testid="evaluations"] tbody tr').allTextContents();
    expect(evaluations).toHaveLength(3);
    expect(evaluations.find((r) => r.startsWith('M003'))).toContain('Hoàn thành xuất sắc nhiệm vụ');
    // Markup in a name is text on the page, never run.
    const xssRow = page.locator('[data-testid="evaluations"] tbody tr', { hasText: 'XSS1' });
    expect(await xssRow.locator('td').nth(1).textContent()).toBe(SCRIPT_NAME);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    expect(await page.isEnabled('#commit')).toBe(true);
    await page.click('#commit');
    await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('phiên bản 1'));
    expect(await page.textContent('[data-testid="current-version"]')).toBe('Phiên bản 1');

    // The page read afresh shows the committed version and the cell's decisions.
    await page.reload();
    expect(await page.textContent('[data-testid="current-version"]')).toBe('Phiên bản 1');
    const m003 = await page.locator('[data-testid="members"] tr[data-member-id="M003"]').textContent();
    expect(m003).toContain('Hoàn thành xuất sắc nhiệm vụ');
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.close();
  });

  it('uploads a roster from the roster page and lists the members the file left out', async () => {
    const page = await browser.newPage();
    await page.goto(server.url + '/login');
    await page.click('[data-testid="login-id-c1"]');
    await page.waitForSelector('[data-testid="home"]');
    await page.goto(server.url + '/units/c1');
    await page.click('[data-testid="link-roster-upload"]');
    await page.waitForSelector('[data-testid="page-title"]');
    await choose(page, 'danh-sach.csv', csvOf([['Mã đảng viên', 'Họ và tên', 'Ngày vào Đảng'], ['N500', 'Lâm Thị Mới', '03/02/2021']]));
    await page.click('#check');
    await page.waitForSelector('[data-testid="roster-summary"]');
    expect(await page.textContent('[data-testid="roster-summary"]')).toContain('Thêm mới: 1');
    expect(await page.locator('[data-testid="not-in-file"] tbody tr').count()).toBe(10);
    await page.click('#commit');
    await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('Đã cập nhật'));
    await page.reload();
    expect(await page.locator('[data-testid="members"] tr[data-member-id="N500"]').count()).toBe(1);
    await page.close();
  });

  it('sends the file through the upload bucket when there is one (AWS), and commits without sending it again', async () => {
    // S3 stand-in: the pre-signed URL points at this same server, which keeps the PUT bodies.
    const objects = new Map<string, Buffer>();
    let puts = 0;
    const store = await createTestStore('e2e-upload-s3');
    await seedFixture(store);
    await putTestCampaign(store, 't1', 2021);
    const signer = await loadLocalSigner(null);
    let base = '';
    const app = createApp({
      store,
      clock: () => new Date('2021-12-15T03:00:00Z'),
      claims: localClaims(signer),
      uploads: {
        bucket: 'fake',
        presign: async (key) => `${base}/fake-s3/${encodeURIComponent(key)}`,
        open: async (key) => Readable.from([objects.get(key) ?? Buffer.alloc(0)]),
      },
    });
    const outer = new Hono();
    outer.put('/fake-s3/:key', async (c) => {
      puts += 1;
      objects.set(decodeURIComponent(c.req.param('key')), Buffer.from(await c.req.arrayBuffer()));
      return c.body(null, 200);
    });
    outer.route('/', app);
    const s3Server = await serveApp(outer);
    base = s3Server.url;
    try {
      const context = await browser.newContext();
      // The session cookie as the sign-in sets it (a locally signed token stands in for the ID token).
      const session = { name: cookieName(base, COOKIES.session), value: await signer.sign(identities.cell), domain: '127.0.0.1', path: '/', secure: true, httpOnly: true, sameSite: 'Strict' as const };
      await context.addCookies([session]);
      const page = await context.newPage();
      await page.goto(base + '/campaigns/2021/units/c1/results-upload');
      await choose(page, 'ket-qua.csv', csvOf([['Mã đảng viên', 'Chi bộ xếp loại'], ['M002', 'HTTNV'], ['M003', 'HTNV']]));
      await page.click('#check');
      await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('Tệp hợp lệ'));
      await page.click('#commit');
      await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('phiên bản 1'));
      expect(puts).toBe(1);
      expect([...objects.keys()][0]).toMatch(/^uploads\/t1\/c1\/results-2021\//);
      await context.close();
    } finally {
      await s3Server.close();
    }
  });
});
