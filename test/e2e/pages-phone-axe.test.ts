import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { identities, t1Members, t1Units } from '../support/fixture';
import { startBrowserHarness, type BrowserHarness } from '../support/e2e';
import { seedCampaigns } from '../../packages/local/src/seed-campaigns';

/**
 * Every kind of page, for every role, on a 390 px phone: the page never scrolls sideways (wide
 * tables scroll inside their own box) and axe-core finds nothing serious or critical. Pages are
 * found by following links from each role's home (as test/integration/clock-crawl.test.ts does);
 * one page of each kind per role is visited, not every unit.
 */
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const PHONE = { width: 390, height: 844 };
let h: BrowserHarness;

beforeAll(async () => {
  h = await startBrowserHarness('e2e-phone-axe', {
    now: '2021-12-20T10:00:00.000Z',
    seed: (store) => seedCampaigns(store, { tenantId: 't1', units: t1Units, members: t1Members }, '2021-12-01T00:00:00.000Z'),
  });
}, 120_000);

afterAll(async () => {
  await h?.close();
});

/** A page's kind: its path with ids and years replaced, so that one unit stands for all. */
const kindOf = (path: string): string =>
  path
    .split('?')[0]!
    .replace(/\/(units|members|sessions|reports|tree-jobs|runs|uploads|archives|workplaces|items)\/[^/]+/g, '/$1/:id')
    .replace(/\/\d{4}\b/g, '/:year')
    .replace(/\/scoring\/\d+$/, '/scoring/:appendix');

const SKIP = /^\/(login|logout|auth|assets|local-oidc|web\/api|api|openapi|docs)\b|\.(xlsx|docx|csv|pdf|json)$|\/(template|download)\b/;

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

const roles = { province: identities.province, bloc: identities.bloc, baseCommittee: identities.baseCommittee, cell: identities.cell, viewer: identities.viewer };

// axe runs once per kind of page (the first role to reach it); the width is measured on every visit.
const axed = new Set<string>();

describe('every kind of page on a 390 px phone, every role (Chromium, axe-core)', () => {
  for (const [role, as] of Object.entries(roles)) {
    it(`${role}: no page scrolls sideways; axe-core finds nothing serious or critical`, async () => {
      // axe-core is injected as an inline script: this context alone lets it past the app's CSP.
      const context = await h.browser.newContext({ viewport: PHONE, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(h.url + '/login');
      await page.click(`[data-testid="login-${as.sub}"]`);
      await page.waitForSelector('[data-testid="home"], [data-testid="unit-name"]');
      const findings: Finding[] = [];
      const kinds = new Set<string>();
      // Pages no link leads to: a search (a form's answer) and an unknown address (the error page).
      const queue = [new URL(page.url()).pathname, `/units/${as.unit}`, `/units/${as.unit}/search?q=van`, '/khong-co-trang-nay'];
      while (queue.length > 0 && kinds.size < 25) {
        const path = queue.shift()!.split('#')[0]!;
        const kind = kindOf(path);
        if (SKIP.test(path) || kinds.has(kind)) continue;
        kinds.add(kind);
        const res = await page.goto(h.url + path);
        if (!(res?.headers()['content-type'] ?? '').startsWith('text/html')) continue;
        // A redirect (home → the unit, a year's default) lands on a kind already seen, or a new one.
        const landed = kindOf(new URL(page.url()).pathname);
        if (landed !== kind && kinds.has(landed)) continue;
        kinds.add(landed);
        // Two lines at most: the brand, then who is signed in and the way out.
        headerHeights.push(await page.evaluate(() => document.querySelector('header.top')?.getBoundingClientRect().height ?? 0));
        const finding = await check(page, !axed.has(landed));
        axed.add(landed);
        if (finding.scrollWidth !== undefined || finding.axe !== undefined) findings.push(finding);
        const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => a.getAttribute('href')!));
        for (const href of hrefs) if (href.startsWith('/') && !href.startsWith('//')) queue.push(href);
      }
      await context.close();
      expect(kinds.size, role).toBeGreaterThan(5);
      expect(findings, [...kinds].join(' ')).toEqual([]);
    });
  }

  it('keeps the header to two lines, and a disabled button looks disabled (the upload’s commit before a check)', () => {
    expect(headerHeights.length).toBeGreaterThan(20);
    expect(Math.max(...headerHeights)).toBeLessThanOrEqual(80);
    expect(disabledSeen.length).toBeGreaterThan(0);
    expect(disabledSeen.every((d) => !d.same && d.cursor === 'not-allowed')).toBe(true);
  });
});
