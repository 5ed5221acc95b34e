import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Identity } from '@kd/api';
import type { Store } from '@kd/data';
import { createTestStore } from '../support/store';
import { CELL_MILESTONES_2026 } from '../support/rollups';
import { createTestApp, type TestApp } from '../support/app';
import { identities, seedFixture, t1Members, t1Units } from '../support/fixture';
import { collapse, docxToText } from '../support/office';
import { seedCampaigns } from '../../packages/local/src/seed-campaigns';

/**
 * Nothing derived from the clock: on any day of 2026 or 2027 — and on the machine's own clock —
 * every page and link names a campaign that was opened, the closed 2021 review still reads with
 * its own dates, and the open 2026 campaign's late units and "Lập báo cáo ngay" work.
 */
let store: Store;
let dir: string;
const OPENED = new Set([2020, 2021, 2026]);
const { province, bloc, baseCommittee, cell } = identities;

beforeAll(async () => {
  store = await createTestStore('clock-crawl');
  await seedFixture(store);
  await seedCampaigns(store, { tenantId: 't1', units: t1Units, members: t1Members }, '2021-12-01T00:00:00.000Z', {
    closedAt: { 2020: '2021-03-15T03:00:00.000Z', 2021: '2022-03-15T03:00:00.000Z' },
  });
  const t = await createTestApp(store, '2026-11-01T03:00:00.000Z');
  const opened = await t.request('/api/v1/campaigns', {
    method: 'POST',
    as: province,
    body: JSON.stringify({
      year: 2026,
      milestones: [
        ...CELL_MILESTONES_2026,
        { id: 'base-appraisal', title: 'Đảng ủy cơ sở thẩm định', event: 'appraisalDone', actorKinds: ['baseCommittee'], wording: 'window', fromDate: '2026-12-01', date: '2027-01-15' },
      ],
    }),
  });
  expect(opened.status).toBe(201);
  dir = await mkdtemp(join(tmpdir(), 'kd-clock-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const yearsIn = (html: string): number[] =>
  [...html.matchAll(/(?:\/campaigns\/(\d{4})\b|[?&](?:amp;)?year=(\d{4})\b|<option[^>]*value="(\d{4})")/g)].map((m) => Number(m[1] ?? m[2] ?? m[3]));

const hrefsIn = (html: string): string[] =>
  [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&')).filter((h) => h.startsWith('/') && !h.startsWith('//'));

/**
 * A page's kind: its path with every id segment (one holding a digit that is not a year) as `:id`,
 * and its query's names without their values. Years stay: a closed year's page is another kind.
 */
const kindOf = (href: string): string => {
  const [path = '', query = ''] = href.split('?');
  const segments = path.split('/').map((s) => (/\d/.test(s) && !/^\d{4}$/.test(s) ? ':id' : s));
  const names = [...new URLSearchParams(query).keys()].sort().join('&');
  return segments.join('/') + (names ? `?${names}` : '');
};

/** Every kind of page an identity can reach by following links from its home, one page of each fetched. */
async function crawl(t: TestApp, as: Identity, limit = 40): Promise<{ pages: Map<string, number>; years: Set<number> }> {
  const pages = new Map<string, number>();
  const kinds = new Set<string>();
  const years = new Set<number>();
  const queue = ['/', `/units/${as.unit}`];
  while (queue.length > 0 && pages.size < limit) {
    const path = queue.shift()!;
    if (pages.has(path) || kinds.has(kindOf(path)) || /^\/(login|logout|auth|assets)\b/.test(path)) continue;
    kinds.add(kindOf(path));
    const res = await t.request(path, { as });
    pages.set(path, res.status);
    if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) continue;
    const html = await res.text();
    for (const y of yearsIn(html)) years.add(y);
    for (const href of hrefsIn(html)) if (!kinds.has(kindOf(href))) queue.push(href);
  }
  return { pages, years };
}

// Early 2026 (the old code took the previous year until June), the end of 2026, and the end of 2027.
const clocks = ['2026-01-05T01:00:00.000Z', '2026-11-30T03:00:00.000Z', '2027-12-31T10:00:00.000Z'];

describe('pages on any clock', () => {
  for (const clock of [...clocks, 'the machine’s clock']) {
    it(`on ${clock}: every page answers and names only opened campaigns`, async () => {
      const t = await createTestApp(store, clock.startsWith('the') ? new Date().toISOString() : clock);
      for (const as of [province, bloc, baseCommittee, cell]) {
        const { pages, years } = await crawl(t, as);
        expect(pages.size, as.unit).toBeGreaterThan(8);
        const broken = [...pages].filter(([, status]) => status >= 500);
        expect(broken, as.unit).toEqual([]);
        expect([...years].filter((y) => !OPENED.has(y)), `${as.unit} on ${clock}`).toEqual([]);
        // The current campaign is the latest open one, whatever the day: the pages lead to it.
        expect(years.has(2026), as.unit).toBe(true);
      }
    });
  }
});

describe('the closed 2021 review and the open 2026 one, read in 2027', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(store, '2027-03-02T03:00:00.000Z');
  });

  it('serves the 2021 review page and its self-review form dated in 2021', async () => {
    const page = await t.request('/campaigns/2021/units/c1/review', { as: cell });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-testid="campaign-closed"');
    // Closed: its results are a file to read, not an upload.
    expect(html).toContain('href="/web/api/v1/campaigns/2021/units/c1/results-template"');
    expect(html).not.toContain('/campaigns/2021/units/c1/results-upload');
    const file2021 = await t.request('/api/v1/campaigns/2021/units/c1/results-template', { as: cell });
    expect(file2021.status).toBe(200);
    const form = await t.request('/api/v1/campaigns/2021/units/c1/members/M001/self-review.docx', { as: cell });
    expect(form.status).toBe(200);
    const file = join(dir, 'self-review-2021.docx');
    await writeFile(file, Buffer.from(await form.arrayBuffer()));
    const text = collapse(await docxToText(file));
    expect(text).toContain('ngày 20 tháng 12 năm 2021');
    expect(text).not.toMatch(/năm 2026|năm 2027/);
  });

  it('lists the 2026 late units and makes a report now for 2026', async () => {
    const late = await t.request('/units/b1/late-units?year=2026', { as: bloc });
    expect(late.status).toBe(200);
    const html = await late.text();
    expect(html).toContain('data-testid="late-units"');
    expect(html).toContain('/units/c1');
    const made = await t.request('/units/b1/reports', { method: 'POST', as: bloc, body: new URLSearchParams({ year: '2026' }) });
    expect(made.status).toBe(303);
    const report = await t.request(made.headers.get('location')!, { as: bloc });
    expect(report.status).toBe(200);
    expect(await report.text()).toContain('2026');
  });
});
