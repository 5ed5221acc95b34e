import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// The app first: @hono/zod-openapi extends zod before any schema the routes describe is built.
import { createTestApp, type TestApp } from '../support/app';
import ExcelJS from 'exceljs';
import { listAudit, listCampaigns, getDossier, type Store } from '@kd/data';
import { loadRollupYears, naiveRecount, reconcileTenant } from '@kd/jobs';
import { loadRollup } from '@kd/services';
import { createTestStore } from '../support/store';
import { identities, seedFixture } from '../support/fixture';
import { putTestCampaign, streamConsumer } from '../support/rollups';
import { collapse, docxToText } from '../support/office';

/**
 * Results of earlier years (issue 18): four years imported by the province, the fifth entered in the
 * system, the roll-ups of the imported years built by the stream, the rewards they make.
 */
let store: Store;
let t: TestApp;
let consumer: ReturnType<typeof streamConsumer>;
const province = identities.province;
const HEAD = 'Mã đảng viên,Họ và tên,Đơn vị,Xếp loại,Lý do không xếp loại,Hình thức kỷ luật trong năm';

/** Each imported year: M002 has no record of 2019 (a gap year), M003 was exempt in 2020, M004 incomplete and warned in 2020. */
function membersFile(year: number): string {
  const rows = [
    ['M001', '', 'Chi bộ Bệnh viện Phổi', 'Hoàn thành xuất sắc nhiệm vụ', '', ''],
    ...(year === 2019 ? [] : [['M002', 'Nguyễn Văn An', 'c1', 'HTXSNV', '', '']]),
    year === 2020 ? ['M003', '', 'c1', '', 'Miễn công tác và sinh hoạt đảng', ''] : ['M003', '', 'c1', 'HTXS', '', ''],
    year === 2020 ? ['M004', '', 'c1', 'KHTNV', '', 'Cảnh cáo'] : ['M004', '', 'c1', 'HTTNV', '', ''],
    ['CU-1', 'Trần Văn Cũ', 'c2', 'HTTNV', '', ''],
    ['M011', '', 'c3', 'HTTNV', '', ''],
  ];
  return `${HEAD}\n${rows.map((r) => r.join(',')).join('\n')}\n`;
}
const unitsFile = (year: number) =>
  `Đơn vị,Xếp loại,Lý do không xếp loại\nc1,HTXSNV,\nbc1,HTXSNV,\n${year === 2017 ? 'c3,,Mới thành lập chưa đủ 6 tháng\n' : ''}`;

const post = (path: string, body: string) => t.request(path, { method: 'POST', as: province, body, headers: { 'content-type': 'text/csv' } });

beforeAll(async () => {
  store = await createTestStore('history', { stream: true });
  await seedFixture(store);
  await putTestCampaign(store, 't1', 2021, { overlayIds: [] });
  consumer = streamConsumer(store);
  t = await createTestApp(store, '2022-01-05T03:00:00.000Z');
});

describe('importing the results of earlier years', () => {
  it('a dry run writes nothing and says a closed campaign will be created; a row error refuses the whole file', async () => {
    const dry = await post('/api/v1/units/p1/history/2017/member-results?dryRun=true', membersFile(2017));
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ rows: 6, accepted: 6, committed: false, errorCount: 0, campaign: 'toCreate', unknownMembers: 1 });
    expect((await listCampaigns(store, 't1')).map((c) => c.year)).toEqual([2021]);
    const bad = await post('/api/v1/units/p1/history/2017/member-results?dryRun=false', `${HEAD}\nM001,,Chi bộ không có,HTXS,,\nM002,,c1,Giỏi,,\n`);
    expect(bad.status).toBe(422);
    const body = await bad.json();
    expect(body.error.code).toBe('UPLOAD_HAS_ERRORS');
    expect(body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([[2, 'Đơn vị', 'UNKNOWN_UNIT'], [3, 'Xếp loại', 'UNKNOWN_RATING']]);
    expect((await listCampaigns(store, 't1')).map((c) => c.year)).toEqual([2021]);
  });

  it('commits four years into closed campaigns created for them; the same file again changes nothing', async () => {
    for (const year of [2017, 2018, 2019, 2020]) {
      const res = await post(`/api/v1/units/p1/history/${year}/member-results?dryRun=false`, membersFile(year));
      expect(res.status, String(year)).toBe(200);
      expect(await res.json()).toMatchObject({ committed: true, campaign: 'created', errorCount: 0 });
      const units = await post(`/api/v1/units/p1/history/${year}/unit-results?dryRun=false`, unitsFile(year));
      expect(await units.json()).toMatchObject({ committed: true, campaign: 'exists' });
    }
    const again = await (await post('/api/v1/units/p1/history/2018/member-results?dryRun=false', membersFile(2018))).json();
    expect(again.units.map((u: { changed: boolean }) => u.changed)).toEqual([false, false, false]);
    const campaigns = await listCampaigns(store, 't1');
    expect(campaigns.map((c) => [c.year, c.rulebookId, c.closedAt !== null, c.importedOnly ?? false])).toEqual([
      [2017, 'r2019', true, true], [2018, 'r2019', true, true], [2019, 'r2019', true, true], [2020, 'r2019', true, true], [2021, 'r2019', false, false],
    ]);
    const d = await getDossier(store, 't1', 'c1', 2020);
    expect(d).toMatchObject({ state: 'approved', collective: { decided: 'excellent' } });
    expect(d.importedMembersAt).toBeTruthy();
    expect((await listAudit(store, 't1', 'c1')).entries.map((e) => e.action)).toEqual(expect.arrayContaining(['history.importMembers', 'history.importCollective']));
  });

  it('the members template, filled in with ExcelJS, is read back as an .xlsx upload (dry run)', async () => {
    const res = await t.request('/api/v1/units/p1/history/member-template', { as: province });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = book.getWorksheet('Kết quả đảng viên')!;
    let header = 0;
    sheet.eachRow((row, n) => {
      if (!header && (row.values as unknown[]).includes('Mã đảng viên')) header = n;
    });
    const rating = (sheet.getRow(header).values as unknown[]).indexOf('Xếp loại');
    expect([header > 0, rating > 0]).toEqual([true, true]);
    let filled = 0;
    for (let n = header + 1; n <= sheet.rowCount; n++) {
      if (!sheet.getRow(n).getCell(1).value) continue;
      sheet.getRow(n).getCell(rating).value = 'Hoàn thành tốt nhiệm vụ';
      filled++;
    }
    expect(filled).toBe(11);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const dry = await t.request('/api/v1/units/p1/history/2016/member-results?dryRun=true', {
      method: 'POST', as: province, body: bytes, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    });
    expect(await dry.json()).toMatchObject({ rows: 11, accepted: 11, errorCount: 0, committed: false, campaign: 'toCreate', unknownMembers: 0 });
  });

  it('refuses a year with an open campaign and a year not yet past', async () => {
    const open = await post('/api/v1/units/p1/history/2021/member-results?dryRun=true', membersFile(2021));
    expect([open.status, (await open.json()).error.code]).toEqual([409, 'CAMPAIGN_NOT_CLOSED']);
    const future = await post('/api/v1/units/p1/history/2022/member-results?dryRun=true', membersFile(2022));
    expect([future.status, (await future.json()).error.code]).toEqual([422, 'YEAR_NOT_PAST']);
    const bloc = await t.request('/api/v1/units/b1/history/2016/member-results?dryRun=true', { method: 'POST', as: identities.bloc, body: membersFile(2016), headers: { 'content-type': 'text/csv' } });
    expect(bloc.status).toBe(403);
  });
});

describe('this year, entered in the system, and the roll-ups of every year', () => {
  it('builds the imported years’ roll-ups through the table’s stream, equal to a recount, counted as imported', async () => {
    const csv = 'Mã đảng viên,Chi bộ xếp loại\nM001,HTXSNV\nM002,HTXSNV\nM003,HTXSNV\nM004,KHTNV\nM005,HTTNV\nM006,HTTNV\nM007,HTTNV\nM008,HTTNV\nM009,HTTNV\n';
    expect((await t.request('/api/v1/campaigns/2021/units/c1/results?dryRun=false', { method: 'POST', as: identities.cell, body: csv, headers: { 'content-type': 'text/csv' } })).status).toBe(200);
    expect((await t.request('/api/v1/campaigns/2021/units/c1/collective', { method: 'PUT', as: identities.cell, body: JSON.stringify({ decided: 'excellent', rev: 1 }) })).status).toBe(200);
    await consumer.drain();
    const r2020 = await loadRollup(store, province, 2020, 'p1');
    expect(r2020.members).toMatchObject({ total: 6, rated: 5, excellent: 2, good: 2, incomplete: 1, exempt: 1, disciplined: 1, pending: 0 });
    expect(r2020.units).toMatchObject({ total: 4, rated: 2, excellent: 2, notRated: 2 });
    expect(r2020.workflow).toMatchObject({ approved: 4, draft: 0 });
    const r2017 = await loadRollup(store, province, 2017, 'bc2');
    expect(r2017.units).toMatchObject({ total: 1, notRated: 1 });
    const years = await loadRollupYears(store, 't1');
    for (const y of years.filter((x) => x.campaign.year < 2021)) {
      const recount = await naiveRecount(store, 't1', y, 'p1');
      const stored = await loadRollup(store, province, y.campaign.year, 'p1');
      expect(stored.members, String(y.campaign.year)).toEqual(recount.get('p1')!.members);
      expect(stored.units, String(y.campaign.year)).toEqual(recount.get('p1')!.units);
    }
    const reports = await reconcileTenant(store, 't1');
    for (const r of reports) expect([r.year, r.ownRepaired, r.rollupRepaired]).toEqual([r.year, [], []]);
  });

  it('dashboards show the imported years, marked, and compare this year with them', async () => {
    const page2020 = await (await t.request('/dashboard/2020/units/p1', { as: province })).text();
    expect(page2020).toContain('data-testid="imported-year"');
    expect(page2020).toContain('nhập từ số liệu năm trước');
    const page2021 = await (await t.request('/dashboard/2021/units/p1', { as: province })).text();
    expect(page2021).toContain('Năm 2020 (nhập từ số liệu năm trước)');
    expect(page2021).toMatch(/<option value="2017">2017 \(nhập từ số liệu năm trước\)<\/option>/);
    const history = await (await t.request('/units/p1/history', { as: province })).text();
    expect(history.match(/data-testid="imported-mark"/g)).toHaveLength(4);
  });
});

describe('rewards from the results and the history', () => {
  it('five years — four imported — make a member eligible for the five-year awards; a gap year or an exempt year does not', async () => {
    const res = await t.request('/api/v1/campaigns/2021/units/c1/rewards', { as: identities.cell });
    expect(res.status).toBe(200);
    const list = await res.json();
    const awards = (id: string) => list.members.find((m: { memberId: string }) => m.memberId === id).proposals.map((p: { award: string }) => p.award);
    expect(awards('M001')).toEqual(['baseCertificate', 'upperCertificate', 'provinceCertificate']);
    expect(awards('M002')).toEqual(['baseCertificate']);
    expect(awards('M003')).toEqual(['baseCertificate']);
    const m001 = list.members.find((m: { memberId: string }) => m.memberId === 'M001');
    expect(m001.proposals[2]).toMatchObject({ years: [2021, 2020, 2019, 2018, 2017], importedYears: [2020, 2019, 2018, 2017] });
    expect(m001.history.map((h: { year: number; imported: boolean }) => [h.year, h.imported])).toEqual([[2017, true], [2018, true], [2019, true], [2020, true], [2021, false]]);
    expect(list.members.find((m: { memberId: string }) => m.memberId === 'M004').flags.map((f: { ruleId: string }) => f.ruleId)).toEqual(['R-CONS-01']);
    expect(list.organisations.find((o: { unitId: string }) => o.unitId === 'c1').proposals.map((p: { award: string }) => p.award)).toEqual(['baseCertificate', 'upperCertificate', 'provinceCertificate']);
    expect(list.interpretations.map((i: { ruleId: string }) => i.ruleId)).toEqual(expect.arrayContaining(['R-REW-01', 'R-CONS-01']));
  });

  it('the list is in the dossier and as an .xlsx that LibreOffice opens', async () => {
    const dossier = await (await t.request('/campaigns/2021/units/c1', { as: identities.cell })).text();
    expect(dossier).toContain('href="/campaigns/2021/units/c1/rewards"');
    const page = await (await t.request('/campaigns/2021/units/c1/rewards', { as: identities.cell })).text();
    expect(page).toContain('Bằng khen của Ban Thường vụ Tỉnh ủy: Hoàn thành xuất sắc nhiệm vụ 5 năm liền (2017–2021)');
    const res = await t.request('/api/v1/campaigns/2021/units/c1/rewards.xlsx', { as: identities.cell });
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const bytes = Buffer.from(await res.arrayBuffer());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    const cells = book.worksheets[0]!.getSheetValues().flat().filter((v): v is string => typeof v === 'string');
    expect(cells).toContain('Lê Hồng Vũ');
    expect(cells.some((c) => c.includes('2017: HTXSNV* · 2018: HTXSNV* · 2019: HTXSNV* · 2020: HTXSNV* · 2021: HTXSNV'))).toBe(true);
    const dir = await mkdtemp(join(tmpdir(), 'rewards-'));
    try {
      const file = join(dir, 'de-nghi-khen-thuong.xlsx');
      await writeFile(file, bytes);
      const text = collapse(await docxToText(file));
      expect(text).toContain('Danh sách đề nghị khen thưởng năm 2021');
      expect(text).toContain('Lê Hồng Vũ');
      expect(text).toContain('Không hoàn thành nhiệm vụ hai năm liền');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('Biểu 2 column 18 counts the members proposed, per unit', async () => {
    const res = await t.request('/api/v1/campaigns/2021/units/bc1/bieu-2.xlsx', { as: identities.baseCommittee });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const rows = book.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    const c1 = rows.find((r) => r.includes('Chi bộ Bệnh viện Phổi'))!;
    expect(c1.at(-1)).toBe('HTXS trong năm: 3; HTXS 5 năm liền: 1');
  });
});
