import { beforeAll, describe, expect, it } from 'vitest';
// The app first: @hono/zod-openapi extends zod before any schema the routes describe is built.
import { createTestApp, type TestApp } from '../support/app';
import ExcelJS from 'exceljs';
import { Campaign } from '@kd/domain';
import { putCampaign, type Store } from '@kd/data';
import { createTestStore } from '../support/store';
import { identities, seedFixture } from '../support/fixture';
import { putTestCampaign, streamConsumer } from '../support/rollups';
import { csvOf, postFile, resultsPath } from './uploads-support';

/**
 * The 100-point regime end to end: a 2026 campaign under r2025 (put directly: opening campaigns is
 * another issue's), results uploaded with the 100-point columns, evaluations read back through storage,
 * collective scores, the quota exception, overrides, and the roll-up with Biểu 4.
 */
let store: Store;
let t: TestApp;
let consumer: ReturnType<typeof streamConsumer>;
const year = 2026;
const base = (unitId: string, y = year) => `/api/v1/campaigns/${y}/units/${unitId}`;
const send = (as: (typeof identities)[keyof typeof identities], path: string, method = 'GET', body?: unknown) =>
  t.request(path, { as, method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const evaluation = async (unitId: string, memberId: string) => (await send(identities.baseCommittee, `${base(unitId)}/members/${memberId}/evaluation`)).json();
const review = async (as: (typeof identities)[keyof typeof identities], unitId: string) => (await send(as, `${base(unitId)}/review`)).json();

const header = ['Mã đảng viên', 'Điểm tiêu chí chung', 'Điểm kết quả thực hiện nhiệm vụ', 'Tỷ lệ hoàn thành nhiệm vụ (%)', 'Tỷ lệ nhiệm vụ chậm tiến độ (%)', 'Tỷ lệ nhiệm vụ vượt yêu cầu (%)', 'Số ngày nghỉ ốm', 'Hình thức kỷ luật trong năm', 'Chi bộ xếp loại'];
/** The T25 cases of docs/rulebooks.md, one member each (T25-07 is the base organisation's quota, below). */
const cases = [
  { id: 'T25-01', member: 'M002', row: ['28', '62', '100', '0', '30', '', '', 'Hoàn thành xuất sắc nhiệm vụ'], expected: { rated: true, score: 90, maxAllowed: 'excellent', final: 'excellent' } },
  { id: 'T25-02', member: 'M003', row: ['27,9', '62', '100', '0', '40', '', '', 'Hoàn thành tốt nhiệm vụ'], expected: { rated: true, score: 89.9, maxAllowed: 'good', final: 'good' } },
  { id: 'T25-03', member: 'M004', row: ['30', '62', '100', '0', '25', '', '', 'Hoàn thành tốt nhiệm vụ'], expected: { rated: true, score: 92, maxAllowed: 'good', final: 'good' }, interpretation: 'R-IND25-BANDS' },
  { id: 'T25-04', member: 'M005', row: ['25', '50', '100', '10', '0', '', '', 'Hoàn thành nhiệm vụ'], expected: { rated: true, score: 75, maxAllowed: 'complete', final: 'complete' }, interpretation: 'R-IND25-BANDS' },
  { id: 'T25-05', member: 'M006', row: ['20', '29,5', '100', '', '', '', '', ''], expected: { rated: true, score: 49.5, forced: 'incomplete', final: 'incomplete' } },
  { id: 'T25-06', member: 'M007', row: ['29', '66', '100', '0', '35', '120', '', 'Hoàn thành xuất sắc nhiệm vụ'], expected: { rated: true, score: 95, maxAllowed: 'excellent', final: 'excellent' } },
  { id: 'T25-08', member: 'M008', row: ['28', '65', '100', '0', '50', '', 'Khiển trách', ''], expected: { rated: true, score: 93, forced: 'incomplete', final: 'incomplete' } },
  { id: 'T25-09', member: 'M009', row: ['25', '', '100', '', '', '', '', 'Hoàn thành tốt nhiệm vụ'], expected: { rated: false, notRatedReason: 'pending', score: null, final: null }, rule: 'R-IND25-SCORE' },
  { id: 'T25-10', member: 'N010', row: ['25', '60', '100', '', '', '', '', 'Hoàn thành tốt nhiệm vụ'], expected: { rated: false, notRatedReason: 'newMember', final: null }, rule: 'R-ELIG-03' },
] as const;

beforeAll(async () => {
  store = await createTestStore('r2025', { stream: true });
  await seedFixture(store);
  await putTestCampaign(store, 't1', 2021);
  await putCampaign(store, 't1', Campaign.parse({ year, rulebookId: 'r2025', ratingDate: '2026-12-31' }));
  consumer = streamConsumer(store);
  t = await createTestApp(store, '2026-12-15T03:00:00.000Z');
  // T25-10: admitted four months before the rating date.
  expect((await send(identities.cell, '/api/v1/units/c1/members', 'POST', { id: 'N010', fullName: 'Phan Văn Mới', admittedOn: '2026-08-31' })).status).toBe(201);
});

describe('T25-01…T25-10 through upload and storage (r2025, 2026)', () => {
  it('the results template carries the 100-point columns of the year’s rulebook, and not under r2019', async () => {
    const headers = async (y: number) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await (await send(identities.cell, `${base('c1', y)}/results-template`)).arrayBuffer());
      return (wb.worksheets[0]!.getRow(1).values as unknown[]).filter(Boolean);
    };
    const h2026 = await headers(year);
    expect(h2026).toEqual(expect.arrayContaining(['Điểm tiêu chí chung', 'Điểm kết quả thực hiện nhiệm vụ', 'Điểm tự chấm', 'Tỷ lệ nhiệm vụ chậm tiến độ (%)', 'Tỷ lệ nhiệm vụ vượt yêu cầu (%)']));
    expect(h2026).not.toContain('Số kỳ vắng sinh hoạt');
    expect(await headers(2021)).not.toContain('Điểm tiêu chí chung');
  });

  it('dry run and commit give the cases’ verdicts, and the stored evaluations show score, override and interpretations', async () => {
    const csv = csvOf([header, ...cases.map((c) => [c.member, ...c.row]), ['M001', '26', '60', '100', '0', '10', '', '', 'Hoàn thành tốt nhiệm vụ']]);
    const dry = await (await postFile(t, resultsPath(year, 'c1', true), csv, 'text/csv')).json();
    expect(dry.errors).toEqual([]);
    const res = await postFile(t, resultsPath(year, 'c1', false), csv, 'text/csv');
    expect(res.status, await res.clone().text()).toBe(200);
    const committed = await res.json();
    for (const c of cases) {
      const stored = await evaluation('c1', c.member);
      expect(stored, c.id).toMatchObject({ memberId: c.member, year, ...c.expected, override: null });
      expect(committed.evaluations.find((e: { memberId: string }) => e.memberId === c.member), c.id).toMatchObject(c.expected);
      if ('interpretation' in c) expect(stored.interpretations.map((i: { ruleId: string }) => i.ruleId), c.id).toContain(c.interpretation);
      if ('rule' in c) expect(stored.violations.map((v: { ruleId: string }) => v.ruleId), c.id).toContain(c.rule);
    }
    expect((await evaluation('c1', 'M009')).violations.find((v: { ruleId: string }) => v.ruleId === 'R-IND25-SCORE')).toMatchObject({ severity: 'blocking', message: expect.stringContaining('Điểm kết quả thực hiện nhiệm vụ') });
  });

  it('refuses the score columns under r2019 as unknown columns', async () => {
    const res = await postFile(t, resultsPath(2021, 'c1', true), csvOf([['Mã đảng viên', 'Điểm tiêu chí chung'], ['M002', '28']]), 'text/csv');
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('HEADER_UNKNOWN');
  });
});

describe('collectives scored the same way (PUT …/collective, Phụ lục 1)', () => {
  it('the unit evaluation shows the collective’s score and maxAllowed by the same bands', async () => {
    const put = await send(identities.cell, `${base('c1')}/collective`, 'PUT', { decided: 'excellent', proposed: 'excellent', scores: { general: 26, tasks: 62 }, taskCompletionPercent: 100, exceedingPercent: 10 });
    expect(put.status, await put.clone().text()).toBe(200);
    const e = await (await send(identities.cell, `${base('c1')}/evaluation`)).json();
    expect(e).toMatchObject({ unitId: 'c1', score: 88, maxAllowed: 'good', final: 'good' });
    expect(e.violations.map((v: { ruleId: string }) => v.ruleId)).toContain('R-ORG25-BANDS');
  });

  it('a subordinate organisation recorded as disciplined keeps its committee from excellent (derived from the child’s record)', async () => {
    const scores = { scores: { general: 29, tasks: 66 }, taskCompletionPercent: 100, exceedingPercent: 40 };
    expect((await send(identities.baseCommittee, `${base('bc1')}/collective`, 'PUT', { decided: 'excellent', ...scores })).status).toBe(200);
    expect((await (await send(identities.baseCommittee, `${base('bc1')}/evaluation`)).json())).toMatchObject({ score: 95, maxAllowed: 'excellent' });
    expect((await send(identities.baseCommittee, `${base('c2')}/collective`, 'PUT', { decided: 'good', disciplined: true })).status).toBe(200);
    const e = await (await send(identities.baseCommittee, `${base('bc1')}/evaluation`)).json();
    expect(e).toMatchObject({ score: 95, maxAllowed: 'good', final: 'good' });
    expect(e.violations.map((v: { ruleId: string }) => v.ruleId)).toContain('R-ORG25-HTXS');
    expect((await send(identities.baseCommittee, `${base('c2')}/collective`, 'PUT', { decided: 'good', disciplined: false })).status).toBe(200);
  });

  it('refuses scores under a rulebook that does not score (422 NOT_SCORED)', async () => {
    const res = await send(identities.cell, `${base('c1', 2021)}/collective`, 'PUT', { decided: 'good', scores: { general: 20, tasks: 50 } });
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('NOT_SCORED');
  });
});

describe('T25-07 and the quota exception (PUT …/quota-exception)', () => {
  const members = Array.from({ length: 14 }, (_, i) => `Q${String(i + 1).padStart(2, '0')}`);
  it('3 excellent and 12 good in a base organisation breach the cap of 2 at 20 %', async () => {
    for (const id of members) {
      expect((await send(identities.otherCell, '/api/v1/units/c3/members', 'POST', { id, fullName: `Trần Văn Quý ${id}`, admittedOn: '2012-01-01', officialOn: '2013-01-01' })).status).toBe(201);
    }
    const rows = [...members, 'M011'].map((id, i) => (i < 3 ? [id, '28', '65', '100', '0', '40', '', '', 'Hoàn thành xuất sắc nhiệm vụ'] : [id, '25', '55', '100', '0', '0', '', '', 'Hoàn thành tốt nhiệm vụ']));
    const res = await postFile(t, resultsPath(year, 'c3', false), csvOf([header, ...rows]), 'text/csv', identities.otherCell);
    expect(res.status, await res.clone().text()).toBe(200);
    const e = await (await send(identities.bloc, `${base('bc2')}/evaluation`)).json();
    expect(e.quota).toEqual({ excellent: 3, good: 12, cap: 2, withinCap: false });
    expect(e.violations).toEqual(expect.arrayContaining([expect.objectContaining({ memberId: null, ruleId: 'R-QUOTA-01', severity: 'blocking' })]));
  });

  it('is refused to the base organisation itself (403), above 25 % or under r2019 (422), and without a reason', async () => {
    const own = await send(identities.otherBaseCommittee, `${base('bc2')}/quota-exception`, 'PUT', { share: 0.25, reason: 'Thành tích nổi trội' });
    expect(own.status).toBe(403);
    expect((await own.json()).error.code).toBe('UPPER_LEVEL_ONLY');
    for (const [path, share] of [[`${base('bc2')}/quota-exception`, 0.3], [`${base('bc2', 2021)}/quota-exception`, 0.25]] as const) {
      const res = await send(identities.bloc, path, 'PUT', { share, reason: 'Thành tích nổi trội, vượt kế hoạch' });
      expect(res.status, path).toBe(422);
      expect((await res.json()).error.code).toBe('QUOTA_EXCEPTION_NOT_ALLOWED');
    }
    expect((await send(identities.bloc, `${base('bc2')}/quota-exception`, 'PUT', { share: 0.25 })).status).toBe(400);
    expect((await send(identities.bloc, `${base('c3')}/quota-exception`, 'PUT', { share: 0.25, reason: 'Thành tích nổi trội' })).status).toBe(422);
  });

  it('granted by the appraising level (the bloc above), it raises the cap to 3 in the evaluation and the roll-up, and is audited', async () => {
    const res = await send(identities.bloc, `${base('bc2')}/quota-exception`, 'PUT', { share: 0.25, reason: 'Thành tích nổi trội, đột phá, vượt kế hoạch năm 2026' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.json()).quotaException).toMatchObject({ share: 0.25, percent: 25, byUnit: 'b1' });
    const e = await (await send(identities.bloc, `${base('bc2')}/evaluation`)).json();
    expect(e.quota).toEqual({ excellent: 3, good: 12, cap: 3, withinCap: true });
    expect(e.violations.map((v: { ruleId: string }) => v.ruleId)).not.toContain('R-QUOTA-01');
    const audit = await (await send(identities.bloc, '/api/v1/units/bc2/audit')).json();
    expect(audit.entries.find((a: { action: string }) => a.action === 'dossier.quotaException')).toMatchObject({ before: { quotaException: null }, after: { quotaException: { share: 0.25 } }, reason: expect.stringContaining('vượt kế hoạch') });
    await consumer.drain();
    const rollup = await (await send(identities.province, `${base('bc2')}/rollup`)).json();
    expect(rollup.quota).toEqual({ excellent: 3, good: 12, cap: 3, withinCap: true, breaches: 0 });
    expect(rollup.scores.members).toEqual({ scored: 15, from90: 3, from70: 12, from50: 0, below50: 0 });
    const bloc = await (await send(identities.province, `${base('b1')}/rollup`)).json();
    expect(bloc.children.find((c: { unitId: string }) => c.unitId === 'bc2').quota).toMatchObject({ cap: 3, withinCap: true });
    // Under r2025 the committee above the base organisations is rated as a collective too: b1, bc1, bc2, c1, c2, c3.
    expect(bloc.units.total).toBe(6);
    // Withdrawn, the cap is 2 again, here and in the roll-up.
    expect((await send(identities.province, `${base('bc2')}/quota-exception`, 'PUT', { share: null })).status).toBe(200);
    expect((await (await send(identities.bloc, `${base('bc2')}/evaluation`)).json()).quota).toMatchObject({ cap: 2, withinCap: false });
    await consumer.drain();
    expect((await (await send(identities.province, `${base('bc2')}/rollup`)).json()).quota).toMatchObject({ cap: 2, withinCap: false, breaches: 1 });
  });

  it('exports Biểu 4 beside Biểu 1 and 2, read back with exceljs', async () => {
    const res = await send(identities.province, `${base('bc2')}/bieu-4.xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const text = wb.worksheets.flatMap((ws) => ws.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])));
    expect(text.join(' ')).toContain('Biểu 4');
    expect(text).toContain('Tổng cộng Đảng ủy Sở Tài chính');
  });
});

describe('an override above a forced incomplete (QĐ 366-QĐ/TW Điều 11)', () => {
  const reason = 'Đồng chí tự phát hiện, tự báo cáo sai sót và đã khắc phục trước khi bị xem xét kỷ luật.';
  it('is refused without a reason or without the circumstance, then kept with them: evaluation, review page, audit', async () => {
    const as = identities.baseCommittee;
    expect((await send(as, '/api/v1/units/c2/members', 'POST', { id: 'K001', fullName: 'Lâm Văn Kỷ', admittedOn: '2010-01-01', officialOn: '2011-01-01' })).status).toBe(201);
    const csv = csvOf([header, ['K001', '28', '65', '100', '0', '40', '', 'Khiển trách', ''], ['M010', '27', '60', '100', '0', '10', '', '', 'Hoàn thành tốt nhiệm vụ']]);
    expect((await postFile(t, resultsPath(year, 'c2', false), csv, 'text/csv', as)).status).toBe(200);
    expect((await send(as, `${base('c2')}/collective`, 'PUT', { decided: 'good', scores: { general: 25, tasks: 55 }, taskCompletionPercent: 100 })).status).toBe(200);
    const r = await review(as, 'c2');
    expect(r.blocking).toEqual([]);
    expect((await send(as, `${base('c2')}/submit`, 'POST', { rev: r.dossier.rev })).status).toBe(200);
    expect((await evaluation('c2', 'K001'))).toMatchObject({ forced: 'incomplete', final: 'incomplete' });
    const submitted = (await review(identities.baseCommittee, 'c2')).dossier.rev;
    for (const adjustment of [{ memberId: 'K001', rating: 'complete', circumstance: 'selfReportedRemedied' }, { memberId: 'K001', rating: 'complete', reason }]) {
      const res = await send(identities.baseCommittee, `${base('c2')}/approve`, 'POST', { rev: submitted, members: [adjustment] });
      expect(res.status).toBe(422);
      expect((await res.json()).error.code).toBe('OVERRIDE_REASON_REQUIRED');
    }
    const ok = await send(identities.baseCommittee, `${base('c2')}/approve`, 'POST', { rev: submitted, members: [{ memberId: 'K001', rating: 'complete', circumstance: 'selfReportedRemedied', reason }] });
    expect(ok.status, await ok.clone().text()).toBe(200);
    expect(await evaluation('c2', 'K001')).toMatchObject({ adjusted: 'complete', final: 'complete', override: { by: 'Đảng ủy Sở Y tế', circumstance: 'selfReportedRemedied', reason } });
    const page = await (await t.request(`/campaigns/${year}/units/c2/review`, { as })).text();
    expect(page).toContain('data-testid="override"');
    expect(page).toContain(reason);
    const audit = await (await send(as, '/api/v1/units/c2/audit')).json();
    expect(audit.entries.find((a: { action: string }) => a.action === 'dossier.approveWithAdjustments')).toMatchObject({
      after: { members: [{ memberId: 'K001', rating: 'complete', circumstance: 'selfReportedRemedied', reason, override: { circumstance: 'selfReportedRemedied', reason } }] },
    });
    // The roll-up counts the overridden level, as the review does.
    await consumer.drain();
    expect((await (await send(identities.province, `${base('c2')}/rollup`)).json()).members).toMatchObject({ complete: 1, good: 1, incomplete: 0 });
  });
});
