import { beforeAll, describe, expect, it } from 'vitest';
import { LIST_PAGE_SIZE, Member, type Unit } from '@kd/domain';
import type { Store } from '@kd/data';
import type { Identity } from '@kd/api';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';
import { putTestCampaign } from '../support/rollups';
import { seedTenant } from '../../packages/local/src/seed';

/**
 * Long lists on the pages, on data longer than a page: the unit tree, the rewards list, the upload
 * pages' members and a reconciliation run's entries each show one page, say how many pages there
 * are, narrow to a name typed without diacritics or an id, and keep the filter from page to page.
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
