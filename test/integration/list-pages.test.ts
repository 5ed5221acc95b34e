import { beforeAll, describe, expect, it } from 'vitest';
import { LIST_PAGE_SIZE, Member, type Unit } from '@kd/domain';
import { auditPut, batchPut, keys, putRun, type Store } from '@kd/data';
import { reconcileTenant } from '@kd/jobs';
import type { Identity } from '@kd/api';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';
import { putTestCampaign } from '../support/rollups';
import { enableMasses } from '../support/masses';
import { seedTenant } from '../../packages/local/src/seed';

/**
 * Long lists on the pages, on data longer than a page: the unit tree, the rewards list, the upload
 * pages' members, a reconciliation run's entries, the report history, the outbox, the runs, the
 * audit trail, the dashboard's units below and a cell's members (unit page and dashboard) each show
 * one page, say how many pages there are, narrow to what is typed (without diacritics) or chosen,
 * and keep the filter from page to page.
 */
let store: Store;
let t: TestApp;
const CELLS = 130;
const MEMBERS = 230;
const unit = (id: string, name: string, kind: Unit['kind'], path: string[]): Unit => ({
  id, name, kind, parentId: path.length > 1 ? path.at(-2)! : null, path, foundedOn: '2010-01-01', closedOn: null, sector: kind === 'province' || kind === 'bloc' ? null : 'agency', version: 1,
});
const memberId = (i: number) => `L${String(i).padStart(3, '0')}`;
// One name to find among many alike: "Trần Thị Ánh Lọc" typed as "anh loc".
const nameOf = (i: number) => (i === 177 ? 'Trần Thị Ánh Lọc' : `Nguyễn Văn Thử ${i}`);
const province: Identity = { tenant: 't7', unit: 'p7', role: 'province_board', name: 'Ban Tổ chức', sub: 'id-p7' };
const cell: Identity = { tenant: 't7', unit: 'k1', role: 'cell_secretary', name: 'Bí thư', sub: 'id-k1' };

const page = async (path: string, as: Identity = province) => {
  const res = await t.request(path, { as });
  expect(res.status, path).toBe(200);
  return res.text();
};
const count = (html: string, marker: string) => html.split(marker).length - 1;

beforeAll(async () => {
  store = await createTestStore('list-pages');
  const units = [
    unit('p7', 'Tỉnh ủy Dài', 'province', ['p7']),
    unit('b7', 'Đảng ủy Khối Dài', 'bloc', ['p7', 'b7']),
    unit('d7', 'Đảng ủy Cơ sở Dài', 'baseCommittee', ['p7', 'b7', 'd7']),
    ...Array.from({ length: CELLS }, (_, k) => unit(`k${k + 1}`, `Chi bộ Dài ${k + 1}`, 'cell', ['p7', 'b7', 'd7', `k${k + 1}`])),
  ];
  const members = Array.from({ length: MEMBERS }, (_, k) => Member.parse({ id: memberId(k + 1), unitId: 'k1', fullName: nameOf(k + 1), admittedOn: '2015-05-19', officialOn: '2016-05-19' }));
  await seedTenant(store, { tenantId: 't7', name: 'Tỉnh ủy Dài', units, members }, '2021-12-01T00:00:00.000Z');
  await putTestCampaign(store, 't7', 2021);
  t = await createTestApp(store, '2021-12-15T03:00:00.000Z');
});

describe('long lists, a page at a time', () => {
  it('the unit tree: 100 units a page, the next page from the pager', async () => {
    const first = await page('/units/p7');
    expect(first).toContain('Trang 1/2 (132 đơn vị)');
    expect(count(first, 'href="/units/k')).toBe(LIST_PAGE_SIZE - 2);
    const second = await page('/units/p7?tree=2');
    expect(second).toContain('Trang 2/2 (132 đơn vị)');
    expect(count(second, 'href="/units/k')).toBe(132 - LIST_PAGE_SIZE);
  });

  it('the upload pages: a page of the cell’s members, a name typed without diacritics, every name still known to the check', async () => {
    for (const path of ['/campaigns/2021/units/k1/results-upload', '/units/k1/roster-upload']) {
      const first = await page(path, cell);
      expect(count(first, 'data-member-id='), path).toBe(LIST_PAGE_SIZE);
      expect(first).toContain(`Trang 1/3 (${MEMBERS} đảng viên)`);
      expect(first).toContain(`href="${path}?page=2"`);
      // The check's answer names members of every page: all the names travel with the page.
      expect(first).toContain('Trần Thị Ánh Lọc');
      const third = await page(`${path}?page=3`, cell);
      expect(count(third, 'data-member-id='), path).toBe(MEMBERS - 2 * LIST_PAGE_SIZE);
      const found = await page(`${path}?q=anh+loc`, cell);
      expect(count(found, 'data-member-id='), path).toBe(1);
      expect(found).toContain(`data-member-id="${memberId(177)}"`);
      expect(await page(`${path}?q=l177`, cell)).toContain(`data-member-id="${memberId(177)}"`);
    }
  });

  it('the rewards list: every member’s years a page at a time, filtered by name', async () => {
    const first = await page('/campaigns/2021/units/d7/rewards');
    expect(first).toContain(`Trang 1/3 (${MEMBERS} đảng viên)`);
    const second = await page('/campaigns/2021/units/d7/rewards?all=2');
    expect(second).toContain(`Trang 2/3 (${MEMBERS} đảng viên)`);
    expect(second).toContain('href="/campaigns/2021/units/d7/rewards?all=3"');
    const found = await page('/campaigns/2021/units/d7/rewards?q=anh+loc');
    expect(found).toContain('Trần Thị Ánh Lọc');
    expect(found).not.toContain('Nguyễn Văn Thử 1<');
    expect(found).not.toContain('data-testid="all-members-pager"');
  });

  it('a reconciliation run: entries by kind and name, a page at a time; a decision comes back to the same page', async () => {
    const mapped = await t.request('/api/v1/units/p7/reconciliation/cell-mapping', { method: 'PUT', as: province, body: JSON.stringify({ value: [{ centralName: 'CB Dài', unitId: 'k1' }], version: 0 }) });
    expect(mapped.status).toBe(200);
    const csv = ['STT,Số thẻ đảng viên,Họ và tên,Ngày sinh,Số định danh cá nhân,Loại đảng viên,Ngày vào Đảng,Chi bộ', '1,X001,Người Ngoài,01/01/1980,,Chính thức,01/01/2005,CB Dài'].join('\n');
    const run = await t.request('/api/v1/units/p7/reconciliation/runs', { method: 'POST', as: province, body: csv, headers: { 'content-type': 'text/csv' } });
    expect(run.status).toBe(201);
    const { summary } = await run.json();
    const base = `/units/p7/reconciliation/runs/${summary.runId}`;
    const first = await page(base);
    expect(count(first, 'data-entry=')).toBe(LIST_PAGE_SIZE);
    expect(first).toContain(`Trang 1/3 (${MEMBERS + 1} mục)`);
    const onlyThere = await page(`${base}?kind=onlyThere`);
    expect(count(onlyThere, 'data-entry=')).toBe(1);
    expect(onlyThere).toContain('Người Ngoài');
    const found = await page(`${base}?kind=onlyHere&q=anh+loc`);
    expect(count(found, 'data-entry=')).toBe(1);
    const third = await page(`${base}?kind=onlyHere&page=3`);
    expect(count(third, 'data-entry=')).toBe(MEMBERS - 2 * LIST_PAGE_SIZE);
    // The decision's form carries the view; the answer goes back to it.
    const n = /data-entry="(\d+)"/.exec(third)![1]!;
    expect(third).toContain(`action="${base}/entries/${n}?kind=onlyHere&amp;page=3"`);
  });
});

describe('more long lists: reports, outbox, runs, audit trail, dashboard, a cell’s members', () => {
  const REPORTS = 130;
  const RUNS = 110;
  const AUDITS = 120;
  const at = (k: number) => new Date(Date.UTC(2021, 8, 1, 2) + k * 3_600_000 * 12).toISOString();
  beforeAll(async () => {
    // A report a day (twice a day here) for two months, each with one message in the outbox; 30 of them of 2020's campaign, one asked for by hand.
    const reportItems = Array.from({ length: REPORTS }, (_, k) => {
      const reportId = `r${String(k).padStart(3, '0')}`;
      const trigger = k === 7 ? 'manual' : 'daily';
      return { ...keys.report('t7', reportId), type: 'report', tenant: 't7', reportId, boardId: 'p7', year: k < 30 ? 2020 : 2021, tickId: `tick-${k}`, trigger, asOf: at(k), summary: { late: k, missing: 0, onTime: 1, expected: 2 }, gsi1pk: keys.boardReports('t7', 'p7'), gsi1sk: `${at(k)}#${reportId}` };
    });
    const deliveries = reportItems.map((r, k) => ({
      pk: r.pk, sk: 'DELIVERY#bantochuc@tinh.vn', tenant: 't7', messageKind: 'report', messageId: r.reportId, boardId: 'p7', scopePath: ['p7'], recipient: 'bantochuc@tinh.vn',
      subject: k === 9 ? 'Nhắc việc: Chi bộ Ánh Lọc' : `Báo cáo tiến độ ${k}`, status: k === 9 ? 'failed' : 'sent', attempts: 1, maxAttempts: 3, lastError: null, transportId: null,
      createdAt: r.asOf, updatedAt: r.asOf, sentAt: r.asOf, leaseUntil: null, gsi1pk: keys.outbox('t7'), gsi1sk: `${r.asOf}#${r.reportId}#bantochuc@tinh.vn`,
    }));
    // Audit entries of the cell: one by Lê Văn Tám on 05/10/2021 (09:00 in Vietnam), the others by its secretary.
    const audits = Array.from({ length: AUDITS }, (_, k) =>
      auditPut(store, 't7', k === 60
        ? { unitId: 'k1', at: '2021-10-05T02:00:00.000Z', actor: { sub: 's', name: 'Lê Văn Tám', role: 'province_board', unit: 'p7' }, action: 'results.edit', target: 'k1/2021/L001', reason: 'Sửa sai sót ngày sinh' }
        : { unitId: 'k1', at: at(k), actor: { sub: 'c', name: 'Bí thư Chi bộ', role: 'cell_secretary', unit: 'k1' }, action: 'member.update', target: memberId(k + 1), before: { fullName: 'Tên cũ' }, after: { fullName: nameOf(k + 1) } }).Put.Item);
    await batchPut(store, [...reportItems, ...deliveries, ...audits]);
    const run = (k: number) => ({
      runId: `run-${k}`, unitId: 'b7', at: at(k), actor: { sub: 'p', name: k === 42 ? 'Trần Thị Ánh Lọc' : 'Ban Tổ chức', role: 'province_board', unit: 'p7' },
      fileRows: 1, accepted: 1, errorCount: 0, matched: { card: 1, nationalId: 0, nameBirth: 0 }, same: 1, onlyHere: 0, onlyThere: 0, differing: 0, outsideScope: 0, unmappedCells: [], fields: [],
    });
    await Promise.all(Array.from({ length: RUNS }, (_, k) => putRun(store, 't7', run(k), [])));
    await reconcileTenant(store, 't7');
    await enableMasses(store, 't7');
  });

  it('the report history by year and kind, the outbox by text and status, a page at a time', async () => {
    const first = await page('/units/p7/reports');
    expect(count(first, 'data-report=')).toBe(LIST_PAGE_SIZE);
    expect(first).toContain(`Trang 1/2 (${REPORTS} báo cáo)`);
    expect(first).toContain(`data-report="r${REPORTS - 1}"`);
    expect(count(await page('/units/p7/reports?page=2'), 'data-report=')).toBe(REPORTS - LIST_PAGE_SIZE);
    const y2020 = await page('/units/p7/reports?year=2020');
    expect(count(y2020, 'data-report=')).toBe(30);
    expect(y2020).not.toContain('data-testid="reports-pager"');
    expect(count(await page('/units/p7/reports?year=2021&trigger=manual'), 'data-report=')).toBe(0);
    expect(await page('/units/p7/reports?trigger=manual')).toContain('data-report="r007"');
    const outbox = await page('/units/p7/outbox');
    expect(outbox).toContain(`Trang 1/2 (${REPORTS} thư)`);
    expect(outbox).toContain('href="/units/p7/outbox?page=2"');
    const found = await page('/units/p7/outbox?q=anh+loc');
    expect(count(found, 'data-status=')).toBe(1);
    expect(found).toContain('Nhắc việc: Chi bộ Ánh Lọc');
    expect(count(await page('/units/p7/outbox?status=failed'), 'data-status=')).toBe(1);
  });

  it('the reconciliation runs by who ran them or a date, a page at a time', async () => {
    const first = await page('/units/b7/reconciliation');
    expect(count(first, 'data-run=')).toBe(LIST_PAGE_SIZE);
    expect(first).toContain(`Trang 1/2 (${RUNS} lần đối chiếu)`);
    expect(count(await page('/units/b7/reconciliation?page=2'), 'data-run=')).toBe(RUNS - LIST_PAGE_SIZE);
    const who = await page('/units/b7/reconciliation?q=anh+loc');
    expect(count(who, 'data-run=')).toBe(1);
    expect(who).toContain('data-run="run-42"');
    // at(42) is 22/09/2021 02:00 UTC: the day typed as the page shows it (two runs that day).
    expect(count(await page('/units/b7/reconciliation?q=22/09/2021'), 'data-run=')).toBe(2);
  });

  it('the audit trail by action, who, date range and text; its cursor keeps the filter', async () => {
    const first = await page('/units/k1/audit-trail');
    expect(count(first, 'data-action=')).toBe(50);
    const byWho = await page('/units/k1/audit-trail?who=tam');
    expect(count(byWho, 'data-action=')).toBe(1);
    expect(byWho).toContain('Sửa sai sót ngày sinh');
    expect(count(await page('/units/k1/audit-trail?action=results.edit'), 'data-action=')).toBe(1);
    expect(count(await page('/units/k1/audit-trail?q=ngay+sinh'), 'data-action=')).toBe(1);
    // 05/10/2021 in Vietnam: the entry of 09:00 and the two half-days of the secretary's (k = 68, 69).
    expect(count(await page('/units/k1/audit-trail?from=2021-10-05&to=2021-10-05'), 'data-action=')).toBe(3);
    const wrong = await t.request('/units/k1/audit-trail?from=2021-10-06&to=2021-10-05', { as: province });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Ngày đầu của khoảng thời gian sau ngày cuối');
    let path = '/units/k1/audit-trail?action=member.update';
    const seen: number[] = [];
    while (path) {
      const html = await page(path);
      seen.push(count(html, 'data-action="member.update"'));
      const next = /data-testid="audit-pager"><a class="button" href="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&');
      if (next) expect(next).toContain('action=member.update');
      path = next ?? '';
    }
    expect(seen).toEqual([50, 50, AUDITS - 1 - 100]);
  });

  it('the dashboard’s units below and a cell’s members: by name, a page at a time; the print view shows all', async () => {
    const dash = await page('/dashboard/2021/units/d7');
    expect(count(dash, 'data-unit=')).toBe(LIST_PAGE_SIZE);
    expect(dash).toContain(`Trang 1/2 (${CELLS} đơn vị)`);
    expect(count(await page('/dashboard/2021/units/d7?page=2'), 'data-unit=')).toBe(CELLS - LIST_PAGE_SIZE);
    const one = await page('/dashboard/2021/units/d7?q=chi+bo+dai+77');
    expect(count(one, 'data-unit=')).toBe(1);
    expect(one).toContain('data-unit="k77"');
    expect(count(await page('/dashboard/2021/units/d7?print=1'), 'data-unit=')).toBe(CELLS);
    for (const [path, marker] of [['/units/k1', '<tr id="member-'], ['/dashboard/2021/units/k1/members', 'data-member=']] as const) {
      const first = await page(path);
      expect(count(first, marker), path).toBe(LIST_PAGE_SIZE);
      expect(first).toContain(`Trang 1/3 (${MEMBERS} đảng viên)`);
      expect(count(await page(`${path}?page=3`), marker), path).toBe(MEMBERS - 2 * LIST_PAGE_SIZE);
      const found = await page(`${path}?q=anh+loc`);
      expect(count(found, marker), path).toBe(1);
      expect(found).toContain('Trần Thị Ánh Lọc');
    }
  });

  it('the campaign page links the cell’s masses page once the year has a masses review', async () => {
    expect(await page('/campaigns/2021/units/k1', cell)).not.toContain('data-testid="link-masses"');
    const opened = await t.request('/api/v1/campaigns/2021/masses', { method: 'POST', as: province, body: JSON.stringify({ sessionsBy: '2021-12-22', baseReportBy: '2021-12-27', blocReportBy: '2021-12-30' }) });
    expect(opened.status, await opened.text()).toBe(201);
    expect(await page('/campaigns/2021/units/k1', cell)).toContain('href="/campaigns/2021/units/k1/masses" data-testid="link-masses"');
  });
});
