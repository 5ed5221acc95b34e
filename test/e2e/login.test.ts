import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestStore } from '../support/store';
import { createTestApp } from '../support/app';
import { seedFixture } from '../support/fixture';
import { launchChromium } from '../support/browser';
import { serveApp } from '../support/server';

let browser: Browser & { cleanup(): Promise<void> };
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  const store = await createTestStore('e2e-login');
  await seedFixture(store);
  const t = await createTestApp(store);
  server = await serveApp(t.app);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.cleanup();
  await server?.close();
});

describe('logging in (Chromium)', () => {
  it('sends a visitor to the login page, logs a cell secretary in and shows the cell’s home page', async () => {
    const page = await browser.newPage();
    await page.goto(server.url + '/');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.locator('h1').textContent()).toBe('Đăng nhập');
    await page.click('[data-testid="login-id-c1"]');
    await page.waitForSelector('[data-testid="unit-name"]');
    expect(await page.locator('[data-testid="unit-name"]').textContent()).toBe('Chi bộ Bệnh viện Phổi');
    expect(await page.locator('[data-testid="who"]').textContent()).toContain('Lê Hồng Vũ');
    const names = await page.locator('[data-testid="members"] tbody tr td:nth-child(2)').allTextContents();
    expect(names.slice(0, 5)).toEqual(['Nguyễn Văn An', 'Đặng Thị Anh', 'Trần Thị Ánh', 'Võ Văn Ăn', 'Phạm Minh Ân']);
    // A unit outside the secretary's subtree is refused on the page as well.
    const res = await page.goto(server.url + '/units/c3');
    expect(res?.status()).toBe(403);
    await page.close();
  });

  it('shows the province board its whole subtree with member counts', async () => {
    const page = await browser.newPage();
    await page.goto(server.url + '/login');
    await page.click('[data-testid="login-id-p1"]');
    await page.waitForSelector('[data-testid="subtree"]');
    expect(await page.locator('[data-testid="member-total"]').textContent()).toBe('11');
    const rows = await page.locator('[data-testid="subtree"] tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('Chi bộ Bệnh viện Phổi') && r.includes('9'))).toBe(true);
    await page.click('text=Đăng xuất');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.close();
  });
});
