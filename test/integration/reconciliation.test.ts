import { beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
// The app first: @hono/zod-openapi extends zod before any schema the routes describe is built.
import { createTestApp, testNationalIdKeys, type TestApp } from '../support/app';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import ExcelJS from 'exceljs';
import { batchPut, getIdentity, getMember, identityItem, listAudit, memberItem, type Store } from '@kd/data';
import { Member, type LocalDate } from '@kd/domain';
import { createTestStore } from '../support/store';
import { identities, seedFixture } from '../support/fixture';
import { readZipEntry } from '../support/office';

/**
 * Reconciliation with the central party-member database (issue 18): a 2,000-row export with every
 * kind of difference reported exactly, corrections here audited, and no full national id anywhere.
 */
const MARKER = '079123456789';
const province = identities.province;
const cells = ['c1', 'c2', 'c3'] as const;
const centralCell: Record<string, string> = { c1: 'CB Một', c2: 'CB Hai', c3: 'CB Ba' };
let store: Store;
let t: TestApp;
const seen: string[] = [];
const logged: string[] = [];

const day = (from: string, n: number): LocalDate => new Date(Date.parse(`${from}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10) as LocalDate;
const vn = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;
const id = (i: number) => `R${String(i).padStart(4, '0')}`;
const nid = (i: number, salt = 0) => `0010${String(salt)}${String(i).padStart(7, '0')}`.slice(0, 12).padEnd(12, '0');

/** Our members R0001…R1960 across three cells; even ones official. */
function ours(i: number): Member {
  const admittedOn = day('1990-01-01', i);
  return Member.parse({
    id: id(i), unitId: cells[i % 3], fullName: `Nguyễn Văn Thử ${i}`, birthDate: day('1960-01-01', i), admittedOn,
    officialOn: i % 2 === 0 ? day(admittedOn, 365) : null,
  });
}
// Pairs sharing a name and a birth date (1921…1930): matching by them alone is ambiguous.
const member = (i: number) => (i >= 1921 && i <= 1930 ? Member.parse({ ...ours(i), fullName: `Trần Văn Trùng ${Math.ceil((i - 1920) / 2)}`, birthDate: '1970-07-07' }) : ours(i));

interface Row { card: string; name: string; birth: string; nid: string; status: string; admitted: string; cell: string }
function row(i: number, change: Partial<Row> = {}): Row {
  const m = member(i);
  return {
    card: m.id, name: m.fullName, birth: vn(m.birthDate!), nid: '', status: m.officialOn ? 'Chính thức' : 'Dự bị', admitted: vn(m.admittedOn), cell: centralCell[m.unitId]!, ...change,
  };
}
const nextCell = (i: number) => centralCell[cells[(i + 1) % 3]!]!;

/** The export, and what each member's entry must say. */
function buildExport() {
  const rows: Row[] = [];
  const expected = new Map<string, string[]>();
  const diff = (i: number, fields: string[], change: Partial<Row>) => {
    rows.push(row(i, change));
    expected.set(id(i), fields);
  };
  for (let i = 1; i <= 1500; i++) rows.push(row(i, i === 1 ? { nid: MARKER } : {}));
  for (let i = 1501; i <= 1550; i++) diff(i, ['fullName'], { name: `Trần Thị Khác ${i}` });
  for (let i = 1551; i <= 1600; i++) diff(i, ['birthDate'], { birth: vn(day(member(i).birthDate!, 1)) });
  for (let i = 1601; i <= 1650; i++) diff(i, ['admittedOn'], { admitted: vn(day(member(i).admittedOn, -3)) });
  for (let i = 1651; i <= 1700; i++) diff(i, ['status'], { status: member(i).officialOn ? 'Dự bị' : 'Chính thức' });
  for (let i = 1701; i <= 1750; i++) diff(i, ['cell'], { cell: nextCell(i) });
  for (let i = 1751; i <= 1770; i++) {
    diff(i, ['cell', 'fullName', 'birthDate', 'admittedOn', 'status'], {
      name: `Lê Thị Khác ${i}`, birth: vn(day(member(i).birthDate!, 2)), admitted: vn(day(member(i).admittedOn, 5)), status: member(i).officialOn ? 'Dự bị' : 'Chính thức', cell: nextCell(i),
    });
  }
  for (let i = 1771; i <= 1790; i++) diff(i, ['nationalId'], { nid: nid(i, 9) });
  for (let i = 1791; i <= 1840; i++) rows.push(row(i, { card: '', nid: nid(i) }));
  for (let i = 1841; i <= 1870; i++) rows.push(row(i, { card: '' }));
  for (let i = 1871; i <= 1880; i++) rows.push(row(i, { cell: 'CB Lạ' }));
  for (let p = 1; p <= 5; p++) rows.push({ card: '', name: `Trần Văn Trùng ${p}`, birth: '07/07/1970', nid: '', status: 'Chính thức', admitted: '01/01/2000', cell: 'CB Một' });
  rows.push({ ...row(1, { card: 'E0001', name: 'Sai Số Định Danh', nid: '07912345678X' }) });
  rows.push({ ...row(1, { card: 'E0002', name: 'Sai Ngày Sinh', birth: '31/02/1980' }) });
  const onlyThere = 2000 - rows.length - 1;
  for (let k = 1; k <= onlyThere; k++) rows.push({ card: `X${String(k).padStart(4, '0')}`, name: `Người Ngoài ${k}`, birth: '01/01/1980', nid: '', status: 'Chính thức', admitted: '01/01/2005', cell: 'CB Hai' });
  rows.push({ card: 'X0001', name: 'Trùng Số Thẻ', birth: '01/01/1980', nid: '', status: 'Chính thức', admitted: '01/01/2005', cell: 'CB Hai' });
  const csv = ['STT,Số thẻ đảng viên,Họ và tên,Ngày sinh,Số định danh cá nhân,Loại đảng viên,Ngày vào Đảng,Chi bộ,Quê quán']
    .concat(rows.map((r, k) => [k + 1, r.card, r.name, r.birth, r.nid, r.status, r.admitted, r.cell, 'Trà Vinh'].join(',')))
    .join('\n');
  return { csv, rows: rows.length, expected, onlyThere };
}

async function call(path: string, init: RequestInit & { as?: typeof province } = {}) {
  const res = await t.request(path, { as: province, ...init });
  const body = res.headers.get('content-type')?.includes('spreadsheetml') ? await xlsxText(Buffer.from(await res.arrayBuffer())) : await res.text();
  seen.push(body);
  return { status: res.status, body, json: () => JSON.parse(body) };
}

async function xlsxText(bytes: Buffer): Promise<string> {
  return (await readZipEntry(bytes, 'xl/sharedStrings.xml').catch(() => '')) + (await readZipEntry(bytes, 'xl/worksheets/sheet1.xml'));
}

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')));
  }
  store = await createTestStore('reconcile');
  await seedFixture(store);
  await batchPut(store, Array.from({ length: 1960 }, (_, k) => memberItem('t1', member(k + 1))));
  const hash = await testNationalIdKeys().hasherFor('t1');
  await batchPut(store, [
    ...Array.from({ length: 20 }, (_, k) => 1771 + k).map((i) => identityItem('t1', { memberId: id(i), partyCardNumber: null, nationalIdHash: hash(nid(i)), nationalIdLast4: nid(i).slice(-4), version: 1, updatedAt: null })),
    ...Array.from({ length: 50 }, (_, k) => 1791 + k).map((i) => identityItem('t1', { memberId: id(i), partyCardNumber: null, nationalIdHash: hash(nid(i)), nationalIdLast4: nid(i).slice(-4), version: 1, updatedAt: null })),
  ]);
  t = await createTestApp(store, '2022-03-01T03:00:00.000Z');
});

afterAll(() => vi.restoreAllMocks());

describe('reconciliation with the central party-member database', () => {
  let runId = '';
  const built = buildExport();

  it('keeps a member’s national id as a keyed hash and its last four digits', async () => {
    const put = await call(`/api/v1/members/${id(1)}/identity`, { method: 'PUT', body: JSON.stringify({ nationalId: MARKER, partyCardNumber: id(1), version: 0 }) });
    expect(put.status).toBe(200);
    expect(put.json()).toEqual({ memberId: id(1), partyCardNumber: id(1), nationalIdLast4: '6789', hasNationalId: true, version: 1 });
    const bad = await call(`/api/v1/members/${id(2)}/identity`, { method: 'PUT', body: JSON.stringify({ nationalId: '0791234X', version: 0 }) });
    expect([bad.status, bad.json().error.code]).toEqual([422, 'NATIONAL_ID_INVALID']);
    expect((await getIdentity(store, 't1', id(1))).nationalIdHash).toMatch(/^[\w-]{43}$/);
  });

  it('reports a 2,000-row export exactly: only here, only there, and every kind of difference', async () => {
    const mapped = await call('/api/v1/units/p1/reconciliation/cell-mapping', {
      method: 'PUT', body: JSON.stringify({ value: [{ centralName: 'CB Một', unitId: 'c1' }, { centralName: 'cb  hai', unitId: 'c2' }, { centralName: 'CB Ba', unitId: 'c3' }], version: 0 }),
    });
    expect(mapped.status).toBe(200);
    const refused = await call('/api/v1/units/p1/reconciliation/cell-mapping', { method: 'PUT', body: JSON.stringify({ value: [{ centralName: 'CB Một', unitId: 'bc1' }], version: 1 }) });
    expect(refused.json().error.code).toBe('CELL_MAPPING_INVALID');
    expect(built.rows).toBe(2000);
    const res = await call('/api/v1/units/p1/reconciliation/runs', { method: 'POST', body: built.csv, headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(201);
    const { summary, entries, errors } = res.json();
    runId = summary.runId;
    expect(errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([[1887, 'INVALID_NATIONAL_ID'], [1888, 'NOT_A_DATE'], [2001, 'DUPLICATE_CARD_NUMBER']]);
    expect(summary).toMatchObject({
      fileRows: 2000, accepted: 1997, errorCount: 3,
      matched: { card: 1800, nationalId: 50, nameBirth: 30 }, same: 1590, differing: 290, onlyThere: built.onlyThere + 5, onlyHere: 80 + 11, outsideScope: 0,
      unmappedCells: [{ name: 'CB Lạ', rows: 10 }],
    });
    const differs = new Map<string, string[]>(entries.filter((e: { kind: string }) => e.kind === 'differs').map((e: { ours: { memberId: string }; differences: { field: string }[] }) => [e.ours.memberId, e.differences.map((d) => d.field)]));
    expect(differs).toEqual(built.expected);
    const onlyHere = entries.filter((e: { kind: string }) => e.kind === 'onlyHere').map((e: { ours: { memberId: string } }) => e.ours.memberId);
    // The fixture's eleven members (M001…M011) are not in the export either.
    const fixture = Array.from({ length: 11 }, (_, k) => `M${String(k + 1).padStart(3, '0')}`);
    expect([...onlyHere].sort()).toEqual([...fixture, ...Array.from({ length: 80 }, (_, k) => id(1881 + k))]);
    const onlyThere = entries.filter((e: { kind: string }) => e.kind === 'onlyThere');
    expect(onlyThere.filter((e: { note: string | null }) => e.note?.includes('cùng họ tên và ngày sinh'))).toHaveLength(5);
    const r1751 = entries.find((e: { ours?: { memberId: string } }) => e.ours?.memberId === id(1751));
    expect(r1751.differences.find((d: { field: string }) => d.field === 'cell')).toEqual({ field: 'cell', ours: member(1751).unitId, central: cells[(1751 + 1) % 3] });
    const r1771 = entries.find((e: { ours?: { memberId: string } }) => e.ours?.memberId === id(1771));
    expect(r1771.differences).toEqual([{ field: 'nationalId', ours: nid(1771).slice(-4), central: nid(1771, 9).slice(-4) }]);
  });

  it('reads the same export as an .xlsx (ExcelJS, dates as Excel dates, ids as text) to the same report', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Danh sách đảng viên');
    const [head, ...lines] = built.csv.split('\n');
    sheet.addRow(head!.split(','));
    // A real date becomes an Excel date; one that is no date (31/02/1980) stays the text the export printed.
    const asDate = (v: string) => {
      const d = /^\d\d\/\d\d\/\d{4}$/.test(v) ? new Date(Date.UTC(+v.slice(6), +v.slice(3, 5) - 1, +v.slice(0, 2))) : null;
      return d && d.getUTCDate() === +v.slice(0, 2) ? d : v;
    };
    for (const line of lines) {
      const cells = line.split(',');
      sheet.addRow(cells.map((v, k) => (k === 0 ? Number(v) : k === 3 || k === 6 ? asDate(v) : v)));
    }
    for (const k of [4, 7]) sheet.getColumn(k).numFmt = 'dd/mm/yyyy';
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const res = await call('/api/v1/units/p1/reconciliation/runs', { method: 'POST', body: bytes, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
    expect(res.status).toBe(201);
    const { summary, entries, errors } = res.json();
    expect(errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([[1887, 'INVALID_NATIONAL_ID'], [1888, 'NOT_A_DATE'], [2001, 'DUPLICATE_CARD_NUMBER']]);
    expect(summary).toMatchObject({ fileRows: 2000, accepted: 1997, matched: { card: 1800, nationalId: 50, nameBirth: 30 }, same: 1590, differing: 290, onlyHere: 91 });
    const differs = new Map<string, string[]>(entries.filter((e: { kind: string }) => e.kind === 'differs').map((e: { ours: { memberId: string }; differences: { field: string }[] }) => [e.ours.memberId, e.differences.map((d) => d.field)]));
    expect(differs).toEqual(built.expected);
  });

  const decide = (n: number, body: object) => call(`/api/v1/units/p1/reconciliation/runs/${runId}/entries/${n}/decision`, { method: 'POST', body: JSON.stringify(body) });
  const entryOf = async (memberId: string) => (await call(`/api/v1/units/p1/reconciliation/runs/${runId}`)).json().entries.find((e: { ours?: { memberId: string } }) => e.ours?.memberId === memberId);

  it('corrects here where the central record is right, in one audited transaction', async () => {
    const name = await entryOf(id(1501));
    expect((await decide(name.n, { decision: 'central' })).json()).toMatchObject({ decision: 'central', applied: ['fullName'] });
    expect((await getMember(store, 't1', id(1501)))!.fullName).toBe('Trần Thị Khác 1501');
    const audit = (await listAudit(store, 't1', member(1501).unitId)).entries.find((e) => e.action === 'member.reconcile' && e.target === id(1501))!;
    expect(audit).toMatchObject({ before: { fullName: 'Nguyễn Văn Thử 1501' }, after: { fullName: 'Trần Thị Khác 1501' }, actor: { sub: province.sub } });
    expect(audit.reason).toMatch(/Đối chiếu với CSDL đảng viên/);

    const move = await entryOf(id(1701));
    await decide(move.n, { decision: 'central' });
    const moved = (await getMember(store, 't1', id(1701)))!;
    expect(moved.unitId).toBe(cells[(1701 + 1) % 3]);
    for (const unit of [member(1701).unitId, moved.unitId]) {
      expect((await listAudit(store, 't1', unit)).entries.some((e) => e.action === 'member.reconcile' && e.target === id(1701))).toBe(true);
    }

    const status = await entryOf(id(1651));
    const withoutDate = await decide(status.n, { decision: 'central' });
    expect([withoutDate.status, withoutDate.json().error.code]).toEqual([422, 'OFFICIAL_DATE_REQUIRED']);
    await decide(status.n, { decision: 'central', officialOn: '2000-01-01' });
    expect((await getMember(store, 't1', id(1651)))!.officialOn).toBe('2000-01-01');

    const idEntry = await entryOf(id(1771));
    await decide(idEntry.n, { decision: 'central' });
    expect((await getIdentity(store, 't1', id(1771))).nationalIdLast4).toBe(nid(1771, 9).slice(-4));
    const idAudit = (await listAudit(store, 't1', member(1771).unitId)).entries.find((e) => e.action === 'member.reconcile' && e.target === id(1771))!;
    expect(idAudit.after).toEqual({ partyCardNumber: null, nationalIdLast4: nid(1771, 9).slice(-4) });
    expect(JSON.stringify(idAudit)).not.toContain(nid(1771, 9));

    const again = await decide(name.n, { decision: 'ours' });
    expect(again.status).toBe(409);
    const there = (await call(`/api/v1/units/p1/reconciliation/runs/${runId}`)).json().entries.find((e: { kind: string }) => e.kind === 'onlyThere');
    expect((await decide(there.n, { decision: 'central' })).json().error.code).toBe('NOT_CORRECTABLE');
  });

  it('lists where ours is right in an .xlsx of corrections to send up', async () => {
    const birth = await entryOf(id(1551));
    await decide(birth.n, { decision: 'ours' });
    const here = await entryOf(id(1881));
    await decide(here.n, { decision: 'ours' });
    const res = await t.request(`/api/v1/units/p1/reconciliation/runs/${runId}/corrections.xlsx`, { as: province });
    const bytes = Buffer.from(await res.arrayBuffer());
    seen.push(await xlsxText(bytes));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as never);
    const rows = (book.worksheets[0]!.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    const lines = rows.filter((r) => /^\d+$/.test(String(r[0])));
    expect(lines.map((r) => [r[1], r[4], r[5], r[6]])).toEqual([
      [id(1551), 'Ngày sinh', vn(day(member(1551).birthDate!, 1)), vn(member(1551).birthDate!)],
      [id(1881), 'Bổ sung đảng viên vào CSDL', '', expect.stringContaining('Nguyễn Văn Thử 1881')],
    ]);
  });

  it('a second run finds the corrected members the same, through an edited header mapping', async () => {
    const current = (await call('/api/v1/units/p1/reconciliation/mappings')).json();
    const value = { ...current.headers.value, partyCardNumber: ['SỐ THẺ'], cellName: ['Nơi sinh hoạt đảng'] };
    expect((await call('/api/v1/units/p1/reconciliation/header-mapping', { method: 'PUT', body: JSON.stringify({ value, version: current.headers.version }) })).status).toBe(200);
    const csv = built.csv.replace('Số thẻ đảng viên', 'Số thẻ').replace(',Chi bộ,', ',Nơi sinh hoạt đảng,').replace('STT,Số thẻ,', 'STT,SỐ THẺ,');
    const res = await call('/api/v1/units/p1/reconciliation/runs', { method: 'POST', body: csv, headers: { 'content-type': 'text/csv' } });
    const { summary, entries } = res.json();
    expect(summary.differing).toBe(290 - 4);
    for (const i of [1501, 1701, 1651, 1771]) expect(entries.some((e: { ours?: { memberId: string } }) => e.ours?.memberId === id(i)), id(i)).toBe(false);
  });

  it('pages show the run with the last four digits only', async () => {
    const page = await call(`/units/p1/reconciliation/runs/${runId}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Kết quả đối chiếu');
    // The entries come a page at a time: the member's entry is found by its id.
    const found = await call(`/units/p1/reconciliation/runs/${runId}?q=${id(1771)}`);
    expect(found.body).toContain(`CCCD ••••••••${nid(1771, 9).slice(-4)}`);
    expect(found.body).not.toContain(nid(1771, 9));
    expect((await call('/units/p1/reconciliation')).status).toBe(200);
    expect((await call(`/api/v1/members/${id(1)}/identity`)).json().nationalIdLast4).toBe('6789');
  });

  it('no stored item, answer, page, export or log line holds a full national id', async () => {
    const items: unknown[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const out = await store.doc.send(new ScanCommand({ TableName: store.tableName, ExclusiveStartKey }));
      items.push(...(out.Items ?? []));
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    expect(items.length).toBeGreaterThan(2000);
    const everything = [JSON.stringify(items), ...seen, ...logged];
    for (const full of [MARKER, nid(1771), nid(1771, 9), nid(1800)]) {
      expect(everything.filter((text) => text.includes(full)), full).toEqual([]);
    }
    expect(seen.length).toBeGreaterThan(10);
  });
});
