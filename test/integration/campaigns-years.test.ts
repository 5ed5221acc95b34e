import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@kd/data';
import type { Identity } from '@kd/api';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';
import { identities, seedFixture } from '../support/fixture';
import { csvOf, postFile, resultsPath } from './uploads-support';

let store: Store;
let t: TestApp;
const { province, bloc, baseCommittee, cell, otherTenant } = identities;
const json = (body: unknown) => JSON.stringify(body);

beforeAll(async () => {
  store = await createTestStore('campaign-years');
  await seedFixture(store);
  t = await createTestApp(store, '2027-10-01T03:00:00.000Z');
});

const plan = (number: string, date: string, milestones: { milestoneId: string; wording: string; date: string; fromDate?: string | null }[]) => ({
  issuer: 'Ban Thường vụ',
  number,
  date,
  title: `Kế hoạch kiểm điểm năm 2027 (${number})`,
  milestones,
});

describe('campaigns for any year', () => {
  it('opens 2027 under the regime in force (r2025), with its rating day and template of milestones per level', async () => {
    const res = await t.request('/api/v1/campaigns', { method: 'POST', as: province, body: json({ year: 2027 }) });
    expect(res.status).toBe(201);
    const c = await res.json();
    expect(c).toMatchObject({ year: 2027, rulebookId: 'r2025', ratingDate: '2027-12-31', closedAt: null });
    expect(c.milestones.map((m: { id: string }) => m.id)).toEqual(['group-meeting', 'group-report', 'cell-results', 'dossier-submitted', 'base-appraisal', 'upper-appraisal']);
    expect(c.milestones.every((m: { deadline: string }) => m.deadline === 'trước ngày 31/12/2027')).toBe(true);
    expect(c.appraisalLevels).toMatchObject({ cell: 'nearestBaseCommittee', baseCommittee: 'parent' });
  });

  it('refuses a second 2027 (409), a rulebook not in force that year (422), and anyone but the province board (403)', async () => {
    const again = await t.request('/api/v1/campaigns', { method: 'POST', as: province, body: json({ year: 2027 }) });
    expect([again.status, (await again.json()).error.code]).toEqual([409, 'CAMPAIGN_EXISTS']);
    const wrong = await t.request('/api/v1/campaigns', { method: 'POST', as: province, body: json({ year: 2028, rulebookId: 'r2019' }) });
    const body = await wrong.json();
    expect([wrong.status, body.error.code]).toEqual([422, 'RULEBOOK_NOT_IN_FORCE']);
    expect(body.error.message).toContain('từ năm 2018 đến năm 2022');
    expect((await t.request('/api/v1/campaigns', { method: 'POST', as: bloc, body: json({ year: 2029 }) })).status).toBe(403);
    expect((await t.request('/api/v1/campaigns/2027', { as: otherTenant })).status).toBe(404);
  });

  it('lists the campaigns newest first with their state', async () => {
    await t.request('/api/v1/campaigns', { method: 'POST', as: province, body: json({ year: 2026 }) });
    const list = await (await t.request('/api/v1/campaigns', { as: cell })).json();
    expect(list).toEqual([
      { year: 2027, rulebookId: 'r2025', ratingDate: '2027-12-31', state: 'open' },
      { year: 2026, rulebookId: 'r2025', ratingDate: '2026-12-31', state: 'open' },
    ]);
    expect(await (await t.request('/api/v1/campaigns', { as: otherTenant })).json()).toEqual([]);
  });

  it('lets each level adopt its plan inside its parent’s windows, down to a cell, and refuses a date outside naming the window', async () => {
    const put = (as: Identity, unitId: string, body: unknown) => t.request(`/api/v1/campaigns/2027/units/${unitId}/plan`, { method: 'PUT', as, body: json(body) });
    const blocPlan = plan('05-KH/ĐUK', '2027-11-10', [
      { milestoneId: 'dossier-submitted', wording: 'before', date: '2027-12-22' },
      { milestoneId: 'base-appraisal', wording: 'window', fromDate: '2027-12-23', date: '2027-12-29' },
    ]);
    const b = await put(bloc, 'b1', { ...blocPlan, rev: 0 });
    expect(b.status).toBe(200);
    const late = await put(baseCommittee, 'bc1', { ...plan('12-KH/ĐU', '2027-11-15', [{ milestoneId: 'dossier-submitted', wording: 'noLaterThan', date: '2027-12-22' }]), rev: 0 });
    const refusal = await late.json();
    expect([late.status, refusal.error.code]).toEqual([422, 'PLAN_OUTSIDE_PARENT_WINDOW']);
    expect(refusal.error.message).toContain('Đảng ủy Khối các cơ quan tỉnh: trước ngày 22/12/2027');
    const early = await put(baseCommittee, 'bc1', { ...plan('12-KH/ĐU', '2027-11-15', [{ milestoneId: 'base-appraisal', wording: 'window', fromDate: '2027-12-20', date: '2027-12-28' }]), rev: 0 });
    expect((await early.json()).error.message).toContain('từ ngày 23/12/2027 đến ngày 29/12/2027');
    expect((await put(baseCommittee, 'bc1', { ...plan('12-KH/ĐU', '2027-11-15', [{ milestoneId: 'dossier-submitted', wording: 'before', date: '2027-12-20' }]), rev: 0 })).status).toBe(200);
    // The cell (seed 000's kind of plan): inside the base committee's window, which is inside the bloc's.
    const cellPlan = await put(cell, 'c1', { ...plan('không số', '2027-11-20', [{ milestoneId: 'dossier-submitted', wording: 'before', date: '2027-12-19' }]), rev: 0 });
    expect(cellPlan.status).toBe(200);
    expect((await put(cell, 'c1', { ...plan('không số', '2027-11-20', [{ milestoneId: 'dossier-submitted', wording: 'before', date: '2027-12-21' }]), rev: 1 })).status).toBe(422);
    // A stale rev is 409; a cell cannot adopt its base committee's plan (403 outside its subtree).
    expect((await put(cell, 'c1', { ...plan('không số', '2027-11-20', []), rev: 0 })).status).toBe(409);
    expect((await put(cell, 'bc1', { ...plan('x', '2027-11-20', []), rev: 1 })).status).toBe(403);
    // The cell's milestones in force: its own date, and its parent's window beside it.
    const schedule = await (await t.request('/api/v1/campaigns/2027/units/c1/plan', { as: cell })).json();
    const submitted = schedule.milestones.find((m: { id: string }) => m.id === 'dossier-submitted');
    expect(submitted.deadline).toBe('trước ngày 19/12/2027');
    expect(schedule.parentWindows.find((m: { id: string }) => m.id === 'dossier-submitted').deadline).toBe('trước ngày 20/12/2027');
    // c2 adopted nothing: it follows its base committee's plan.
    const c2 = await (await t.request('/api/v1/campaigns/2027/units/c2/plan', { as: baseCommittee })).json();
    expect([c2.plan, c2.followsUnitId]).toEqual([null, 'bc1']);
    expect(c2.milestones.find((m: { id: string }) => m.id === 'dossier-submitted').deadline).toBe('trước ngày 20/12/2027');
    // The unit's status on the campaign page is judged by the dates in force for it.
    const status = await (await t.request('/api/v1/campaigns/2027?unitId=c1', { as: cell })).json();
    expect(status.unitStatus.milestones.find((m: { id: string }) => m.id === 'dossier-submitted').deadline).toBe('trước ngày 19/12/2027');
  });

  it('closes a campaign: every write of the year answers 409 CAMPAIGN_CLOSED, reads still work', async () => {
    const closed = await t.request('/api/v1/campaigns/2026/close', { method: 'POST', as: province });
    expect(closed.status).toBe(200);
    expect((await closed.json()).closedAt).toBe('2027-10-01T03:00:00.000Z');
    const refused = [
      await postFile(t, resultsPath(2026, 'c1', false), csvOf([['Mã đảng viên'], ['M001']]), 'text/csv'),
      await t.request('/api/v1/campaigns/2026/units/c1/collective', { method: 'PUT', as: cell, body: json({ decided: 'good' }) }),
      await t.request('/api/v1/campaigns/2026/units/b1/plan', { method: 'PUT', as: bloc, body: json({ ...plan('1', '2026-11-01', []), rev: 0 }) }),
      await t.request('/api/v1/campaigns/2026/units/c1/submit', { method: 'POST', as: cell, body: json({ rev: 0 }) }),
      await t.request('/api/v1/campaigns/2026/close', { method: 'POST', as: province }),
      // The 100-point regime's writes: the quota exception, points per criterion, a score sheet, the province's overlay.
      await t.request('/api/v1/campaigns/2026/units/bc2/quota-exception', { method: 'PUT', as: bloc, body: json({ share: 0.25, reason: 'Thành tích nổi trội' }) }),
      await t.request('/api/v1/campaigns/2026/units/p1/scoring-schemes/1', { method: 'PUT', as: province, body: json({ source: 'HD 05-HD/TU', points: { 'I.1': 5 }, rev: 0 }) }),
      await t.request('/api/v1/campaigns/2026/units/c1/score-sheet', { method: 'PUT', as: cell, body: json({ variant: null, scores: { 'I.1': 5 }, rev: 0 }) }),
      await t.request('/api/v1/campaigns/2026/units/p1/rulebook/overlay?dryRun=false', {
        method: 'POST',
        as: province,
        body: json({ source: 'HD 05-HD/TU', edits: [{ key: 'R-QUOTA-01.base', enabled: true, severity: 'blocking', params: { ratioPercent: 25 }, interpretation: null }], expectedVersion: 0 }),
      }),
    ];
    for (const res of refused) expect([res.status, (await res.json()).error.code]).toEqual([409, 'CAMPAIGN_CLOSED']);
    expect((await t.request('/api/v1/campaigns/2026/units/c1/review', { as: cell })).status).toBe(200);
    // The rulebook and scoring pages say so and offer no form.
    for (const [path, form] of [['/campaigns/2026/units/p1/rulebook', 'overlay-form'], ['/campaigns/2026/units/p1/scoring/1', 'save-scheme']] as const) {
      const html = await (await t.request(path, { as: province })).text();
      expect(html, path).toContain('data-testid="campaign-closed"');
      expect(html, path).not.toContain(`data-testid="${form}"`);
    }
    const list = await (await t.request('/api/v1/campaigns', { as: cell })).json();
    expect(list.map((c: { year: number; state: string }) => `${c.year}:${c.state}`)).toEqual(['2027:open', '2026:closed']);
  });

  it('never uploads into a year nobody opened (404), and the audit names who opened and closed', async () => {
    const res = await postFile(t, resultsPath(2031, 'c1', true), csvOf([['Mã đảng viên'], ['M001']]), 'text/csv');
    expect([res.status, (await res.json()).error.code]).toEqual([404, 'CAMPAIGN_NOT_FOUND']);
    const { entries } = await (await t.request('/api/v1/units/p1/audit?limit=20', { as: province })).json();
    expect(entries.map((e: { action: string; target: string }) => `${e.action} ${e.target}`)).toEqual(
      expect.arrayContaining(['campaign.open campaign/2027', 'campaign.open campaign/2026', 'campaign.close campaign/2026']),
    );
  });
});
