import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t1Members, t1Units } from '../support/fixture';
import { startBrowserHarness, type BrowserHarness } from '../support/e2e';
import { collapse, convertToPdf, pdfToText } from '../support/office';
import { seedCampaigns } from '../../packages/local/src/seed-campaigns';
import { reconcileAll } from '@kd/jobs';

let h: BrowserHarness;
let dir: string;

beforeAll(async () => {
  h = await startBrowserHarness('e2e-dashboard', {
    now: '2021-12-22T03:00:00.000Z',
    seed: async (store) => {
      await seedCampaigns(store, { tenantId: 't1', units: t1Units, members: t1Members }, '2021-12-01T00:00:00.000Z');
      // What the stream poller does on a fresh database after `npm start` seeds: build every roll-up.
      await reconcileAll(store, { tenants: ['t1'] });
    },
  });
  dir = await mkdtemp(join(tmpdir(), 'kd-dashboard-'));
}, 120_000);

afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the organising board’s dashboard (Chromium)', () => {
  it('shows the province numbers, drills down to Chi bộ Bệnh viện Phổi and downloads Biểu 2, which opens in LibreOffice', async () => {
    const page = await h.browser.newPage({ acceptDownloads: true });
    await page.goto(h.url + '/login');
    await page.click('[data-testid="login-id-p1"]');
    await page.waitForSelector('[data-testid="home"]');
    await page.goto(h.url + '/dashboard/units/p1');
    expect(new URL(page.url()).pathname).toBe('/dashboard/2021/units/p1');
    expect(await page.locator('[data-testid="dashboard-title"]').textContent()).toContain('Tỉnh ủy Thử Nghiệm');
    expect(await page.locator('[data-testid="members-total"] .big').textContent()).toBe('11');
    expect(await page.locator('[data-testid="ratings-chart"] svg').count()).toBe(1);
    // The year selector offers the previous campaign, whose numbers stand beside this year's.
    expect(await page.locator('[data-testid="year-select"] option').allTextContents()).toEqual(['2020', '2021']);

    await page.click('[data-testid="children"] >> text=Đảng ủy Khối các cơ quan tỉnh');
    await page.click('[data-testid="children"] >> text=Đảng ủy Sở Y tế');
    await page.click('[data-testid="children"] >> text=Chi bộ Bệnh viện Phổi');
    expect(new URL(page.url()).pathname).toBe('/dashboard/2021/units/c1');
    expect(await page.locator('[data-testid="dashboard-title"]').textContent()).toContain('Chi bộ Bệnh viện Phổi');
    expect(await page.locator('[data-testid="members-total"] .big').textContent()).toBe('9');

    // Drill down to the members and to one member's evaluation.
    await page.click('[data-testid="members-link"]');
    await page.click('[data-testid="member-list"] >> text=Lê Hồng Vũ');
    expect(await page.locator('[data-testid="member-title"]').textContent()).toContain('Lê Hồng Vũ');
    expect(await page.locator('[data-testid="member-evaluation"]').textContent()).toContain('Kết quả');
    await page.goBack();
    await page.goBack();

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="bieu-2"]')]);
    const file = join(dir, 'bieu-2.xlsx');
    await download.saveAs(file);
    const text = collapse(await pdfToText(await convertToPdf(file, dir), { layout: false }));
    expect(text).toContain('Biểu 2 — Kết quả đánh giá, xếp loại đảng viên');
    // Headings wrap inside their columns on A4, so the printed text is checked by column number.
    for (const heading of ['(3)', '(4)', '(8)', '(18)', 'HTXSNV', 'KHTNV', 'Tổng cộng Chi bộ Bệnh viện Phổi', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'NGƯỜI LẬP BIỂU']) {
      expect(text).toContain(heading);
    }
    await page.close();
  }, 120_000);
});
