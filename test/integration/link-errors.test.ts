import { beforeAll, describe, expect, it } from 'vitest';
import { Campaign } from '@kd/domain';
import { putCampaign } from '@kd/data';
import type { Identity } from '@kd/api';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';
import { identities, seedFixture } from '../support/fixture';

/**
 * Issue 16: no page answers raw JSON for a missing record. Every file link on the pages below
 * (a .docx or .xlsx of the pages' JSON API) is followed as the browser follows it: it gives the
 * file, or a Vietnamese page of the same status that says what to do and leads back. A page
 * script's own call to the same address still gets the JSON.
 */
let t: TestApp;
const { cell, member } = identities;

beforeAll(async () => {
  const store = await createTestStore('link-errors');
  await seedFixture(store);
  // The 100-point regime, before the province has set any points per criterion, and no roll-up yet.
  await putCampaign(store, 't1', Campaign.parse({ year: 2026, rulebookId: 'r2025', ratingDate: '2026-12-31' }));
  t = await createTestApp(store, '2026-12-15T03:00:00.000Z');
}, 60_000);

const session = async (as: Identity) => `__Host-kd_session=${await t.token(as)}`;

/** The browser following a link from `from`: a navigation with the session cookie. */
async function follow(href: string, as: Identity, from: string) {
  const res = await t.app.request(href, {
    headers: { cookie: await session(as), accept: 'text/html,application/xhtml+xml,*/*;q=0.8', 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', referer: `http://localhost${from}` },
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: res.headers.get('content-type')?.includes('html') ? await res.text() : '' };
}

async function linksOn(path: string, as: Identity): Promise<string[]> {
  const res = await t.app.request(path, { headers: { cookie: await session(as) } });
  expect(res.status, path).toBe(200);
  return [...(await res.text()).matchAll(/href="(\/web\/api\/v1\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

describe('file links on the pages', () => {
  it('give the file or a Vietnamese page saying what to do, never raw JSON', async () => {
    const pages: [string, Identity][] = [
      ['/campaigns/2026/units/c1', cell],
      ['/campaigns/2026/units/c1/review', cell],
      ['/campaigns/2026/units/c1/rewards', cell],
      ['/campaigns/2026/units/c1/members/M002/record', member],
    ];
    const seen: Record<string, number> = {};
    for (const [page, as] of pages) {
      const links = await linksOn(page, as);
      expect(links.length, page).toBeGreaterThan(0);
      // One link of each kind (every member's self-review is the same link with another id).
      const kinds = new Map(links.map((href) => [href.replace(/\/members\/[^/]+/, '/members/:id'), href] as const));
      for (const href of kinds.values()) {
        const res = await follow(href, as, page);
        seen[href] = res.status;
        if (res.status === 200) {
          expect(res.type, href).not.toMatch(/json|html/);
          continue;
        }
        expect(res.type, href).toMatch(/^text\/html/);
        expect(res.text, href).toContain('lang="vi"');
        expect(res.text, href).toContain('data-testid="error-next"');
        expect(res.text, href).toContain(`href="${page}" data-testid="error-back"`);
        expect(res.text, href).not.toContain('{"error"');
      }
    }
    // The links that cannot give their file yet say why and what to do.
    const sheet = '/web/api/v1/campaigns/2026/units/c1/members/M002/score-sheet.docx';
    expect(seen[sheet]).toBe(422);
    expect((await follow(sheet, member, '/')).text).toContain('đề nghị cấp trên đặt thang điểm');
    // The dashboard's Biểu links, before any roll-up (the dashboard page itself is then a 404 page).
    const bieu = await follow('/web/api/v1/campaigns/2026/units/c1/bieu-1.xlsx', cell, '/campaigns/2026/units/c1');
    expect(bieu.status).toBe(404);
    expect(bieu.text).toContain('thử lại sau ít phút');
    expect(seen['/web/api/v1/campaigns/2026/units/c1/members/M002/self-review.docx']).toBe(200);
  });

  it('answers another member’s file, or a year not opened, with a page too; a page script still gets JSON', async () => {
    const other = await follow('/web/api/v1/campaigns/2026/units/c1/members/M003/self-review.docx', member, '/campaigns/2026/units/c1/members/M002/record');
    expect(other.status).toBe(403);
    expect(other.text).toContain('Về hồ sơ của tôi');
    const unopened = await follow('/web/api/v1/campaigns/2031/units/c1/results-template', cell, '/campaigns/2026/units/c1');
    expect(unopened.status).toBe(404);
    expect(unopened.text).toContain('href="/units/c1/campaigns"');
    const script = await t.app.request('/web/api/v1/campaigns/2026/units/c1/members/M002/score-sheet.docx', { headers: { cookie: await session(cell), 'sec-fetch-dest': 'empty', accept: '*/*' } });
    expect([script.status, (await script.json()).error.code]).toEqual([422, 'SCORING_SCHEME_MISSING']);
  });
});
