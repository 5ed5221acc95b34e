import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addMonthsClamped } from '@kd/domain';
import { identities } from '../support/fixture';
import { csvOf } from '../integration/uploads-support';
import { startBrowserHarness, type BrowserHarness } from '../support/e2e';

/**
 * A year nobody has opened yet, run end to end in Chromium: the province opens 2027 (r2025 by
 * default), each level adopts its plan inside its parent's windows down to a cell, the cell uploads
 * its scores on 100, submits, the base committee approves, the province closes the year and its
 * pages become read-only.
 */
let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness('e2e-campaign-year', { now: '2027-11-20T03:00:00.000Z' });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

const flash = async (page: Page) => ({
  ok: (await page.locator('[data-testid="flash-ok"]').count()) ? await page.textContent('[data-testid="flash-ok"]') : null,
  error: (await page.locator('[data-testid="flash-error"]').count()) ? await page.textContent('[data-testid="flash-error"]') : null,
});

async function adoptPlan(page: Page, unitId: string, number: string, submittedBy: string) {
  await page.goto(`${h.url}/campaigns/2027/units/${unitId}`);
  await page.fill('[data-testid="plan-form"] input[name="issuer"]', `Ban Thường vụ (${unitId})`);
  await page.fill('[data-testid="plan-form"] input[name="number"]', number);
  await page.fill('[data-testid="plan-form"] input[name="date"]', '2027-11-15');
  await page.fill('[data-testid="plan-form"] input[name="title"]', 'Kế hoạch kiểm điểm, đánh giá, xếp loại chất lượng năm 2027');
  await page.fill('tr[data-milestone="dossier-submitted"] input[name$=".date"]', submittedBy);
  await page.click('[data-testid="save-plan"]');
  await page.waitForLoadState('load');
}

describe('a new year in Chromium: open, plan, upload, submit, approve, close', () => {
  it('runs 2027 from the province’s opening to its closing', async () => {
    // The province opens 2027: the regime in force that year (r2025) and its template.
    const province = await h.login('id-p1');
    await page(province, '/units/p1/campaigns');
    expect(await province.locator('[data-testid="campaign"]').count()).toBe(0);
    await province.fill('[data-testid="open-form"] input[name="year"]', '2027');
    await province.click('[data-testid="open-form"] button[type="submit"]');
    await province.waitForLoadState('load');
    await page(province, '/campaigns/2027/units/p1');
    expect(await province.getAttribute('[data-testid="campaign-state"]', 'data-state')).toBe('open');
    expect(await province.textContent('body')).toContain('r2025');

    // The bloc, then the base committee inside the bloc's window, then the cell inside the base committee's.
    const bloc = await h.login('id-b1');
    await adoptPlan(bloc, 'b1', '41-HD/ĐUK', '2027-12-22');
    expect((await flash(bloc)).error).toBeNull();
    expect(await bloc.textContent('[data-testid="own-plan"]')).toContain('41-HD/ĐUK');

    const base = await h.login('id-bc1');
    await adoptPlan(base, 'bc1', '15-KH/ĐU', '2027-12-28');
    const refusal = (await flash(base)).error;
    expect(refusal).toContain('trước ngày 22/12/2027');
    await adoptPlan(base, 'bc1', '15-KH/ĐU', '2027-12-20');
    expect((await flash(base)).error).toBeNull();
    expect(await base.textContent('[data-testid="own-plan"]')).toContain('15-KH/ĐU');

    const cell = await h.login('id-c1');
    await adoptPlan(cell, 'c1', 'không số', '2027-12-18');
    expect((await flash(cell)).error).toBeNull();
    expect(await cell.textContent('[data-testid="milestones"]')).toContain('trước ngày 18/12/2027');

    // The cell uploads its members' scores on 100 from its page.
    const members = (await (await h.t.request('/api/v1/units/c1/members?limit=200', { as: identities.cell })).json()).members as { id: string; admittedOn: string; exempt: boolean; suspended: boolean }[];
    const rated = (m: (typeof members)[number]) => !m.exempt && !m.suspended && addMonthsClamped(m.admittedOn, 6) <= '2027-12-31';
    const csv = csvOf([
      ['Mã đảng viên', 'Điểm tiêu chí chung', 'Điểm kết quả thực hiện nhiệm vụ', 'Tỷ lệ hoàn thành nhiệm vụ (%)', 'Tự xếp loại', 'Chi bộ xếp loại'],
      ...members.map((m) => (rated(m) ? [m.id, '25', '57,5', '100', 'HTTNV', 'HTTNV'] : [m.id, '', '', '', '', ''])),
    ]);
    await cell.goto(`${h.url}/units/c1`);
    await cell.click('[data-testid="link-results-upload"]');
    await cell.waitForSelector('[data-testid="page-title"]');
    expect(new URL(cell.url()).pathname).toBe('/campaigns/2027/units/c1/results-upload');
    await cell.setInputFiles('#file', { name: 'ket-qua-2027.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await cell.click('#check');
    await cell.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('Tệp hợp lệ'));
    expect(await cell.locator('[data-testid="evaluations"] tbody tr').first().textContent()).toContain('82,5');
    await cell.click('#commit');
    await cell.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('phiên bản 1'));

    // Its own rating as a collective, scored too, then the submission.
    await page(cell, '/campaigns/2027/units/c1/review');
    await cell.selectOption('[data-testid="collective"] select[name="proposed"]', 'good');
    await cell.selectOption('[data-testid="collective"] select[name="decided"]', 'good');
    await cell.fill('[data-testid="collective-general"]', '26');
    await cell.fill('[data-testid="collective-tasks"]', '58');
    await cell.fill('[data-testid="collective-taskCompletionPercent"]', '100');
    await cell.click('[data-testid="save-collective"]');
    await cell.waitForLoadState('load');
    expect((await flash(cell)).error).toBeNull();
    expect(await cell.textContent('[data-testid="collective-score"]')).toContain('84/100');
    await cell.waitForSelector('[data-testid="no-blocking"]');
    await cell.click('[data-testid="submit-dossier"]');
    await cell.waitForLoadState('load');
    expect(await cell.getAttribute('[data-testid="workflow-state"]', 'data-state')).toBe('submitted');

    // The base committee approves it from its appraisal page.
    await page(base, '/campaigns/2027/units/bc1/appraisal');
    await base.check('[data-testid="confirm-c1"]');
    await base.click('[data-testid="approve-c1"]');
    await base.waitForLoadState('load');
    expect((await flash(base)).error).toBeNull();
    await page(cell, '/campaigns/2027/units/c1/review');
    expect(await cell.getAttribute('[data-testid="workflow-state"]', 'data-state')).toBe('approved');

    // The province closes 2027: every page of the year only shows.
    await page(province, '/campaigns/2027/units/p1');
    await province.check('[data-testid="close-form"] input[name="confirm"]');
    await province.click('[data-testid="close-campaign"]');
    await province.waitForLoadState('load');
    await page(province, '/campaigns/2027/units/p1');
    expect(await province.getAttribute('[data-testid="campaign-state"]', 'data-state')).toBe('closed');
    for (const [p, path] of [
      [cell, '/campaigns/2027/units/c1/review'],
      [cell, '/campaigns/2027/units/c1'],
      [base, '/campaigns/2027/units/bc1/appraisal'],
      [bloc, '/campaigns/2027/units/b1'],
    ] as const) {
      await page(p, path);
      expect(await p.locator('[data-testid="campaign-closed"]').count(), path).toBe(1);
      // No form that changes the year is left: only signing out posts.
      const actions = await p.locator('form[method="post"]').evaluateAll((forms) => forms.map((f) => f.getAttribute('action')));
      expect(actions.filter((a) => a !== '/logout'), path).toEqual([]);
    }
    await page(cell, '/campaigns/2027/units/c1/results-upload');
    expect(await cell.locator('[data-testid="campaign-closed"]').count()).toBe(1);
    expect([await cell.isDisabled('#check'), await cell.isDisabled('#commit')]).toEqual([true, true]);
    // And the server refuses what a forged page would send.
    const refused = await h.t.request('/api/v1/campaigns/2027/units/c1/collective', { method: 'PUT', as: identities.cell, body: JSON.stringify({ decided: 'excellent' }) });
    expect([refused.status, (await refused.json()).error.code]).toEqual([409, 'CAMPAIGN_CLOSED']);
  });
});

async function page(p: Page, path: string): Promise<void> {
  const res = await p.goto(h.url + path);
  expect(res?.status(), path).toBe(200);
}
