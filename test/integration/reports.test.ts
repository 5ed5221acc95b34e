// The app first: zod schemas get .openapi() only when built after @hono/zod-openapi is loaded.
import '../support/app';
import { beforeAll, describe, expect, it } from 'vitest';
import { listReports, listDeliveries, reportPk, type Store } from '@kd/data';
import type { Identity } from '@kd/api';
import { runTick, unavailableMilestoneScheduler, type Mailer } from '@kd/services';
import { createDeadlineReportHandler, reconcileTenant, tickOfEvent } from '@kd/jobs';
import { figureText, formatCount, formatPercent, memberRatingFigures } from '@kd/domain';
import ExcelJS from 'exceljs';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';
import { identities, seedFixture } from '../support/fixture';
import { campaignApi } from './campaigns-helpers';
import { blocBoard, jobDeps, outboxMailer, provinceBoard, readEmls, seedReports, tempOutbox } from './reports-setup';

const secretaryOf = (unit: string): Identity => ({ tenant: 't1', unit, role: 'cell_secretary', name: `Bí thư ${unit}`, sub: `id-${unit}` });

/**
 * The cell's secretary decides every member and the collective through the review API, then
 * submits the dossier through the real submit route at a Vietnamese wall-clock time.
 */
async function submitAt(t: TestApp, unitId: string, iso: string): Promise<void> {
  const api = campaignApi(t);
  const as = secretaryOf(unitId);
  t.setNow('2021-12-20T15:00:00+07:00');
  const review = await api.review(as, unitId);
  for (const m of review.members as { member: { id: string } }[]) {
    const res = await api.putFacts(as, unitId, m.member.id, { selfProposed: 'good', groupProposed: 'good', decided: 'good' });
    expect(res.status, await res.clone().text()).toBe(200);
  }
  expect((await api.setCollective(as, unitId, 'good', 'good')).status).toBe(200);
  t.setNow(iso);
  const res = await api.submit(as, unitId);
  expect(res.status, await res.clone().text()).toBe(200);
}

describe('deadline reports over the stored campaign and dossiers', () => {
  let store: Store;
  let t: TestApp;

  beforeAll(async () => {
    store = await createTestStore('reports');
    await seedFixture(store);
    await seedReports(store);
    t = await createTestApp(store, '2021-12-21T10:00:00+07:00');
    await submitAt(t, 'c1', '2021-12-21T23:30:00+07:00');
    await submitAt(t, 'c2', '2021-12-22T00:10:00+07:00');
  });

  it('counts 23:30 on 21/12 on time and 00:10 on 22/12 late for "trước ngày 22/12", though that is still 21/12 in UTC', async () => {
    expect(new Date('2021-12-22T00:10:00+07:00').toISOString().slice(0, 10)).toBe('2021-12-21');
    t.setNow('2021-12-22T08:00:00+07:00');
    const res = await t.request('/api/v1/units/b1/late-units', { as: identities.bloc });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.units.map((u: { unitId: string; status: string }) => [u.unitId, u.status])).toEqual([
      ['c2', 'late'],
      ['c3', 'missing'],
    ]);
    expect(body.units[0].deadline).toBe('trước ngày 22/12/2021');
  });

  it('sends once when the same tick is delivered twice at the same moment', async () => {
    const dir = await tempOutbox();
    const deps = jobDeps(store, outboxMailer(dir), () => new Date('2021-12-22T07:00:05+07:00'));
    const handler = createDeadlineReportHandler(deps, unavailableMilestoneScheduler(() => undefined));
    const [a, b] = await Promise.all([handler({}), handler({})]);
    expect(a.tickId).toBe('daily#2021-12-22');
    expect(a.reports + b.reports).toBe(2); // one for the province board, one for the bloc board
    const emls = (await readEmls(dir)).filter((e) => e.subject.includes('Báo cáo tiến độ'));
    expect(emls.map((e) => e.to).sort()).toEqual([...provinceBoard, ...blocBoard].sort());
    expect((await listReports(store, 't1', 'p1')).filter((r) => r.tickId === 'daily#2021-12-22')).toHaveLength(1);
    expect((await listReports(store, 't1', 'b1')).filter((r) => r.tickId === 'daily#2021-12-22')).toHaveLength(1);
    // A retry of the tick later in the morning is the same tick: nothing more is sent.
    expect(tickOfEvent({}, new Date('2021-12-22T10:30:00+07:00'))).toEqual({ kind: 'daily', at: '2021-12-22T00:00:00.000Z' });
    await handler({});
    expect((await readEmls(dir)).filter((e) => e.subject.includes('Báo cáo tiến độ'))).toHaveLength(3);
  });

  it('retries a failed send and shows it as failed, never dropping it', async () => {
    const dir = await tempOutbox();
    const outbox = outboxMailer(dir);
    let refused = 0;
    const flaky: Mailer = {
      async send(message) {
        if (message.to.includes('pho.bantochuc@thu.example.vn')) {
          refused += 1;
          throw new Error('Máy chủ thư từ chối người nhận');
        }
        return outbox.send(message);
      },
    };
    const at = new Date('2021-12-23T07:00:00+07:00');
    const deps = jobDeps(store, flaky, () => at);
    const first = await runTick(deps, { kind: 'daily', at: at.toISOString() });
    const report = first.reports.find((r) => r.boardId === 'p1')!;
    expect(refused).toBe(3); // three tries within the run

    const api = await t.request(`/api/v1/units/p1/reports/${report.reportId}`, { as: identities.province });
    expect(api.status).toBe(200);
    const body = await api.json();
    const byRecipient = Object.fromEntries(body.deliveries.map((d: { recipient: string }) => [d.recipient, d]));
    expect(byRecipient['bantochuc@thu.example.vn']).toMatchObject({ status: 'sent', attempts: 1 });
    expect(byRecipient['pho.bantochuc@thu.example.vn']).toMatchObject({ status: 'failed', attempts: 3, lastError: 'Máy chủ thư từ chối người nhận' });

    // Each later run tries again; once every attempt is used it stays failed, still listed.
    const runAt = (iso: string) => runTick({ ...deps, now: () => new Date(iso) }, { kind: 'daily', at: new Date(iso).toISOString() });
    const later = await runAt('2021-12-24T07:00:00+07:00');
    expect(later.retried).toBe(1);
    expect(refused).toBe(3 + 1 + 3); // the retry, and the new 24/12 report's own three tries
    await runAt('2021-12-25T07:00:00+07:00');
    await runAt('2021-12-26T07:00:00+07:00');
    const deliveries = await listDeliveries(store, reportPk('t1', report.reportId));
    expect(deliveries.find((d) => d.recipient === 'pho.bantochuc@thu.example.vn')).toMatchObject({ status: 'failed', attempts: 6 });
    const settled = refused;
    await runAt('2021-12-27T07:00:00+07:00');
    expect((await listDeliveries(store, reportPk('t1', report.reportId))).find((d) => d.recipient === 'pho.bantochuc@thu.example.vn')).toMatchObject({ status: 'failed', attempts: 6 });
    expect(refused - settled).toBe(3 + 0 + 1 + 2); // 27/12's own report; 23/12's is spent; 24/12's and 25/12's go on
    expect((await readEmls(dir)).filter((e) => e.to === 'bantochuc@thu.example.vn').length).toBe(5);

    t.setNow('2021-12-27T08:00:00+07:00');
    const page = await t.request(`/units/p1/reports/${report.reportId}`, { as: identities.province });
    const html = await page.text();
    expect(html).toContain('Gửi lỗi');
    expect(html).toContain('pho.bantochuc@thu.example.vn');
  });

  it('lets a board ask for a report now, and lists its history', async () => {
    t.setNow('2021-12-22T09:00:00+07:00');
    const res = await t.request('/api/v1/units/b1/reports', { method: 'POST', as: identities.bloc });
    expect(res.status).toBe(201);
    const report = await res.json();
    expect(report.trigger).toBe('manual');
    const dossier = report.content.milestones[0];
    expect(dossier.counts).toMatchObject({ expected: 3, onTime: 1, late: 1, missing: 1 });
    const history = await (await t.request('/api/v1/units/b1/reports', { as: identities.bloc })).json();
    expect(history.reports.map((r: { reportId: string }) => r.reportId)).toContain(report.reportId);
    const xlsx = await t.request(`/api/v1/units/b1/reports/${report.reportId}/xlsx`, { as: identities.bloc });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    // A cell secretary may not ask for one (role), and the bloc's report is not the province's.
    expect((await t.request('/api/v1/units/c1/reports', { method: 'POST', as: identities.cell })).status).toBe(403);
    expect((await t.request(`/api/v1/units/p1/reports/${report.reportId}`, { as: identities.province })).status).toBe(404);
  });

  it('shows the same figures on the dashboard, in the report and in Biểu 2 for the same campaign and moment', async () => {
    await reconcileTenant(store, 't1');
    t.setNow('2021-12-22T09:30:00+07:00');
    const report = await (await t.request('/api/v1/units/b1/reports', { method: 'POST', as: identities.bloc })).json();
    const html = await (await t.request('/dashboard/2021/units/b1', { as: identities.bloc })).text();
    const rollup = await (await t.request('/api/v1/campaigns/2021/units/b1/rollup', { as: identities.bloc })).json();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await t.request('/api/v1/campaigns/2021/units/b1/bieu-2.xlsx', { as: identities.bloc })).arrayBuffer()) as never);
    const total = (book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][]).find((r) => r[2] === 'Tổng cộng Đảng ủy Khối các cơ quan tỉnh')!;

    // Milestones: the dashboard's row is the report's count at the same moment (done / expected).
    const dossier = report.content.milestones.find((m: { milestoneId: string }) => m.milestoneId === 'dossier');
    const row = new RegExp(`<tr data-milestone="dossier">[\\s\\S]*?<td class="num" data-cell="done">([^<]*)</td><td class="num">([^<]*)</td><td class="num">([^<]*)</td><td class="num">([^<]*)</td>`).exec(html)!;
    expect(row.slice(1)).toEqual([figureText({ count: dossier.counts.done, of: dossier.counts.expected, percent: formatPercent(dossier.counts.done, dossier.counts.expected) }), ...[dossier.counts.onTime, dossier.counts.late, dossier.counts.missing].map(formatCount)]);
    expect(dossier.counts).toMatchObject({ expected: 3, done: 2 });

    // Members by rating: the dashboard's counts and shares are Biểu 2's columns 8–16, out of the members rated.
    const figures = memberRatingFigures(rollup.members);
    expect(total[3]).toBe(rollup.members.total);
    expect(total[8]).toBe(rollup.members.rated);
    expect(rollup.members.rated).toBeGreaterThan(0);
    figures.forEach((f, i) => {
      expect(total[9 + 2 * i], f.key).toBe(f.count);
      expect(total[10 + 2 * i], f.key).toBe(f.share);
      const cells = new RegExp(`<tr data-figure="${f.key}"><th>[^<]*</th><td class="num" data-cell="count">([^<]*)</td><td class="num" data-cell="percent">([^<]*)</td>`).exec(html.slice(html.indexOf('data-testid="member-ratings"')))!;
      expect(cells.slice(1), f.key).toEqual([formatCount(f.count), f.percent]);
    });
    // The column adds up to the members rated, and the not-yet-rated are out of all members.
    expect(figures.reduce((n, f) => n + f.count, 0)).toBe(rollup.members.rated);
    expect(html).toContain(`tỷ lệ trên ${formatCount(rollup.members.rated)} đảng viên đã xếp loại; cột cộng lại 100 %`);
    expect(html).toContain(`tỷ lệ trên tổng số ${formatCount(rollup.members.total)} đảng viên; cột cộng lại 100 %`);
    // 2021 is still open here: no difference with 2020 is computed.
    expect(html).toContain('data-testid="campaign-open"');
    expect(html).not.toContain('điểm %');
  });

  it('lists what was sent and what failed on the local Outbox page', async () => {
    const page = await t.request('/units/b1/outbox', { as: identities.bloc });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Hộp thư đi');
    expect(html).toContain('bantochuc.khoi@thu.example.vn');
    expect(html).toContain('Đã gửi');
    const late = await (await t.request('/units/b1/late-units', { as: identities.bloc })).text();
    expect(late).toContain('href="/units/c3"');
  });

  it('keeps recipients per board', async () => {
    const put = await t.request('/api/v1/units/b1/report-recipients', {
      method: 'PUT',
      as: identities.bloc,
      body: JSON.stringify({ emails: ['Ban.ToChuc@khoi.example.vn'], reminderDaysBefore: [3, 1] }),
    });
    expect(put.status).toBe(200);
    const got = await (await t.request('/api/v1/units/b1/report-recipients', { as: identities.bloc })).json();
    expect(got).toMatchObject({ configured: true, emails: ['ban.tochuc@khoi.example.vn'], reminderDaysBefore: [3, 1] });
    expect((await t.request('/api/v1/units/b1/report-recipients', { method: 'PUT', as: identities.bloc, body: JSON.stringify({ emails: ['not-an-address'] }) })).status).toBe(400);
  });
});
