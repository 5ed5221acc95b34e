import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHarness, type BrowserHarness } from '../support/e2e';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness('e2e-login');
}, 120_000);

afterAll(async () => {
  await h?.close();
});

describe('logging in (Chromium)', () => {
  it('sends a visitor to the login page, logs a cell secretary in and shows the cell’s home page', async () => {
    const page = await h.browser.newPage();
    await page.goto(h.url + '/');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.locator('h1').textContent()).toBe('Đăng nhập');
    await page.click('[data-testid="login-id-c1"]');
    await page.waitForSelector('[data-testid="unit-name"]');
    expect(await page.locator('[data-testid="unit-name"]').textContent()).toBe('Chi bộ Bệnh viện Phổi');
    expect(await page.locator('[data-testid="who"]').textContent()).toContain('Lê Hồng Vũ');
    const names = await page.locator('[data-testid="members"] tbody tr td:nth-child(2)').allTextContents();
    expect(names.slice(0, 5)).toEqual(['Nguyễn Văn An', 'Đặng Thị Anh', 'Trần Thị Ánh', 'Võ Văn Ăn', 'Phạm Minh Ân']);
    // A unit outside the secretary's subtree is refused on the page as well.
    const res = await page.goto(h.url + '/units/c3');
    expect(res?.status()).toBe(403);
    await page.close();
  });

  it('shows the province board its whole subtree with member counts', async () => {
    const page = await h.login('id-p1');
    await page.waitForSelector('[data-testid="subtree"]');
    expect(await page.locator('[data-testid="member-total"]').textContent()).toBe('11');
    const rows = await page.locator('[data-testid="subtree"] tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('Chi bộ Bệnh viện Phổi') && r.includes('9'))).toBe(true);
    await page.click('text=Đăng xuất');
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.close();
  });
});
