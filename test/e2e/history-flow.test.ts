import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMember, listAudit } from '@kd/data';
import { startBrowserHarness, type BrowserHarness } from '../support/e2e';
import { identities } from '../support/fixture';
import { putTestCampaign, streamConsumer } from '../support/rollups';
import { collapse, convertToPdf, pdfToText } from '../support/office';

/**
 * Issue 18 in Chromium: the province imports an earlier year through the history page's form
 * (multipart, with the session's CSRF token), the rewards list of the dossier downloads and opens
 * in LibreOffice, and a reconciliation runs from the page's form, is settled on the page and gives
 * a corrections file LibreOffice opens — with no full national id on any page.
 */
let h: BrowserHarness;
let dir: string;
const MARKER = '079123456789';
const HEAD = 'Mã đảng viên,Họ và tên,Đơn vị,Xếp loại,Lý do không xếp loại,Hình thức kỷ luật trong năm';
const membersFile = `${HEAD}\nM001,,c1,HTXSNV,,\nM002,,c1,HTTNV,,\nM010,,c2,HTTNV,,\nM011,,c3,HTTNV,,\n`;
const unitsFile = 'Đơn vị,Xếp loại,Lý do không xếp loại\nc1,HTXSNV,\n';
const csv = (text: string) => ({ name: 'so-lieu.csv', mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

async function asPdfText(file: string): Promise<string> {
  return collapse(await pdfToText(await convertToPdf(file, dir), { layout: false }));
}

beforeAll(async () => {
  h = await startBrowserHarness('e2e-history', { stream: true, now: '2022-01-05T03:00:00.000Z', seed: (store) => putTestCampaign(store, 't1', 2021, { overlayIds: [] }) });
  dir = await mkdtemp(join(tmpdir(), 'kd-history-'));
  // 2018–2020 through the API (the page's form is exercised for 2017 below); 2021 in the system.
  const post = (path: string, body: string) => h.t.request(path, { method: 'POST', as: identities.province, body, headers: { 'content-type': 'text/csv' } });
  for (const year of [2018, 2019, 2020]) {
    expect((await post(`/api/v1/units/p1/history/${year}/member-results?dryRun=false`, membersFile)).status).toBe(200);
    expect((await post(`/api/v1/units/p1/history/${year}/unit-results?dryRun=false`, unitsFile)).status).toBe(200);
  }
  const results = 'Mã đảng viên,Chi bộ xếp loại\nM001,HTXSNV\nM002,HTTNV\nM003,HTTNV\nM004,HTTNV\nM005,HTTNV\nM006,HTTNV\nM007,HTTNV\nM008,HTTNV\nM009,HTTNV\n';
  expect((await h.t.request('/api/v1/campaigns/2021/units/c1/results?dryRun=false', { method: 'POST', as: identities.cell, body: results, headers: { 'content-type': 'text/csv' } })).status).toBe(200);
  expect((await h.t.request('/api/v1/campaigns/2021/units/c1/collective', { method: 'PUT', as: identities.cell, body: JSON.stringify({ decided: 'excellent', rev: 1 }) })).status).toBe(200);
  await streamConsumer(h.store).drain();
}, 180_000);

afterAll(async () => {
  await h?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('earlier years, rewards and reconciliation in the browser (Chromium)', () => {
  it('imports 2017 through the page, dry run first; the five-year reward shows in the dossier and its .xlsx opens in LibreOffice', async () => {
    const page = await h.login('id-p1');
    await page.goto(h.url + '/units/p1');
    await page.click('[data-testid="link-history"]');
    const members = page.locator('[data-testid="form-members"]');
    await members.locator('input[name="year"]').fill('2017');
    await members.locator('input[name="file"]').setInputFiles(csv(membersFile));
    await members.locator('button[type="submit"]').click();
    await page.waitForSelector('[data-testid="import-answer"]');
    expect(await page.locator('[data-testid="import-answer"] h2').textContent()).toContain('Kết quả kiểm tra (chưa ghi)');
    expect(await page.locator('[data-year="2017"]').count()).toBe(0);

    await members.locator('input[name="year"]').fill('2017');
    await members.locator('input[name="file"]').setInputFiles(csv(membersFile));
    await members.locator('input[name="commit"]').check();
    await members.locator('button[type="submit"]').click();
    await page.waitForSelector('[data-testid="import-answer"]');
    expect(await page.locator('[data-testid="import-answer"] h2').textContent()).toContain('Đã ghi — năm 2017');
    const units = page.locator('[data-testid="form-units"]');
    await units.locator('input[name="year"]').fill('2017');
    await units.locator('input[name="file"]').setInputFiles(csv(unitsFile));
    await units.locator('input[name="commit"]').check();
    await units.locator('button[type="submit"]').click();
    await page.waitForSelector('[data-testid="import-answer"]');
    expect(await page.locator('[data-testid="import-answer"] h2').textContent()).toContain('Đã ghi — năm 2017');
    expect(await page.locator('[data-testid="imported-mark"]').count()).toBe(4);
    await page.close();
    await streamConsumer(h.store).drain();

    const cell = await h.browser.newPage({ acceptDownloads: true });
    await cell.goto(h.url + '/login');
    await cell.click('[data-testid="login-id-c1"]');
    await cell.waitForSelector('[data-testid="home"]');
    await cell.goto(h.url + '/campaigns/2021/units/c1');
    await cell.click('[data-testid="link-rewards"]');
    const body = await cell.locator('body').textContent();
    expect(body).toContain('Bằng khen của Ban Thường vụ Tỉnh ủy: Hoàn thành xuất sắc nhiệm vụ 5 năm liền (2017–2021)');
    expect(await cell.locator('[data-testid="imported-years"]').textContent()).toContain('2017, 2018, 2019, 2020');
    const [download] = await Promise.all([cell.waitForEvent('download'), cell.click('[data-testid="rewards-xlsx"]')]);
    const file = join(dir, 'de-nghi-khen-thuong.xlsx');
    await download.saveAs(file);
    const text = await asPdfText(file);
    expect(text).toContain('Danh sách đề nghị khen thưởng năm 2021');
    expect(text).toContain('Lê Hồng Vũ');
    expect(text).toContain('2017: HTXSNV*');
    await cell.close();
  }, 180_000);

  it('reconciles from the page: mapping, run, a correction here (audited) and the corrections file in LibreOffice; no full national id on a page', async () => {
    const page = await h.login('id-p1');
    await page.context().setDefaultTimeout(60_000);
    const html: string[] = [];
    page.on('response', async (res) => {
      if ((res.headers()['content-type'] ?? '').includes('text/html')) html.push(await res.text().catch(() => ''));
    });
    await page.goto(h.url + '/units/p1');
    await page.click('[data-testid="link-reconciliation"]');
    await page.locator('[data-testid="form-cell-mapping"] textarea').fill('CB Một | c1\nCB Hai | c2\nCB Ba | c3');
    await page.locator('[data-testid="form-cell-mapping"] button[type="submit"]').click();
    expect(await page.locator('[data-testid="message"]').textContent()).toContain('3 dòng');

    const row = (id: string, name: string, admitted = '19/05/2015', nid = '') => `${id},${name},,${nid},Chính thức,${admitted},CB Một`;
    const file = [
      'Số thẻ đảng viên,Họ và tên,Ngày sinh,Số định danh cá nhân,Loại đảng viên,Ngày vào Đảng,Chi bộ',
      row('M001', 'Lê Hồng Vũ', '19/05/2015', MARKER),
      row('M002', 'Nguyễn Văn Ân'),
      row('M003', 'Trần Thị Ánh', '20/05/2015'),
      'X0001,Người Ngoài,01/01/1980,,Chính thức,01/01/2005,CB Hai',
    ].join('\n');
    await page.locator('[data-testid="form-run"] input[name="file"]').setInputFiles(csv(file));
    await page.locator('[data-testid="form-run"] button[type="submit"]').click();
    await page.waitForSelector('[data-testid="run-summary"]');
    const summary = await page.locator('[data-testid="run-summary"]').textContent();
    expect(collapse(summary ?? '')).toContain('khác nhau 2');
    expect(collapse(summary ?? '')).toContain('chỉ có trong CSDL 1');

    const m002 = page.locator('tr[data-kind="differs"]', { hasText: 'M002' });
    await m002.locator('button[value="central"]').click();
    await page.waitForSelector('[data-testid="run-summary"]');
    expect(await page.locator('tr[data-kind="differs"]', { hasText: 'M002' }).textContent()).toContain('Đã sửa theo CSDL');
    expect((await getMember(h.store, 't1', 'M002'))!.fullName).toBe('Nguyễn Văn Ân');
    const audit = (await listAudit(h.store, 't1', 'c1')).entries.find((e) => e.action === 'member.reconcile' && e.target === 'M002');
    expect(audit).toMatchObject({ before: { fullName: 'Nguyễn Văn An' }, after: { fullName: 'Nguyễn Văn Ân' }, actor: { sub: 'id-p1' } });

    const m003 = page.locator('tr[data-kind="differs"]', { hasText: 'M003' });
    await m003.locator('button[value="ours"]').click();
    await page.waitForSelector('[data-testid="run-summary"]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="corrections-xlsx"]')]);
    const xlsx = join(dir, 'de-nghi-dieu-chinh.xlsx');
    await download.saveAs(xlsx);
    const text = await asPdfText(xlsx);
    expect(text).toContain('M003');
    expect(text).toContain('20/05/2015');
    expect(text).toContain('19/05/2015');
    expect(text).not.toContain(MARKER);

    expect(html.length).toBeGreaterThan(3);
    expect(html.filter((h) => h.includes(MARKER))).toEqual([]);
    await page.close();
  }, 180_000);
});
