import { beforeAll, describe, expect, it } from 'vitest';
// The app first: its OpenAPI schemas extend zod before any other module builds one.
import { createTestApp, type TestApp } from '../support/app';
import ExcelJS from 'exceljs';
import { getDossier, readResults, updateDossier, listAudit, getMember, listUnitMembers, getUnit, listChildren, type Store } from '@kd/data';
import { evaluateMember, resolveRulebook } from '@kd/domain';
import { createTestStore } from '../support/store';
import { identities, seedFixture } from '../support/fixture';
import { XLSX_CONTENT_TYPE, csvOf, formulaCells, itemCount, postFile, resultsPath, rosterPath } from './uploads-support';
import { putTestCampaign } from '../support/rollups';

let store: Store;
let t: TestApp;

beforeAll(async () => {
  store = await createTestStore('uploads');
  await seedFixture(store);
  // Results go to an opened campaign (a year without one is 404).
  await putTestCampaign(store, 't1', 2021);
  await putTestCampaign(store, 't1', 2022);
  t = await createTestApp(store);
});

async function download(path: string, as = identities.cell): Promise<ExcelJS.Workbook> {
  const res = await t.request(path, { as });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe(XLSX_CONTENT_TYPE);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}

/** Header text → column number of a template's first sheet. */
function columnsOf(ws: ExcelJS.Worksheet): Map<string, number> {
  const map = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => map.set(String(cell.value), col));
  return map;
}

describe('results: template, dry run, commit (round trip)', () => {
  it('fills the downloaded template with exceljs, and the stored evaluations equal the dry run’s', async () => {
    const wb = await download('/api/v1/campaigns/2021/units/c1/results-template');
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(wb.getWorksheet('Hướng dẫn')).toBeDefined();
    const col = columnsOf(ws);
    const ids: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1 && row.getCell(col.get('Mã đảng viên')!).value) ids.push(String(row.getCell(col.get('Mã đảng viên')!).value));
    });
    expect(ids.sort()).toEqual(['M001', 'M002', 'M003', 'M004', 'M005', 'M006', 'M007', 'M008', 'M009']);
    for (let n = 2; n <= ids.length + 1; n++) {
      const row = ws.getRow(n);
      const id = String(row.getCell(col.get('Mã đảng viên')!).value);
      row.getCell(col.get('Tự xếp loại')!).value = 'Hoàn thành tốt nhiệm vụ';
      row.getCell(col.get('Chi bộ xếp loại')!).value = id === 'M004' ? 'Hoàn thành xuất sắc nhiệm vụ' : 'HTTNV';
      if (id === 'M004') row.getCell(col.get('Số kỳ vắng sinh hoạt')!).value = 3; // capped at good: a violation, not an error
      if (id === 'M005') row.getCell(col.get('Hình thức kỷ luật trong năm')!).value = 'Khiển trách';
    }
    const file = new Uint8Array(await wb.xlsx.writeBuffer());

    const before = await itemCount(store);
    const dry = await postFile(t, resultsPath(2021, 'c1', true), file, XLSX_CONTENT_TYPE);
    expect(dry.status).toBe(200);
    const dryAnswer = await dry.json();
    expect(dryAnswer).toMatchObject({ rows: 9, accepted: 9, committed: false, version: null, errors: [], errorCount: 0 });
    expect(dryAnswer.evaluations).toHaveLength(9);
    expect(dryAnswer.violations.some((v: { memberId: string }) => v.memberId === 'M004')).toBe(true);
    expect(dryAnswer.evaluations.find((e: { memberId: string }) => e.memberId === 'M005')).toMatchObject({ final: 'incomplete', forced: 'incomplete' });
    expect(await itemCount(store)).toBe(before);

    const commit = await postFile(t, resultsPath(2021, 'c1', false), file, XLSX_CONTENT_TYPE);
    expect(commit.status).toBe(200);
    const committed = await commit.json();
    expect(committed).toMatchObject({ committed: true, version: 1, unchanged: false });
    expect(committed.evaluations).toEqual(dryAnswer.evaluations);

    // Read back what was stored and evaluate it with the year's rulebook, as any reader does.
    const stored = await readResults(store, 't1', 'c1', 2021);
    const members = new Map((await listUnitMembers(store, 't1', 'c1')).map((m) => [m.id, m]));
    const rulebook = resolveRulebook('r2019', ['s000-2021']);
    const readBack = dryAnswer.evaluations.map((e: { memberId: string }) =>
      evaluateMember({ rulebook, member: members.get(e.memberId)!, facts: stored.get(e.memberId)!.facts, year: 2021, ratingDate: '2021-12-20', collectiveRating: null }),
    );
    expect(readBack).toEqual(dryAnswer.evaluations);

    // The same file again: no new version, no audit entry, nothing written.
    const countAfter = await itemCount(store);
    const again = await postFile(t, resultsPath(2021, 'c1', false), file, XLSX_CONTENT_TYPE);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ committed: true, version: 1, unchanged: true });
    expect(await itemCount(store)).toBe(countAfter);
    const audit = await listAudit(store, 't1', 'c1');
    expect(audit.entries.filter((e) => e.action === 'results.commit')).toHaveLength(1);

    // The template handed out now carries the committed facts.
    const next = await download('/api/v1/campaigns/2021/units/c1/results-template');
    const nws = next.worksheets[0]!;
    const ncol = columnsOf(nws);
    const m004 = nws.getRows(2, 9)!.find((r) => r.getCell(ncol.get('Mã đảng viên')!).value === 'M004')!;
    expect(m004.getCell(ncol.get('Số kỳ vắng sinh hoạt')!).value).toBe(3);
    expect(m004.getCell(ncol.get('Chi bộ xếp loại')!).value).toBe('Hoàn thành xuất sắc nhiệm vụ');
  });

  it('lists row errors with row and column, and refuses the commit with 422 writing nothing', async () => {
    const csv = csvOf([
      ['Mã đảng viên', 'Họ và tên', 'Số ngày nghỉ ốm', 'Chi bộ xếp loại'],
      ['M002', 'Nguyễn Văn An', '3', 'HTTNV'],
      ['M003', 'Trần Thị Ánh', 'ba', 'HTTNV'],
      ['X999', '', '', 'HTT'],
      ['M004', 'Người Khác', '', 'Tốt lắm'],
    ]);
    const before = await itemCount(store);
    const dry = await postFile(t, resultsPath(2021, 'c1', true), csv, 'text/csv');
    expect(dry.status).toBe(200);
    expect((await dry.json()).errorCount).toBe(4);
    const commit = await postFile(t, resultsPath(2021, 'c1', false), csv, 'text/csv; charset=utf-8');
    expect(commit.status).toBe(422);
    const answer = await commit.json();
    expect(answer.error.code).toBe('UPLOAD_HAS_ERRORS');
    expect(answer).toMatchObject({ rows: 4, accepted: 1, committed: false, version: null });
    expect(answer.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'Số ngày nghỉ ốm', code: 'NOT_A_NUMBER' }),
        expect.objectContaining({ row: 4, column: 'Mã đảng viên', code: 'MEMBER_NOT_IN_ROSTER' }),
        expect.objectContaining({ row: 5, column: 'Họ và tên', code: 'NAME_MISMATCH' }),
        expect.objectContaining({ row: 5, column: 'Chi bộ xếp loại', code: 'UNKNOWN_RATING' }),
      ]),
    );
    expect(answer.evaluations.map((e: { memberId: string }) => e.memberId)).toEqual(['M002']);
    expect(await itemCount(store)).toBe(before);
  });

  it('reads a semicolon CSV with a BOM, and violations never block the commit', async () => {
    const csv = '\ufeff' + csvOf([['mã đảng viên', 'SỐ KỲ VẮNG SINH HOẠT', 'Chi bộ xếp loại'], ['M010', '4', 'Hoàn thành xuất sắc nhiệm vụ']], ';');
    const res = await postFile(t, resultsPath(2021, 'c2', false), csv, 'text/csv', identities.baseCommittee);
    expect(res.status).toBe(200);
    const answer = await res.json();
    expect(answer).toMatchObject({ committed: true, version: 1, errorCount: 0 });
    expect(answer.violations.filter((v: { memberId: string | null }) => v.memberId === 'M010').length).toBeGreaterThan(0);
    expect(answer.evaluations[0]).toMatchObject({ memberId: 'M010', decided: 'excellent', maxAllowed: 'good', final: 'good' });
  });

  it('refuses uploads to a submitted dossier with 409 UNIT_LOCKED, and to a unit that is not a cell', async () => {
    const csv = csvOf([['Mã đảng viên', 'Chi bộ xếp loại'], ['M011', 'HTTNV']]);
    const d = await getDossier(store, 't1', 'c3', 2021);
    const actor = { sub: 's', name: 'n', role: 'cell_secretary', unit: 'c3' };
    await updateDossier(store, 't1', 'c3', 2021, { from: ['draft'], expectedRev: d.rev, patch: { state: 'submitted' }, action: 'dossier.submit' }, { actor, at: '2021-12-21T00:00:00Z' });
    const before = await itemCount(store);
    for (const dryRun of [true, false]) {
      const res = await postFile(t, resultsPath(2021, 'c3', dryRun), csv, 'text/csv', identities.otherCell);
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe('UNIT_LOCKED');
    }
    const notCell = await postFile(t, resultsPath(2021, 'bc1', false), csv, 'text/csv', identities.baseCommittee);
    expect([notCell.status, (await notCell.json()).error.code]).toEqual([422, 'NOT_A_CELL']);
    const viewer = await postFile(t, resultsPath(2021, 'c1', false), csv, 'text/csv', identities.viewer);
    expect([viewer.status, (await viewer.json()).error.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    expect(await itemCount(store)).toBe(before);
  });

  it('keeps cells starting with = + - @ as text, and never writes them back as formulas', async () => {
    const notes = ['=1+2', '+84912345678', '-5', '@SUM(A1:A9)', '=HYPERLINK("http://example.invalid","x")'];
    const csv = csvOf([['Mã đảng viên', 'Ghi chú'], ...notes.map((n, i) => [`M00${i + 2}`, n])]);
    const res = await postFile(t, resultsPath(2022, 'c1', false), csv, 'text/csv');
    expect(res.status).toBe(200);
    const stored = await readResults(store, 't1', 'c1', 2022);
    expect(notes.map((_, i) => stored.get(`M00${i + 2}`)!.facts.note)).toEqual(notes);

    const template = await t.request('/api/v1/campaigns/2022/units/c1/results-template', { as: identities.cell });
    const bytes = await template.arrayBuffer();
    expect(await formulaCells(bytes)).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    const ws = wb.worksheets[0]!;
    const col = columnsOf(ws);
    const written = ws.getRows(2, 9)!.map((r) => r.getCell(col.get('Ghi chú')!).value).filter((v) => v !== null);
    expect(written.sort()).toEqual([...notes].sort());
  });
});

describe('roster uploads', () => {
  it('hands out a template with the cell’s members and their groups', async () => {
    const wb = await download('/api/v1/units/c1/roster-template');
    const ws = wb.worksheets[0]!;
    const col = columnsOf(ws);
    const m001 = ws.getRows(2, 9)!.find((r) => r.getCell(col.get('Mã đảng viên')!).value === 'M001')!;
    expect(m001.getCell(col.get('Họ và tên')!).value).toBe('Lê Hồng Vũ');
    expect(m001.getCell(col.get('Tổ đảng')!).value).toBe('Tổ đảng Khoa Nội');
    expect(m001.getCell(col.get('Chức vụ Đảng')!).value).toBe('Bí thư');
  });

  it('adds and updates members, creates groups by name, removes nobody, lists who was left out, with one audit entry', async () => {
    const csv = csvOf([
      ['Mã đảng viên', 'Họ và tên', 'Ngày vào Đảng', 'Ngày chính thức', 'Tổ đảng', 'Chức vụ chính quyền'],
      ['M002', 'Nguyễn Văn An', '19/05/2015', '19/05/2016', 'Tổ đảng Khoa Nội', 'Trưởng khoa'],
      ['M003', 'Trần Thị Ánh', '19/05/2015', '19/05/2016', '', ''],
      ['N100', 'Phan Thị Mới', '01/03/2021', '', 'Tổ đảng Khoa Ngoại', '=cmd|calc'],
    ]);
    const before = await itemCount(store);
    const dry = await postFile(t, rosterPath('c1', true), csv, 'text/csv');
    expect(dry.status).toBe(200);
    const plan = await dry.json();
    expect(plan).toMatchObject({ rows: 3, accepted: 3, committed: false, unchanged: false, members: { created: 1, updated: 1, unchanged: 1 } });
    expect(plan.groupsCreated.map((g: { name: string }) => g.name)).toEqual(['Tổ đảng Khoa Ngoại']);
    expect(plan.members.notInFile.map((m: { id: string }) => m.id).sort()).toEqual(['M001', 'M004', 'M005', 'M006', 'M007', 'M008', 'M009']);
    expect(await itemCount(store)).toBe(before);
    const auditBefore = (await listAudit(store, 't1', 'c1')).entries.length;

    const res = await postFile(t, rosterPath('c1', false), csv, 'text/csv');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ committed: true, members: { created: 1, updated: 1, unchanged: 1 } });
    const members = await listUnitMembers(store, 't1', 'c1');
    expect(members).toHaveLength(10);
    const group = (await listChildren(store, 't1', 'c1')).find((u) => u.name === 'Tổ đảng Khoa Ngoại')!;
    expect(group.kind).toBe('group');
    expect(await getMember(store, 't1', 'N100')).toMatchObject({ unitId: 'c1', groupId: group.id, governmentPosition: '=cmd|calc', officialOn: null });
    expect(await getMember(store, 't1', 'M002')).toMatchObject({ governmentPosition: 'Trưởng khoa', groupId: 'g1', version: 2 });
    expect((await getUnit(store, 't1', 'c1'))!.memberCount).toBe(10);
    const audit = (await listAudit(store, 't1', 'c1')).entries;
    expect(audit.length - auditBefore).toBe(1);
    expect(audit[0]).toMatchObject({ action: 'roster.upload', after: { created: 1, updated: 1 } });

    // Again: nothing changes, nothing is written.
    const count = await itemCount(store);
    const again = await postFile(t, rosterPath('c1', false), csv, 'text/csv');
    expect(await again.json()).toMatchObject({ committed: true, unchanged: true, members: { created: 0, updated: 0, unchanged: 3 } });
    expect(await itemCount(store)).toBe(count);

    // The roster template never writes a stored "=…" back as a formula.
    const template = await t.request('/api/v1/units/c1/roster-template', { as: identities.cell });
    expect(await formulaCells(await template.arrayBuffer())).toEqual([]);
  });

  it('leaves the fields of columns the file does not have as they are', async () => {
    const csv = csvOf([['Mã đảng viên', 'Họ và tên', 'Ngày vào Đảng'], ['M001', 'Lê Hồng Vũ', '19/05/2015']]);
    const res = await postFile(t, rosterPath('c1', false), csv, 'text/csv');
    expect(await res.json()).toMatchObject({ unchanged: true, members: { unchanged: 1 } });
    expect(await getMember(store, 't1', 'M001')).toMatchObject({ partyPosition: 'secretary', groupId: 'g1', officialOn: '2016-05-19' });
  });

  it('refuses a member of another unit (MEMBER_IN_OTHER_UNIT) and duplicated ids, writing nothing', async () => {
    const csv = csvOf([
      ['Mã đảng viên', 'Họ và tên', 'Ngày vào Đảng'],
      ['M010', 'Đỗ Văn Long', '19/05/2015'],
      ['N200', 'Người Một', '19/05/2015'],
      ['N200', 'Người Hai', '19/05/2015'],
    ]);
    const before = await itemCount(store);
    const res = await postFile(t, rosterPath('c1', false), csv, 'text/csv');
    expect(res.status).toBe(422);
    const answer = await res.json();
    expect(answer.error.code).toBe('UPLOAD_HAS_ERRORS');
    expect(answer.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [2, 'MEMBER_IN_OTHER_UNIT'],
      [4, 'DUPLICATE_MEMBER_ID'],
    ]);
    expect(await itemCount(store)).toBe(before);
  });
});
