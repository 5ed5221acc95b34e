import { beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import type { Store } from '@kd/data';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';
import { identities, seedFixture } from '../support/fixture';
import { buildZip, repeatedEntry, workbookParts, SHEET_PREFIX } from '../files/spreadsheet/zip-builder';
import { toTcvn3, toVni } from '../files/spreadsheet/legacy-text';
import { XLSX_CONTENT_TYPE, csvOf, itemCount, postFile, resultsPath, rosterPath } from './uploads-support';
import { putTestCampaign } from '../support/rollups';

let store: Store;
let t: TestApp;

beforeAll(async () => {
  store = await createTestStore('uploads-hostile');
  await seedFixture(store);
  // Results go to an opened campaign (a year without one is 404).
  await putTestCampaign(store, 't1', 2021);
  t = await createTestApp(store);
});

/** Posts a results commit (the worst case: it would write) and expects a refusal that wrote nothing. */
async function refused(body: BodyInit, contentType: string, path = resultsPath(2021, 'c1', false)) {
  const before = await itemCount(store);
  const res = await postFile(t, path, body, contentType);
  const answer = await res.json();
  expect(await itemCount(store)).toBe(before);
  return { status: res.status, code: answer.error?.code as string | undefined, answer };
}

/** Runs `f`, sampling this process's resident memory every 5 ms. */
async function measured<T>(f: () => Promise<T>): Promise<{ value: T; ms: number; rssGrowth: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  try {
    const value = await f();
    return { value, ms: performance.now() - started, rssGrowth: Math.max(peak, process.memoryUsage().rss) - before };
  } finally {
    clearInterval(timer);
  }
}

/** A web stream of `count` lines produced as it is read: the file never exists whole in the test. */
function linesStream(header: string, line: (i: number) => string, count: number, pulled: { lines: number } = { lines: 0 }): ReadableStream<Uint8Array> {
  let i = 0;
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      if (i === 0) controller.enqueue(encoder.encode(`${header}\n`));
      let chunk = '';
      while (i < count && chunk.length < 64 * 1024) chunk += `${line(i++)}\n`;
      pulled.lines = i;
      if (chunk) controller.enqueue(encoder.encode(chunk));
      if (i >= count) controller.close();
    },
  });
}

/** Text as Vietnamese Windows writes it in code page 1258: vowels precomposed, tone marks combining. */
function windows1258(text: string): Buffer {
  const tones = /[\u0300\u0301\u0303\u0309\u0323]/;
  const split = [...text.normalize('NFC')]
    .map((ch) => {
      const parts = [...ch.normalize('NFD')];
      const tone = parts.find((p) => tones.test(p));
      return tone ? parts.filter((p) => p !== tone).join('').normalize('NFC') + tone : ch;
    })
    .join('');
  return iconv.encode(split, 'windows1258');
}

describe('hostile files: a 4xx with a stable code, and nothing written', () => {
  it('refuses what is not a spreadsheet', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array.from({ length: 500 }, (_, i) => (i * 37) % 256)]);
    expect(await refused(png, 'application/octet-stream')).toMatchObject({ status: 400, code: 'FILE_UNREADABLE' });
    expect(await refused(png, 'image/png')).toMatchObject({ status: 415, code: 'UNSUPPORTED_TYPE' });
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(200).fill(0)]);
    expect(await refused(xls, 'application/vnd.ms-excel')).toMatchObject({ status: 400, code: 'FILE_UNREADABLE' });
    const brokenZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new Array(300).fill(7)]);
    expect(await refused(brokenZip, XLSX_CONTENT_TYPE)).toMatchObject({ status: 400, code: 'FILE_UNREADABLE' });
    const html = '<!doctype html>\n<html>\n<body><script>alert(1)</script></body>\n</html>\n';
    expect(await refused(html, 'text/csv')).toMatchObject({ status: 400, code: 'HEADER_UNKNOWN' });
    expect(await refused('{"a":1}', 'application/json')).toMatchObject({ status: 415, code: 'UNSUPPORTED_TYPE' });
  });

  it('refuses a zip bomb under 1 MB that inflates past 1 GB, within 300 MB of memory', async () => {
    const sheet = repeatedEntry('xl/worksheets/sheet1.xml', SHEET_PREFIX, 0x41, 960);
    expect(sheet.size).toBeGreaterThan(1e9);
    for (const declared of [undefined, 1_000, 60 * 1024 * 1024]) {
      const bytes = buildZip([...workbookParts(), { ...sheet, ...(declared === undefined ? {} : { declaredSize: declared }) }]);
      expect(bytes.byteLength).toBeLessThan(1024 * 1024);
      const { value, rssGrowth } = await measured(() => refused(new Uint8Array(bytes), XLSX_CONTENT_TYPE));
      expect(value.status).toBe(declared === undefined ? 413 : value.status);
      expect(['FILE_TOO_LARGE', 'FILE_UNREADABLE']).toContain(value.code);
      expect(rssGrowth).toBeLessThan(300 * 1024 * 1024);
    }
  });

  it('refuses empty files, files with only headers, unknown and missing columns', async () => {
    expect(await refused('', 'text/csv')).toMatchObject({ status: 400, code: 'FILE_EMPTY' });
    expect(await refused('\n\n,,\n', 'text/csv')).toMatchObject({ status: 400, code: 'FILE_EMPTY' });
    expect(await refused('Mã đảng viên;Chi bộ xếp loại\n', 'text/csv')).toMatchObject({ status: 400, code: 'NO_ROWS' });
    const unknown = await refused(csvOf([['Mã đảng viên', 'Điểm thưởng'], ['M002', '5']]), 'text/csv');
    expect(unknown).toMatchObject({ status: 400, code: 'HEADER_UNKNOWN', answer: { error: { details: { columns: ['Điểm thưởng'] } } } });
    const missing = await refused(csvOf([['Họ và tên'], ['Nguyễn Văn An']]), 'text/csv');
    expect(missing).toMatchObject({ status: 400, code: 'HEADER_MISSING', answer: { error: { details: { columns: ['Mã đảng viên'] } } } });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Trống');
    expect(await refused(new Uint8Array(await wb.xlsx.writeBuffer()), XLSX_CONTENT_TYPE)).toMatchObject({ status: 400, code: 'FILE_EMPTY' });
  });

  it('refuses duplicated member ids as row errors', async () => {
    const { status, code, answer } = await refused(csvOf([['Mã đảng viên', 'Chi bộ xếp loại'], ['M002', 'HTTNV'], ['M003', 'HTTNV'], ['M002', 'HTXSNV']]), 'text/csv');
    expect([status, code]).toEqual([422, 'UPLOAD_HAS_ERRORS']);
    expect(answer.errors).toEqual([expect.objectContaining({ row: 4, column: 'Mã đảng viên', code: 'DUPLICATE_MEMBER_ID' })]);
  });

  it('reads a CSV saved in Windows-1258 or UTF-16, and refuses one whose encoding breaks midway', async () => {
    const text = csvOf([['Mã đảng viên', 'Họ và tên', 'Chi bộ xếp loại'], ['M003', 'Trần Thị Ánh', 'Hoàn thành tốt nhiệm vụ'], ['M007', 'Huỳnh Văn Đức', 'HTNV']]);
    for (const bytes of [windows1258(text), Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])]) {
      const res = await postFile(t, resultsPath(2021, 'c1', true), new Uint8Array(bytes), 'text/csv');
      const answer = await res.json();
      expect([res.status, answer.errorCount, answer.accepted]).toEqual([200, 0, 2]);
      expect(answer.evaluations.map((e: { decided: string }) => e.decided)).toEqual(['good', 'complete']);
    }
    // Valid UTF-8 for the first 64 KB, then a Windows-1258 name: refused rather than guessed at.
    const head = csvOf([['Mã đảng viên', 'Ghi chú'], ...Array.from({ length: 2000 }, () => ['M003', 'Không có ghi chú đặc biệt nào cả'])]);
    const mixed = Buffer.concat([Buffer.from(head, 'utf8'), windows1258('M004,Phạm Minh Ân\n')]);
    // FILE_ENCODING when the body arrives in chunks (a real upload); when it arrives as one chunk
    // (app.request after the app's body limit re-buffers it), csv-decode sniffs the whole chunk
    // instead of its first 64 KB, reads the file as Windows-1258 and the header no longer matches.
    const mixedAnswer = await refused(new Uint8Array(mixed), 'text/csv');
    expect(mixedAnswer.status).toBe(400);
    expect(['FILE_ENCODING', 'HEADER_UNKNOWN']).toContain(mixedAnswer.code);
  });

  it('reads the sheet the user sees: a hidden first sheet is skipped, hidden-only data is refused', async () => {
    const book = async (hiddenState: 'hidden' | 'veryHidden', visibleRows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const hidden = wb.addWorksheet('Bản cũ', { state: hiddenState });
      for (const r of [['Mã đảng viên', 'Chi bộ xếp loại'], ['M002', 'HTXSNV'], ['M004', 'KHTNV']]) hidden.addRow(r);
      const shown = wb.addWorksheet('Kết quả');
      for (const r of visibleRows) shown.addRow(r);
      wb.views = [{ x: 0, y: 0, width: 10000, height: 20000, firstSheet: 1, activeTab: 1, visibility: 'visible' }];
      return new Uint8Array(await wb.xlsx.writeBuffer());
    };
    for (const state of ['hidden', 'veryHidden'] as const) {
      const res = await postFile(t, resultsPath(2021, 'c1', true), await book(state, [['Mã đảng viên', 'Chi bộ xếp loại'], ['M003', 'HTNV']]), XLSX_CONTENT_TYPE);
      const answer = await res.json();
      expect([res.status, answer.accepted]).toEqual([200, 1]);
      expect(answer.evaluations.map((e: { memberId: string; decided: string }) => [e.memberId, e.decided])).toEqual([['M003', 'complete']]);
    }
    const onlyHidden = await refused(await book('veryHidden', []), XLSX_CONTENT_TYPE);
    expect(onlyHidden).toMatchObject({ status: 400, code: 'ONLY_HIDDEN_SHEETS', answer: { error: { details: { sheet: 'Bản cũ' } } } });
  });

  it('commits a roster saved in TCVN3 or VNI with the names in Unicode, not "NguyÔn V¨n Tïng"', async () => {
    const roster = (id: string, name: string) => csvOf([['Mã đảng viên', 'Họ và tên', 'Ngày vào Đảng'], [id, name, '01/01/2020']]);
    const cases = [
      { id: 'TC3001', bytes: toTcvn3(roster('TC3001', 'Nguyễn Văn Tùng')) },
      { id: 'VNI001', bytes: toVni(roster('VNI001', 'Đặng Thị Ánh')) },
      // The same TCVN3 file once opened in Excel and saved again as "CSV UTF-8": the garbled text itself.
      { id: 'TC3002', bytes: Buffer.from(roster('TC3002', 'NguyÔn V¨n Tïng'), 'utf8') },
    ];
    for (const c of cases) {
      const res = await postFile(t, rosterPath('c1', false), new Uint8Array(c.bytes), 'text/csv');
      expect(res.status).toBe(200);
    }
    const list = await (await t.request('/api/v1/units/c1/members?limit=100', { as: identities.cell })).json();
    const names = new Map(list.members.map((m: { id: string; fullName: string }) => [m.id, m.fullName]));
    expect([names.get('TC3001'), names.get('VNI001'), names.get('TC3002')]).toEqual(['Nguyễn Văn Tùng', 'Đặng Thị Ánh', 'Nguyễn Văn Tùng']);
  });

  it('refuses a legacy-encoded file it cannot convert with confidence (400 LEGACY_ENCODING, naming the encoding)', async () => {
    const garbled = csvOf([['Mã đảng viên', 'Họ và tên', 'Ngày vào Đảng'], ['TC3009', 'Lª V¨n Hïng (Müller)', '01/01/2020']]);
    const refusal = await refused(Buffer.from(garbled, 'utf8'), 'text/csv', rosterPath('c1', false));
    expect(refusal).toMatchObject({ status: 400, code: 'LEGACY_ENCODING', answer: { error: { details: { encoding: 'TCVN3', row: 2, column: 'Họ và tên' } } } });
  });

  it('refuses a million-row CSV streamed as the request body with 413 TOO_MANY_ROWS, without reading it all', async () => {
    const before = await itemCount(store);
    const pulled = { lines: 0 };
    const res = await postFile(t, resultsPath(2021, 'c1', false), linesStream('Mã đảng viên', () => 'x', 1_000_000, pulled), 'text/csv');
    const body = await res.json();
    expect([res.status, body.error.code]).toEqual([413, 'TOO_MANY_ROWS']);
    // It stops past the 20,000-row limit (plus what was in flight), not at the end of the body.
    expect(pulled.lines).toBeLessThan(200_000);
    expect(await itemCount(store)).toBe(before);
  });

  it('refuses a file over 5 MB with 413 FILE_TOO_LARGE', async () => {
    const big = linesStream('Mã đảng viên,Ghi chú', () => `M002,${'x'.repeat(2000)}`, 2800);
    expect(await refused(big as unknown as BodyInit, 'text/csv')).toMatchObject({ status: 413, code: 'FILE_TOO_LARGE' });
  });

  it('keeps HTML and script in names as text on every page', async () => {
    const name = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const res = await postFile(t, rosterPath('c1', false), csvOf([['Mã đảng viên', 'Họ và tên', 'Ngày vào Đảng', 'Tổ đảng'], ['XSS1', name, '01/01/2020', `<b>${name}</b>`]]), 'text/csv');
    expect(res.status).toBe(200);
    for (const path of ['/campaigns/2021/units/c1/results-upload', '/units/c1/roster-upload', '/units/c1']) {
      const page = await t.request(path, { as: identities.cell });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).not.toContain('<script>alert');
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    }
  });
});

describe('fuzz: malformed rows and files', () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('', 'M002', 'M003', 'x', 'Có', 'Không', 'HTTNV', 'HTXS', '=1+2', '+1', '-1', '@A1', '"', ';', ',', '\n', '31/02/2021', '1e309', '-0', '０', '\u0000', '\ufeff'),
    fc.integer({ min: -5, max: 200 }).map(String),
  );
  const header = fc.constantFrom('Mã đảng viên', 'Họ và tên', 'Số kỳ vắng sinh hoạt', 'Chi bộ xếp loại', 'Nghỉ thai sản', 'Ngày vào Đảng', 'Tổ đảng', 'Ghi chú', 'Lạ', '');
  const csvFile = fc
    .tuple(fc.array(header, { minLength: 0, maxLength: 5 }), fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }), fc.constantFrom(',', ';', '\t'))
    .map(([h, rows, sep]) => ({ body: [h, ...rows].map((r) => r.join(sep)).join(sep === '\t' ? '\n' : '\r\n') as BodyInit, type: 'text/csv' }));
  const bytesFile = fc
    .tuple(fc.uint8Array({ maxLength: 600 }), fc.constantFrom(new Uint8Array([0x50, 0x4b, 3, 4]), new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array()))
    .map(([b, prefix]) => ({ body: new Uint8Array([...prefix, ...b]) as BodyInit, type: 'application/octet-stream' }));
  const anyType = fc.constantFrom('text/csv', XLSX_CONTENT_TYPE, 'text/plain', 'application/pdf', '', 'text/csv; charset=windows-1258');

  it('always answers the contract: 2xx or 4xx, never 500, and refusals write nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(csvFile, bytesFile), fc.option(anyType), fc.boolean(), fc.constantFrom('results', 'roster'), async (file, type, dryRun, kind) => {
        const before = await itemCount(store);
        const path = kind === 'results' ? resultsPath(2021, 'c1', dryRun) : rosterPath('c1', dryRun);
        const res = await postFile(t, path, file.body, type ?? file.type);
        expect([200, 400, 413, 415, 422]).toContain(res.status);
        const body = await res.json();
        if (res.status === 200) {
          expect(body).toMatchObject({ rows: expect.any(Number), accepted: expect.any(Number), errors: expect.any(Array), violations: expect.any(Array), evaluations: expect.any(Array) });
        } else {
          expect(body.error.code).toMatch(/^[A-Z_]+$/);
          expect(body.error.message.length).toBeGreaterThan(0);
        }
        if (res.status !== 200 || dryRun) expect(await itemCount(store)).toBe(before);
      }),
      { numRuns: 80 },
    );
  });
});
