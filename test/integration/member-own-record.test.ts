import { beforeAll, describe, expect, it } from 'vitest';
import { Campaign } from '@kd/domain';
import { putCampaign } from '@kd/data';
import type { Identity } from '@kd/api';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';
import { identities, seedFixture } from '../support/fixture';
import { putTestCampaign } from '../support/rollups';
import { enableMasses, recordBody } from '../support/masses';
import { collapse, docxParagraphs } from '../support/office';

/**
 * Issue 16's member role on both regimes: a party member signed in for themselves writes their
 * own self-review and (r2025) their own phiếu tự chấm điểm, downloads both, reads their own
 * evaluation and what the masses said about them — and gets a Vietnamese 403 page (or JSON 403 on
 * the API) for anyone else's.
 */
let t: TestApp;
const { member, cell, province, bloc } = identities;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const form = 'application/x-www-form-urlencoded';

async function call(path: string, as: Identity, method = 'GET', body?: unknown) {
  const res = await t.request(path, { as, method, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }), ...(typeof body === 'string' ? { headers: { 'content-type': form } } : {}), redirect: 'manual' });
  const type = res.headers.get('content-type') ?? '';
  return { status: res.status, type, location: res.headers.get('location') ?? '', body: type.includes('json') ? await res.json() : type.includes('html') ? await res.text() : Buffer.from(await res.arrayBuffer()) };
}

/** The text of a .docx's paragraphs, read with a real zip reader. */
const docxText = async (bytes: Buffer) => collapse((await docxParagraphs(bytes)).join('\n'));

beforeAll(async () => {
  const store = await createTestStore('member-own-record');
  await seedFixture(store);
  await enableMasses(store, 't1');
  await putTestCampaign(store, 't1', 2020);
  await putCampaign(store, 't1', Campaign.parse({ year: 2026, rulebookId: 'r2025', ratingDate: '2026-12-31' }));
  t = await createTestApp(store, '2020-11-10T05:00:00.000Z');
  // What the masses said in 2020 about M002 (the member) and about M003 (another member of the cell).
  expect((await call('/api/v1/campaigns/2020/masses', bloc, 'POST', { sessionsBy: '2020-11-15', baseReportBy: '2020-11-20', blocReportBy: '2020-11-30' })).status).toBe(201);
  const base = '/api/v1/campaigns/2020/units/c1';
  expect((await call(`${base}/workplace`, cell, 'PUT', { name: 'Bệnh viện Phổi Trà Vinh', staff: { permanent: 6, longTerm: 0, shortTerm: 0, productionLine: 0 } })).status).toBe(200);
  const session = await call(`${base}/masses-sessions`, cell, 'POST', recordBody());
  expect(session.status).toBe(201);
  for (const [about, text] of [['M002', 'Đồng chí An cần giữ bình tĩnh khi tiếp người bệnh.'], ['M003', 'Đồng chí Ánh còn chậm trả hồ sơ.']]) {
    expect((await call(`${base}/masses-sessions/${session.body.id}/comments`, cell, 'POST', { about, channel: 'oral', heading: 2, kind: 'shortcoming', text })).status).toBe(201);
  }
}, 60_000);

describe('a member signed in for themselves, on a 2019-regime campaign (2020)', () => {
  it('writes and downloads their own self-review, reads their evaluation and the masses’ comments about them; no scoring form that year', async () => {
    const own = '/campaigns/2020/units/c1/members/M002';
    const saved = await call(`${own}/self-review`, member, 'POST', `rev=0&s%3ApoliticalThought=${encodeURIComponent('Luôn giữ vững lập trường.')}`);
    expect([saved.status, saved.location]).toEqual([303, expect.stringContaining('ok=')]);
    const record = await call(`${own}/record`, member);
    expect(record.status).toBe(200);
    expect(record.body).toContain('data-testid="own-evaluation"');
    expect(record.body).toContain('Đồng chí An cần giữ bình tĩnh khi tiếp người bệnh.');
    expect(record.body).not.toContain('Đồng chí Ánh còn chậm trả hồ sơ.');
    expect(record.body).toContain(`href="/web/api/v1${own}/self-review.docx"`);
    expect(record.body).not.toContain('data-testid="link-score-sheet"');
    // The self-review page itself, once saved, links its Word file too.
    expect((await call(`${own}/self-review`, member)).body).toContain(`href="/web/api/v1${own}/self-review.docx" data-testid="link-self-review-docx-page"`);
    const docx = await call(`/api/v1${own}/self-review.docx`, member);
    expect([docx.status, docx.type]).toEqual([200, DOCX]);
    const text = await docxText(docx.body as Buffer);
    expect(text).toContain('Luôn giữ vững lập trường.');
    expect(text).toContain('Đồng chí An cần giữ bình tĩnh khi tiếp người bệnh.');
    // The scoring form is the 100-point regime's: the member's own is refused as not scored, not as out of reach.
    expect((await call(`/api/v1${own}/score-sheet`, member)).body.error.code).toBe('NOT_SCORED');
    const page = await call(`${own}/score-sheet`, member);
    expect(page.status).toBe(422);
    expect(page.body).toContain('data-testid="error-next"');
  });

  it('refuses another member’s self-review, Word file and record: a Vietnamese page, and 403 NOT_YOUR_RECORD on the API', async () => {
    for (const path of ['/campaigns/2020/units/c1/members/M003/self-review', '/campaigns/2020/units/c1/members/M003/record']) {
      const res = await call(path, member);
      expect([res.status, res.type], path).toEqual([403, expect.stringContaining('text/html')]);
      expect(res.body).toContain('lang="vi"');
      expect(res.body).toContain('chính mình');
      expect(res.body).not.toContain('Trần Thị Ánh');
    }
    const api = await call('/api/v1/campaigns/2020/units/c1/members/M003/self-review.docx', member);
    expect([api.status, api.body.error.code]).toEqual([403, 'NOT_YOUR_RECORD']);
    // The cell still reads and downloads any of its members'.
    expect((await call('/api/v1/campaigns/2020/units/c1/members/M003/self-review.docx', cell)).status).toBe(200);
  });
});

describe('a member signed in for themselves, on a 2026 campaign (r2025, scores on 100)', () => {
  const own = '/campaigns/2026/units/c1/members/M002';
  const scores = { 'I.1': 11, 'I.2': 9.5, 'I.3': 7, 'II.2': 62 };

  it('fills their own phiếu tự chấm điểm (Mẫu 2B) on the page and the API, downloads it, and sees the score on their record', async () => {
    t.setNow('2026-12-15T03:00:00.000Z');
    const points = { 'I.1': 12, 'I.2': 10, 'I.3': 8, ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`II.${i + 1}`, 70])) };
    expect((await call('/api/v1/campaigns/2026/units/p1/scoring-schemes/4', province, 'PUT', { source: 'Hướng dẫn 05-HD/TU', points, rev: 0 })).status).toBe(200);

    const view = await call(`/api/v1${own}/score-sheet`, member);
    expect([view.status, view.body.form, view.body.rev]).toEqual([200, '2B', 0]);
    const sheetPage = await call(`${own}/score-sheet`, member);
    expect(sheetPage.status).toBe(200);
    expect(sheetPage.body).toContain('data-testid="save-sheet"');
    expect(sheetPage.body).toContain(`href="${own}/record"`);
    // Saved from the page's form, then corrected through the API on the revision it read.
    const fields = Object.entries(scores).map(([k, v]) => `sc%3A${encodeURIComponent(k)}=${v === 62 ? 60 : v}`).join('&');
    const posted = await call(`${own}/score-sheet`, member, 'POST', `rev=0&form=2B&variant=${encodeURIComponent(view.body.variant ?? '')}&proposed=good&${fields}`);
    expect([posted.status, posted.location]).toEqual([303, expect.stringContaining('ok=')]);
    const put = await call(`/api/v1${own}/score-sheet`, member, 'PUT', { variant: view.body.variant, scores, proposed: 'good', rev: 1 });
    expect([put.status, put.body.total]).toEqual([200, 89.5]);

    const docx = await call(`/api/v1${own}/score-sheet.docx`, member);
    expect([docx.status, docx.type]).toEqual([200, DOCX]);
    const text = await docxText(docx.body as Buffer);
    expect(text).toContain('Mẫu 02B-HD KĐ.ĐG 2025');
    expect(text).toContain('Nguyễn Văn An');
    expect(text).toContain('89,5/100');
    expect((await call(`/api/v1${own}/self-review.docx`, member)).status).toBe(200);

    const record = await call(`${own}/record`, member);
    expect(record.status).toBe(200);
    expect(record.body).toContain(`href="${own}/score-sheet"`);
    expect(record.body).toContain(`href="/web/api/v1${own}/score-sheet.docx"`);
    expect(record.body).toMatch(/data-testid="own-score">89,5</);
  });

  it('refuses another member’s scoring form on the page, the API and in Word, and writes nothing', async () => {
    const other = '/campaigns/2026/units/c1/members/M003';
    for (const [path, method, body] of [[`${other}/score-sheet`, 'GET'], [`${other}/score-sheet`, 'POST', 'rev=0&form=2B&variant=&sc%3AI.1=5']] as const) {
      const res = await call(path, member, method, body);
      expect([res.status, res.type], `${method} ${path}`).toEqual([403, expect.stringContaining('text/html')]);
      expect(res.body).toContain('chấm phiếu tự chấm điểm của chính mình');
    }
    for (const [path, method] of [[`/api/v1${other}/score-sheet`, 'GET'], [`/api/v1${other}/score-sheet`, 'PUT'], [`/api/v1${other}/score-sheet.docx`, 'GET'], ['/api/v1/campaigns/2026/units/c1/score-sheet', 'GET']] as const) {
      const res = await call(path, member, method, method === 'PUT' ? { variant: null, scores: { 'I.1': 5 }, rev: 0 } : undefined);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    expect((await call(`/api/v1${other}/score-sheet`, cell)).body.rev).toBe(0);
  });
});
