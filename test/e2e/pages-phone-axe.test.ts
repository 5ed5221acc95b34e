import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { Campaign } from '@kd/domain';
import { putArchiveGrant, putCampaign } from '@kd/data';
import { reconcileTenant } from '@kd/jobs';
import { LOCAL_PROVIDER_PATHS, PAGE_PATHS, type Identity } from '@kd/api';
import { identities, t1Members, t1Units, t2Members, t2Units } from '../support/fixture';
import { startBrowserHarness, type BrowserHarness } from '../support/e2e';
import { enableMasses, recordBody } from '../support/masses';
import { streamConsumer } from '../support/rollups';
import { seedCampaigns } from '../../packages/local/src/seed-campaigns';

/**
 * Every kind of page, for every role, on a 390 px phone: the page never scrolls sideways (wide
 * tables scroll inside their own box) and axe-core finds nothing serious or critical. Pages are
 * found by following links from each role's home (as test/integration/clock-crawl.test.ts does),
 * starting also from the fixture's records no link leads to; one page of each kind per role is
 * visited, not every unit. A page's kind is its route in PAGE_PATHS: a route no role reached
 * fails the test unless `NOT_CRAWLED` says why.
 */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PHONE = { width: 390, height: 844 };
const year = 2021;
let h: BrowserHarness;
/** Pages of the fixture's records that no link leads to (or only while they are in a state the fixture has left). */
const entries: string[] = [];
const publicEntries: string[] = ['/login', '/signed-out', '/khong-co-trang-nay'];

/** Points per criterion the province sets for the r2025 campaign (each group adds up to 30 and 70). */
const SCHEMES: Record<number, Record<string, number>> = {
  1: { 'I.1': 5, 'I.2': 5, 'I.3': 5, 'I.4': 5, 'I.5': 5, 'I.6': 5, 'II.1': 50, 'II.2': 20 },
  3: { 'I.1': 6, 'I.2': 6, 'I.3': 8, 'I.4': 5, 'I.5': 5, 'II.1': 30, 'II.2': 20, 'II.3': 20 },
  4: { 'I.1': 12, 'I.2': 10, 'I.3': 8, ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`II.${i + 1}`, 70])) },
  5: { 'I.1': 20, 'I.2': 10, 'II.1': 30, 'II.2': 20, 'II.3': 20 },
};

/** The fixture's own records, through the API, so that every kind of page has something to show. */
async function seedRecords(): Promise<void> {
  const call = async (path: string, as: Identity, body: unknown, method = 'POST') => {
    const res = await h.t.request(`/api/v1${path}`, { method, as, body: JSON.stringify(body) });
    const text = await res.text();
    expect(res.status, `${method} ${path}: ${text}`).toBeLessThan(300);
    return JSON.parse(text) as Record<string, unknown>;
  };
  const { province, bloc, cell } = identities;
  // The masses review (issue 15): a recorded session with a comment, codes for the phone form, remediation.
  await call(`/campaigns/${year}/masses`, bloc, { sessionsBy: '2021-12-22', baseReportBy: '2021-12-27', blocReportBy: '2021-12-30' });
  await call(`/campaigns/${year}/units/c1/workplace`, cell, { name: 'Bệnh viện Phổi Trà Vinh', staff: { permanent: 6, shortTerm: 4 } }, 'PUT');
  const session = await call(`/campaigns/${year}/units/c1/masses-sessions`, cell, recordBody({ startsAt: '2021-12-18T08:00', endsAt: '2021-12-18T11:30' }));
  const sessionId = String(session.id);
  const comment = await call(`/campaigns/${year}/units/c1/masses-sessions/${sessionId}/comments`, cell, { about: 'M001', heading: 1, kind: 'shortcoming', text: 'Còn chậm trả lời kiến nghị của người bệnh.', channel: 'oral' });
  await call(`/campaigns/${year}/units/c1/masses-sessions/${sessionId}/codes`, cell, {});
  await call(`/campaigns/${year}/units/c1/remediation-items`, cell, { commentIds: [comment.id], text: 'Trả lời kiến nghị trong 5 ngày làm việc', owner: 'Lê Hồng Vũ', deadline: '2021-12-31', responsibility: 'individual' });
  publicEntries.push(`/y-kien?s=t1.${encodeURIComponent(sessionId)}`);
  // A tree job (a new, empty cell merged into c3): its progress page.
  await call('/units/bc2/children', province, { id: 'c4', name: 'Chi bộ Phòng Giá công sản', kind: 'cell', foundedOn: '2021-01-01', sector: 'agency' });
  const job = await call('/units/c3/merge', province, { sourceIds: ['c4'], on: '2021-12-20' });
  await h.t.treeJobsIdle();
  entries.push(`/units/c3/tree-jobs/${String(job.id)}`);
  // A former province merged into t1 (t2 → t1): its archived campaign.
  await seedCampaigns(h.store, { tenantId: 't2', units: t2Units, members: t2Members }, '2021-12-01T00:00:00.000Z', { closedAt: { 2020: '2021-03-15T03:00:00.000Z', 2021: '2022-03-15T03:00:00.000Z' } });
  await reconcileTenant(h.store, 't2');
  await putArchiveGrant(h.store, { tenant: 't2', grantee: 't1', predecessorRoot: 'p2', successorRoot: 'p1', mergeId: 'm', grantedAt: '2021-12-01T00:00:00Z', grantedBy: 'operator' });
  entries.push(`/archives/t2/${year}/units/p2`);
  // A reconciliation run with the central database: one member differs, one is only there.
  await call('/units/p1/reconciliation/cell-mapping', province, { value: [{ centralName: 'CB Bệnh viện Phổi', unitId: 'c1' }], version: 0 }, 'PUT');
  const csv = ['STT,Số thẻ đảng viên,Họ và tên,Ngày sinh,Số định danh cá nhân,Loại đảng viên,Ngày vào Đảng,Chi bộ', '1,M001,Lê Hồng Vũ,01/01/1970,,Chính thức,19/05/2014,CB Bệnh viện Phổi', '2,X001,Người Ngoài,01/01/1980,,Chính thức,01/01/2005,CB Bệnh viện Phổi'].join('\n');
  const run = await h.t.request('/api/v1/units/p1/reconciliation/runs', { method: 'POST', as: province, body: csv, headers: { 'content-type': 'text/csv' } });
  expect(run.status).toBe(201);
  // The report page of a progress report, and the 100-point regime's sheets: a campaign under r2025
  // in an earlier year, so that the links still lead to 2021's pages, the ones with results.
  await call(`/units/p1/reports?year=${year}`, province, {});
  await putCampaign(h.store, 't1', Campaign.parse({ year: 2019, rulebookId: 'r2025', ratingDate: '2019-12-31' }));
  for (const [appendix, points] of Object.entries(SCHEMES)) await call(`/campaigns/2019/units/p1/scoring-schemes/${appendix}`, province, { source: 'Hướng dẫn 05-HD/TU', points, rev: 0 }, 'PUT');
  // The dashboards (Biểu 5 too) and the archive read roll-ups, which the stream keeps: its records are applied once, at the end.
  await streamConsumer(h.store).drain();
  entries.push('/campaigns/2019/units/p1/scoring/4', '/campaigns/2019/units/c1/score-sheet', '/campaigns/2019/units/c1/members/M001/score-sheet');
}

beforeAll(async () => {
  h = await startBrowserHarness('e2e-phone-axe', {
    stream: true,
    now: '2021-12-20T10:00:00.000Z',
    seed: async (store) => {
      await seedCampaigns(store, { tenantId: 't1', units: t1Units, members: t1Members }, '2021-12-01T00:00:00.000Z');
      await enableMasses(store, 't1');
    },
  });
  await seedRecords();
}, 120_000);

afterAll(async () => {
  await h?.close();
});

/** Page routes the crawl does not open as pages, each with why. */
const NOT_CRAWLED: Record<string, string> = {
  'GET /auth/callback': 'the sign-in provider’s return: a redirect, never a page',
  'GET /assets/upload.js': 'a script',
  'GET /assets/table-scroll.js': 'a script',
  'GET /assets/app.css': 'the stylesheet every page loads',
  'GET /campaigns/:year/units/:unitId/meetings/minutes.docx': 'a Word file',
  'GET /campaigns/:year/units/:unitId/meetings/group-minutes.docx': 'a Word file',
  'GET /campaigns/:year/units/:unitId/collective-review.docx': 'a Word file',
  'GET /units/:unitId/reports/:reportId/xlsx': 'a spreadsheet',
};
// POST routes are not crawled: most answer a redirect to a page crawled here, or that page again
// with a notice. The few with a view of their own (the printable codes, the rulebook's preview,
// the phone form's later steps, a past-year import's answer) are not reached by this crawl.

const GET_ROUTES = PAGE_PATHS.filter(([m]) => m === 'GET').map(([, p]) => p);
/** Routes as patterns, the most specific first (fewer parameters), so a path finds its own route. */
const patterns = [...GET_ROUTES, ...LOCAL_PROVIDER_PATHS.filter(([m]) => m === 'GET').map(([, p]) => p)].map((p) => ({ p, re: new RegExp(`^${p.replace(/\./g, '\\.').replace(/:\w+/g, '[^/]+')}$`), params: (p.match(/:/g) ?? []).length })).sort((a, b) => a.params - b.params);
/** A page's kind: the route that serves it, or the error page. */
const kindOf = (url: string): string => {
  const path = url.split(/[?#]/)[0]!;
  return patterns.find((x) => x.re.test(path))?.p ?? 'error page';
};

const SKIP = /^\/(logout|auth|assets|local-oidc|web\/api|api|openapi|docs)\b|\.(xlsx|docx|csv|pdf|json)$|\/(template|download|xlsx)\b/;

interface Finding {
  path: string;
  scrollWidth?: number;
  /** What sticks out past the window's right edge (outside any box of its own that scrolls). */
  wide?: string[];
  axe?: string[];
}

/** The page's width against the window's; axe-core's serious and critical findings when `axe`. */
async function check(page: Page, axe: boolean): Promise<Finding> {
  const path = new URL(page.url()).pathname + new URL(page.url()).search;
  const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  const wide =
    width.scroll > width.inner
      ? await page.evaluate(() =>
          [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.parentElement?.closest('table, figure'))
            .slice(0, 4)
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(el.getBoundingClientRect().right)}`),
        )
      : [];
  // A disabled button (the upload's commit before a check) must not look like one that works.
  const disabled = await page.evaluate(() => {
    const off = document.querySelector('main button:disabled');
    const on = document.querySelector('main button:not(:disabled):not(.link)');
    if (!off || !on) return null;
    const a = getComputedStyle(off);
    const b = getComputedStyle(on);
    return { same: a.backgroundColor === b.backgroundColor && a.color === b.color, cursor: a.cursor };
  });
  if (disabled) disabledSeen.push(disabled);
  let violations: string[] = [];
  if (axe) {
    await page.addScriptTag({ path: AXE });
    violations = await page.evaluate(async () => {
      const run = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const result = await run.run(document, { resultTypes: ['violations'] });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    });
  }
  return { path, ...(width.scroll > width.inner ? { scrollWidth: width.scroll, wide } : {}), ...(violations.length > 0 ? { axe: violations } : {}) };
}

const disabledSeen: { same: boolean; cursor: string }[] = [];
const headerHeights: number[] = [];
/** Every kind some role saw answered 200, and by whom. */
const reached = new Map<string, string[]>();
// axe runs once per kind of page (the first role to reach it); the width is measured on every visit.
const axed = new Set<string>();

/**
 * One page of every kind `start` leads to: each measured, axe-checked once per kind. A link that
 * answers an error is a finding of its own (a page offered what the role may not open).
 */
async function crawl(context: BrowserContext, role: string, start: { links: string[]; entries: string[] }) {
  const page = await context.newPage();
  const findings: (Finding | { path: string; status: number; from: string })[] = [];
  const kinds = new Set<string>();
  const queue = [...start.links.map((path) => ({ path, from: 'start' })), ...start.entries.map((path) => ({ path, from: 'entry' }))];
  while (queue.length > 0) {
    const { path: href, from } = queue.shift()!;
    const path = href.split('#')[0]!;
    const kind = kindOf(path);
    if (SKIP.test(path) || kinds.has(kind)) continue;
    const res = await page.goto(h.url + path);
    const status = res?.status() ?? 0;
    if (!(res?.headers()['content-type'] ?? '').startsWith('text/html')) continue;
    // A refused entry (another role's record) shows the error page; so does a link to a page whose
    // record is not there yet (422: the page says what to do first). Any other refused link is a finding.
    if (status >= 400 && status !== 422 && from !== 'entry' && kind !== 'error page') findings.push({ path, status, from });
    const landed = status >= 400 ? 'error page' : kindOf(new URL(page.url()).pathname);
    if (status < 400) {
      kinds.add(kind);
      reached.set(kind, [...new Set([...(reached.get(kind) ?? []), role])]);
    }
    // A redirect (home → the unit, a year's default) lands on a kind already seen, or a new one.
    if (kinds.has(landed) && landed !== kind) continue;
    kinds.add(landed);
    if (status < 400) reached.set(landed, [...new Set([...(reached.get(landed) ?? []), role])]);
    // Two lines at most: the brand, then who is signed in and the way out.
    headerHeights.push(await page.evaluate(() => document.querySelector('header.top')?.getBoundingClientRect().height ?? 0));
    const finding = await check(page, !axed.has(landed));
    axed.add(landed);
    if (finding.scrollWidth !== undefined || finding.axe !== undefined) findings.push(finding);
    const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => a.getAttribute('href')!));
    for (const next of hrefs) if (next.startsWith('/') && !next.startsWith('//')) queue.push({ path: next, from: path });
  }
  await page.close();
  return { findings, kinds };
}

const roles = { province: identities.province, bloc: identities.bloc, baseCommittee: identities.baseCommittee, cell: identities.cell, viewer: identities.viewer, member: identities.member };

/** Signs in through the login page, then crawls from the role's home, its unit, a search and an unknown address. */
async function crawlAs(role: string, as: Identity) {
  // axe-core is injected as an inline script: this context alone lets it past the app's CSP.
  const context = await h.browser.newContext({ viewport: PHONE, bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(h.url + '/login');
    await page.click(`[data-testid="login-${as.sub}"]`);
    await page.waitForSelector('[data-testid="home"], [data-testid="unit-name"]');
    await page.close();
    // Pages no link leads to: a search (a form's answer) and an unknown address (the error page).
    // A member sees no unit page: for them those are addresses to be refused, not links.
    const unitPages = [`/units/${as.unit}`, `/units/${as.unit}/search?q=van`];
    return await crawl(context, role, as.role === 'member' ? { links: ['/', '/khong-co-trang-nay'], entries: [...unitPages, ...entries] } : { links: ['/', ...unitPages, '/khong-co-trang-nay'], entries });
  } finally {
    await context.close();
  }
}

// The roles crawl one after the other: on two cores, crawling them at once made every page slower by as much.
describe('every kind of page on a 390 px phone, every role (Chromium, axe-core)', () => {
  it('signed out: the sign-in page, the signed-out page, the masses’ phone form, the error page', async () => {
    const context = await h.browser.newContext({ viewport: PHONE, bypassCSP: true });
    const { findings, kinds } = await crawl(context, 'public', { links: publicEntries, entries: [] }).finally(() => context.close());
    expect(findings, [...kinds].join(' ')).toEqual([]);
    expect(kinds).toContain('/y-kien');
  });

  for (const [role, as] of Object.entries(roles)) {
    it(`${role}: no page scrolls sideways; axe-core finds nothing serious or critical`, async () => {
      const { findings, kinds } = await crawlAs(role, as);
      // A member reaches their own record and self-review only.
      expect(kinds.size, role).toBeGreaterThan(role === 'member' ? 3 : 10);
      expect(findings, [...kinds].join(' ')).toEqual([]);
    });
  }

  it('reaches every kind of page in PAGE_PATHS (or says why not)', () => {
    for (const key of Object.keys(NOT_CRAWLED)) expect(PAGE_PATHS.map(([m, p]) => `${m} ${p}`), key).toContain(key);
    const missing = GET_ROUTES.filter((p) => !reached.has(p) && !NOT_CRAWLED[`GET ${p}`]);
    expect(missing, `reached: ${[...reached.keys()].join(' ')}`).toEqual([]);
  });

  it('keeps the header to two lines, and a disabled button looks disabled (the upload’s commit before a check)', () => {
    expect(headerHeights.length).toBeGreaterThan(20);
    expect(Math.max(...headerHeights)).toBeLessThanOrEqual(80);
    expect(disabledSeen.length).toBeGreaterThan(0);
    expect(disabledSeen.every((d) => !d.same && d.cursor === 'not-allowed')).toBe(true);
  });
});
