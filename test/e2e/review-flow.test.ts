import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { t1Members, t1Units } from '../support/fixture';
import { startBrowserHarness, type BrowserHarness } from '../support/e2e';
import { seedCampaigns } from '../../packages/local/src/seed-campaigns';

let h: BrowserHarness;
/** The review page as the secretary first sees it (looked at by hand; see the report). */
const SCREENSHOT = join(tmpdir(), 'kd-review-page.png');

beforeAll(async () => {
  h = await startBrowserHarness('e2e-review', {
    now: '2021-12-20T10:00:00.000Z',
    seed: (store) => seedCampaigns(store, { tenantId: 't1', units: t1Units, members: t1Members }, '2021-12-01T00:00:00.000Z'),
  });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

const login = (sub: string): Promise<Page> => h.login(sub);

const review = '/campaigns/2021/units/c1/review';
const state = (page: Page) => page.locator('[data-testid="workflow-state"]').getAttribute('data-state');
const row = (page: Page, memberId: string) => page.locator(`tr[data-member="${memberId}"]`);

async function editMember(page: Page, memberId: string, change: (form: ReturnType<Page['locator']>) => Promise<void>) {
  const box = page.locator(`[data-testid="edit-${memberId}"]`);
  await box.locator('summary').click();
  await change(box);
  await box.locator('[data-testid="save-member"]').click();
  await page.waitForSelector('[data-testid="flash-ok"]');
}

describe('the review flow in Chromium: review, submit, return, correct, resubmit, approve', () => {
  it('runs the demo flow of seed 000 between the cell secretary and the base committee', async () => {
    // 1. The cell secretary opens the review from the campaign list of the unit's home.
    let page = await login('id-c1');
    await page.goto(h.url + '/units/c1/campaigns');
    await page.locator('[data-testid="link-review"]').first().click();
    await page.waitForSelector('[data-testid="review-members"]');
    expect(new URL(page.url()).pathname).toBe(review);
    expect(await state(page)).toBe('draft');

    // Sees why Nguyễn Văn An cannot be excellent, in Vietnamese, on his row.
    const an = row(page, 'M002');
    expect(await an.locator('[data-testid="decided"]').textContent()).toBe('HTXSNV');
    expect(await an.locator('[data-testid="final"]').textContent()).toBe('HTTNV');
    const reasons = await an.locator('[data-testid="reasons"]').textContent();
    expect(reasons).toContain('không được xếp loại Hoàn thành xuất sắc nhiệm vụ');
    expect(reasons).toContain('vắng 3 kỳ sinh hoạt');
    expect(await row(page, 'M004').locator('[data-testid="final"]').textContent()).toBe('KHTNV');
    await page.screenshot({ path: SCREENSHOT, fullPage: true });

    // Submitting now is refused, with the reason.
    await page.click('[data-testid="submit-dossier"]');
    expect(await page.locator('[data-testid="flash-error"]').textContent()).toContain('Chưa thể gửi hồ sơ');
    expect(await page.locator('[data-testid="blocking"] li').count()).toBe(2);

    // Fixes the blocking issues: the vote within the cap, the collective's own rating.
    await editMember(page, 'M002', (form) => form.locator('select[name="decided"]').selectOption('good').then(() => undefined));
    await page.locator('[data-testid="collective"] select[name="decided"]').selectOption('good');
    await page.click('[data-testid="save-collective"]');
    await page.waitForSelector('[data-testid="no-blocking"]');
    await page.click('[data-testid="submit-dossier"]');
    await page.waitForSelector('[data-testid="flash-ok"]');
    expect(await state(page)).toBe('submitted');
    expect(await page.locator('[data-testid="edit-M002"]').count()).toBe(0);
    await page.close();

    // 2. The base committee returns it with a reason.
    page = await login('id-bc1');
    await page.goto(h.url + '/campaigns/2021/units/bc1/appraisal');
    expect(await page.locator('tr[data-unit="c1"]').getAttribute('data-state')).toBe('submitted');
    const reason = 'Đề nghị bổ sung số phiếu tán thành của đồng chí Bùi Văn Dũng.';
    await page.fill('[data-testid="return-reason-c1"]', reason);
    await page.click('[data-testid="return-c1"]');
    await page.waitForSelector('[data-testid="flash-ok"]');
    expect(await page.locator('tr[data-unit="c1"]').getAttribute('data-state')).toBe('returned');
    await page.close();

    // 3. The secretary sees the reason, corrects, and submits again.
    page = await login('id-c1');
    await page.goto(h.url + review);
    expect(await state(page)).toBe('returned');
    expect(await page.locator('[data-testid="return-reason"]').textContent()).toContain(reason);
    await editMember(page, 'M008', (form) => form.locator('input[name="votesFor"]').fill('8'));
    await page.click('[data-testid="submit-dossier"]');
    await page.waitForSelector('[data-testid="flash-ok"]');
    expect(await state(page)).toBe('submitted');
    await page.close();

    // 4. The base committee approves; the unit is locked.
    page = await login('id-bc1');
    await page.goto(h.url + '/campaigns/2021/units/bc1/appraisal');
    await page.check('[data-testid="confirm-c1"]');
    await page.click('[data-testid="approve-c1"]');
    await page.waitForSelector('[data-testid="flash-ok"]');
    expect(await page.locator('tr[data-unit="c1"]').getAttribute('data-state')).toBe('approved');
    await page.goto(h.url + review);
    expect(await state(page)).toBe('approved');
    expect(await page.locator('[data-testid="submit-dossier"]').count()).toBe(0);

    // The audit trail page shows the flow.
    await page.goto(h.url + '/units/c1/audit-trail');
    const actions = await page.locator('[data-testid="audit"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actions).toEqual(['dossier.approve', 'dossier.submit', 'results.edit', 'dossier.return', 'dossier.submit', 'dossier.collective', 'results.edit']);
    await page.close();
  }, 120_000);
});
