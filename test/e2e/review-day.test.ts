import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { t1Members, t1Units } from '../support/fixture';
import { startBrowserHarness, type BrowserHarness } from '../support/e2e';
import { collapse, docxToText } from '../support/office';
import { seedCampaigns } from '../../packages/local/src/seed-campaigns';

let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness('e2e-review-day', {
    now: '2021-12-20T10:00:00.000Z',
    seed: (store) => seedCampaigns(store, { tenantId: 't1', units: t1Units, members: t1Members }, '2021-12-01T00:00:00.000Z'),
  });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

const base = '/campaigns/2021/units/c1';
const state = (page: Page) => page.locator('[data-testid="workflow-state"]').getAttribute('data-state');
const ok = (page: Page) => page.waitForSelector('[data-testid="flash-ok"]');

/** One meeting form: date, time, place, chair, clerk. */
async function meeting(page: Page, prefix: string, m: { heldOn: string; chair: string; clerk: string }) {
  await page.fill(`[data-testid="${prefix}-heldOn"]`, m.heldOn);
  await page.fill(`[data-testid="${prefix}-startTime"]`, '14:00');
  await page.fill(`[data-testid="${prefix}-location"]`, 'Hội trường Bệnh viện Phổi');
  await page.selectOption(`[data-testid="${prefix}-chairMemberId"]`, m.chair);
  await page.selectOption(`[data-testid="${prefix}-clerkMemberId"]`, m.clerk);
}

describe('the cell’s day in Chromium: meetings, self-reviews, upload, minutes, submit, appraisal by the right level', () => {
  it('walks it from the member to the base committee, and keeps the province from approving silently', async () => {
    // A member signs in for themselves, finds their record from the home page and writes their self-review.
    let page = await h.login('M002');
    expect(await page.locator('[data-testid="home-count-missingSelfReview"]').textContent()).toBe('1');
    await page.click('[data-testid="link-my-record"]');
    expect(await page.locator('[data-testid="own-name"]').textContent()).toBe('Nguyễn Văn An');
    await page.click('[data-testid="link-self-review"]');
    await page.fill('[data-testid="section-s:politicalThought"]', 'Luôn trung thành với đường lối của Đảng.');
    await page.click('[data-testid="self-review-save"]');
    await ok(page);
    expect(await page.locator('[data-testid="cell-comments"]').count()).toBe(0);
    // Nothing else of the cell: another member's self-review, the cell's review page.
    expect((await page.goto(`${h.url}${base}/members/M003/self-review`))?.status()).toBe(403);
    expect((await page.goto(`${h.url}${base}/review`))?.status()).toBe(403);
    await page.close();

    // The cell secretary: the minutes are not there yet, and the page says where to record the meeting.
    page = await h.login('id-c1');
    expect(await page.locator('[data-testid="home-missingMinutes"] li[data-unit="c1"]').count()).toBe(1);
    expect((await page.goto(`${h.url}${base}/meetings/minutes.docx`))?.status()).toBe(422);
    expect(await page.locator('[data-testid="missing-record"]').textContent()).toContain('Chưa ghi nhận cuộc họp chi bộ');
    await page.click('[data-testid="missing-next"]');
    expect(new URL(page.url()).pathname).toBe(`${base}/meetings`);

    // The group meets, then the cell: attendance with a reason, who spoke, the votes for the cell.
    await page.click('[data-testid="group-g1"] summary');
    await meeting(page, 'group-g1', { heldOn: '2021-12-14', chair: 'M001', clerk: 'M002' });
    await page.click('[data-testid="group-save-g1"]');
    await ok(page);
    expect(await page.locator('[data-testid="group-g1-status"]').textContent()).toContain('14/12/2021');
    await meeting(page, 'cell', { heldOn: '2021-12-20', chair: 'M001', clerk: 'M003' });
    await page.uncheck('[data-testid="cell-present-M009"]');
    await page.fill('[data-testid="cell-absence-M009"]', 'đi công tác');
    await page.check('[data-testid="cell-spoke-M004"]');
    await page.fill('[data-testid="cell-summary-M004"]', 'Đề nghị chi bộ tăng cường kiểm tra chuyên môn');
    await page.fill('[data-testid="cell-collectiveVotesFor"]', '8');
    await page.click('[data-testid="cell-meeting-save"]');
    await ok(page);

    // A second self-review, keyed in by the cell with the residence's comment.
    await page.goto(`${h.url}${base}/members/M003/self-review`);
    await page.fill('[data-testid="section-s:politicalThought"]', 'Chấp hành nghiêm chủ trương của Đảng.');
    await page.fill('[data-testid="outside-residence-unit"]', 'Chi bộ khu phố 3, phường 7');
    await page.fill('[data-testid="outside-residence-text"]', 'Gương mẫu ở nơi cư trú.');
    await page.click('[data-testid="self-review-save"]');
    await ok(page);

    // The results go up as a file: the page's template (the seed's results filled in), M002's rating
    // by the cell written in with exceljs, then the dry run shown and committed.
    await page.goto(`${h.url}${base}/results-upload`);
    const template = await page.context().request.get(h.url + (await page.getAttribute('[data-testid="template-link"]', 'href'))!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(new Uint8Array(await template.body()).buffer);
    const ws = wb.worksheets[0]!;
    const decidedColumn = (ws.getRow(1).values as unknown[]).indexOf('Chi bộ xếp loại');
    const m002 = [...Array(ws.rowCount).keys()].map((i) => ws.getRow(i + 1)).find((r) => r.getCell(1).value === 'M002')!;
    m002.getCell(decidedColumn).value = 'Hoàn thành tốt nhiệm vụ';
    await page.setInputFiles('#file', { name: 'ket-qua-c1.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) });
    await page.click('#check');
    await page.waitForFunction(() => document.querySelector('[data-testid="status"]')?.textContent?.includes('Tệp hợp lệ'));
    expect(await page.locator('[data-testid="evaluations"] tbody tr', { hasText: 'M002' }).textContent()).toContain('Hoàn thành tốt nhiệm vụ');
    const before = await page.textContent('[data-testid="current-version"]');
    await page.click('#commit');
    await page.waitForFunction((v) => { const t = document.querySelector('[data-testid="current-version"]')?.textContent; return !!t && t !== v; }, before);

    // The minutes, produced from the meeting and read back by LibreOffice.
    const minutes = await page.context().request.get(`${h.url}${base}/meetings/minutes.docx`);
    expect(minutes.status()).toBe(200);
    const dir = await mkdtemp(join(tmpdir(), 'review-day-'));
    await writeFile(join(dir, 'minutes.docx'), await minutes.body());
    const text = collapse(await docxToText(join(dir, 'minutes.docx')));
    expect(text).toContain('HỌP CHI BỘ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN');
    expect(text).toContain('Lý Thị Bình (đi công tác)');
    expect(text).toContain('Đề nghị chi bộ tăng cường kiểm tra chuyên môn');
    expect(text).toContain('20/12/2021');
    const group = await page.context().request.get(`${h.url}/campaigns/2021/units/g1/meetings/group-minutes.docx`);
    await writeFile(join(dir, 'group.docx'), await group.body());
    expect(collapse(await docxToText(join(dir, 'group.docx')))).toContain('HỌP TỔ ĐẢNG ĐÁNH GIÁ CHẤT LƯỢNG ĐẢNG VIÊN');

    // The uploaded file settled M002; the cell's own rating is the one fix left before the dossier can go up.
    await page.goto(h.url + base + '/review');
    await page.locator('[data-testid="collective"] select[name="decided"]').selectOption('good');
    await page.click('[data-testid="save-collective"]');
    await page.waitForSelector('[data-testid="no-blocking"]');
    await page.click('[data-testid="submit-dossier"]');
    await ok(page);
    expect(await state(page)).toBe('submitted');
    await page.close();

    // The province sees the dossier, but may not approve a cell's dossier without a take-over reason.
    page = await h.login('id-p1');
    await page.goto(`${h.url}/campaigns/2021/units/p1/appraisal`);
    const c1 = page.locator('tr[data-unit="c1"]');
    expect(await c1.getAttribute('data-standing')).toBe('takeOver');
    expect(await c1.locator('[data-testid="parent"]').textContent()).toBe('Đảng ủy Sở Y tế');
    await page.locator('[data-testid="takeover-c1"]').evaluate((e) => e.removeAttribute('required'));
    await page.check('[data-testid="confirm-c1"]');
    await page.click('[data-testid="approve-c1"]');
    expect(await page.locator('[data-testid="flash-error"]').textContent()).toContain('ghi rõ lý do tiếp nhận');
    expect(await page.locator('tr[data-unit="c1"]').getAttribute('data-state')).toBe('submitted');
    await page.close();

    // The base committee finds it on its home page, returns it with a reason.
    page = await h.login('id-bc1');
    expect(await page.locator('[data-testid="home-count-toAppraise"]').textContent()).toBe('1');
    await page.click('[data-testid="home-toAppraise"] li[data-unit="c1"] a');
    expect(new URL(page.url()).pathname).toBe(`${base}/review`);
    await page.goto(`${h.url}/campaigns/2021/units/bc1/appraisal`);
    await page.fill('[data-testid="return-reason-c1"]', 'Bổ sung nhận xét của chi ủy nơi cư trú');
    await page.click('[data-testid="return-c1"]');
    await ok(page);
    await page.close();

    // The cell sees the return on its home page and submits again.
    page = await h.login('id-c1');
    expect(await page.locator('[data-testid="home-returned"]').textContent()).toContain('Bổ sung nhận xét của chi ủy nơi cư trú');
    await page.goto(h.url + base + '/review');
    await page.click('[data-testid="submit-dossier"]');
    await ok(page);
    await page.close();

    // The base committee approves it after the confirmation: no confirmation, no lock.
    page = await h.login('id-bc1');
    await page.goto(`${h.url}/campaigns/2021/units/bc1/appraisal`);
    await page.locator('[data-testid="confirm-c1"]').evaluate((e) => e.removeAttribute('required'));
    await page.click('[data-testid="approve-c1"]');
    expect(await page.locator('[data-testid="flash-error"]').textContent()).toContain('xác nhận');
    expect(await page.locator('tr[data-unit="c1"]').getAttribute('data-state')).toBe('submitted');
    await page.check('[data-testid="confirm-c1"]');
    await page.click('[data-testid="approve-c1"]');
    await ok(page);
    expect(await page.locator('tr[data-unit="c1"]').getAttribute('data-state')).toBe('approved');
    const audit = await (await h.t.request('/api/v1/units/c1/audit', { as: { tenant: 't1', unit: 'bc1', role: 'base_committee', name: 'Đảng ủy Sở Y tế', sub: 'id-bc1' } })).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).not.toContain('dossier.takeOver');
    await page.close();
  });
});
