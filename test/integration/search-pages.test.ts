import { beforeAll, describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { indexMemberNames, keys, type Store } from '@kd/data';
import { search } from '@kd/services';
import { createTestStore } from '../support/store';
import { CELL_MILESTONES_2026 } from '../support/rollups';
import type { Identity } from '@kd/api';
import { createTestApp, type TestApp } from '../support/app';
import { identities, seedFixture } from '../support/fixture';

/**
 * Issue 17 on the page side: search under a unit (members by name typed with or without
 * diacritics, by id; units by name), paged in Vietnamese name order and held to the caller's
 * subtree; the audit trail in words; Vietnamese error pages outside the JSON APIs; the late units
 * grouped by milestone and direct parent.
 */
let store: Store;
let t: TestApp;
const { province, bloc, otherCell } = identities;
const page = async (path: string, as: Identity = province) => {
  const res = await t.request(path, { as });
  return { status: res.status, type: res.headers.get('content-type') ?? '', html: await res.text() };
};

beforeAll(async () => {
  store = await createTestStore('search-pages');
  await seedFixture(store);
  t = await createTestApp(store, '2026-11-30T03:00:00.000Z');
  const opened = await t.request('/api/v1/campaigns', {
    method: 'POST',
    as: province,
    body: JSON.stringify({
      year: 2026,
      milestones: [
        ...CELL_MILESTONES_2026,
      ],
    }),
  });
  expect(opened.status).toBe(201);
  // Two changes for the audit trail: a member added, then renamed.
  const created = await t.request('/api/v1/units/c2/members', { method: 'POST', as: province, body: JSON.stringify({ id: 'M100', fullName: 'Nguyễn Văn Hùng', admittedOn: '2019-03-02' }) });
  expect(created.status).toBe(201);
  const renamed = await t.request('/api/v1/members/M100', { method: 'PATCH', as: province, body: JSON.stringify({ fullName: 'Nguyễn Văn Hưng', version: 1 }) });
  expect(renamed.status).toBe(200);
});

describe('search', () => {
  it('finds a member by a Vietnamese name typed without diacritics (NFC or NFD alike), by id, and a unit by name; results lead down to the cell', async () => {
    const plain = await page('/units/p1/search?q=dang+thi+anh');
    expect(plain.status).toBe(200);
    expect(plain.html).toContain('data-member="M006"');
    expect(plain.html).toContain('Đặng Thị Anh');
    expect(plain.html).toContain('href="/units/c1#member-M006"');
    expect(plain.html).not.toContain('data-member="M003"'); // Trần Thị Ánh: "anh" but not "dang thi anh"
    const nfd = await page(`/units/p1/search?q=${encodeURIComponent('Đặng Thị Anh'.normalize('NFD'))}`);
    expect(nfd.html).toContain('data-member="M006"');
    const byId = await page('/units/p1/search?q=m010');
    expect(byId.html).toContain('data-member="M010"');
    expect(byId.html).toContain('Đỗ Văn Long');
    const unit = await page('/units/p1/search?q=benh+vien');
    expect(unit.html).toContain('data-testid="search-units"');
    expect(unit.html).toContain('href="/units/c1"');
    // Drill-down: the cell's page has the member's row.
    expect((await page('/units/c1')).html).toContain('id="member-M006"');
    // The search box is on the unit pages.
    expect((await page('/units/p1')).html).toContain('data-testid="search-form"');
  });

  it('pages in Vietnamese name order without repeats, and shows only the caller’s subtree', async () => {
    const deps = { store, clock: () => new Date('2026-11-30T03:00:00.000Z') };
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      const result = await search(deps, province, 'p1', { q: 'van', limit: 2, cursor });
      expect(result.members.length).toBeLessThanOrEqual(2);
      names.push(...result.members.map((m) => m.member.fullName));
      cursor = result.cursor;
    } while (cursor);
    // Given names first, as Intl.Collator('vi') orders them: An, Ăn, Dũng, Đức, Hưng, Long.
    expect(names).toEqual(['Nguyễn Văn An', 'Võ Văn Ăn', 'Bùi Văn Dũng', 'Huỳnh Văn Đức', 'Nguyễn Văn Hưng', 'Đỗ Văn Long']);
    const fromCell = await page('/units/c3/search?q=van', otherCell);
    expect(fromCell.status).toBe(200);
    expect(fromCell.html).toContain('data-testid="search-none"');
    expect((await page('/units/c1/search?q=van', otherCell)).status).toBe(403);
    const fromBloc = await page('/units/b1/search?q=ho+thi+mai', bloc);
    expect(fromBloc.html).toContain('data-member="M011"');
  });

  it('indexes members stored before the search existed, once', async () => {
    await store.doc.send(new UpdateCommand({ TableName: store.tableName, Key: keys.member('t1', 'M009'), UpdateExpression: 'REMOVE gsi2pk, gsi2sk, searchName' }));
    expect((await page('/units/p1/search?q=ly+thi+binh')).html).toContain('data-testid="search-none"');
    expect(await indexMemberNames(store, 't1')).toEqual({ indexed: 1 });
    expect((await page('/units/p1/search?q=ly+thi+binh')).html).toContain('data-member="M009"');
    expect(await indexMemberNames(store, 't1')).toEqual({ indexed: 0 });
  });
});

describe('the audit trail in words', () => {
  it('names the actor, dates as dd/mm/yyyy HH:mm and says what changed, without JSON, ids or ISO times', async () => {
    const { status, html } = await page('/units/c2/audit-trail');
    expect(status).toBe(200);
    expect(html).toContain('Thêm đảng viên');
    expect(html).toContain('Sửa thông tin đảng viên');
    expect(html).toContain('Nguyễn Văn Hưng (M100)');
    expect(html).toContain('Họ và tên');
    expect(html).toContain('Nguyễn Văn Hùng → Nguyễn Văn Hưng');
    expect(html).toContain('Ngày vào Đảng');
    expect(html).toContain('02/03/2019');
    expect(html).toContain('Ban Tổ chức Tỉnh ủy');
    expect(html).toMatch(/30\/11\/2026 10:00/);
    expect(html).not.toMatch(/\{&quot;|\{"|\d{4}-\d{2}-\d{2}T/);
    expect(html).not.toContain('>member.update<');
  });
});

describe('error pages', () => {
  it('answers an unknown address with a Vietnamese page, signed in or not; the JSON APIs keep their JSON', async () => {
    const signedIn = await page('/khong-co-trang-nay');
    expect(signedIn.status).toBe(404);
    expect(signedIn.type).toMatch(/^text\/html/);
    expect(signedIn.html).toContain('Không tìm thấy');
    expect(signedIn.html).toContain('data-testid="who"');
    const anonymous = await t.app.request('/units/p1/khong-co');
    expect(anonymous.status).toBe(404);
    expect(await anonymous.text()).toContain('lang="vi"');
    const api = await t.request('/api/v1/khong-co', { as: province });
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
    const webApi = await t.request('/web/api/v1/khong-co', { as: province });
    expect(webApi.headers.get('content-type')).toMatch(/json/);
  });
});

describe('late units', () => {
  it('groups them by milestone and direct parent, filters by status and name, and pages', async () => {
    const { status, html } = await page('/units/b1/late-units?year=2026', bloc);
    expect(status).toBe(200);
    expect(html).toContain('data-testid="late-units"');
    expect(html).toContain('data-milestone="cell-results" data-parent="bc1"');
    expect(html).toContain('data-milestone="cell-results" data-parent="bc2"');
    expect(html).toContain('trực thuộc <a href="/units/bc1">Đảng ủy Sở Y tế</a>');
    const filtered = await page('/units/b1/late-units?year=2026&milestone=dossier-submitted&q=ngan+sach', bloc);
    expect(filtered.html).toContain('href="/units/c3"');
    expect(filtered.html).not.toContain('href="/units/c1"');
    expect(filtered.html).not.toContain('data-milestone="cell-results"');
  });
});
