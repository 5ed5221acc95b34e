import { Readable } from 'node:stream';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { validateResultsRows } from '@kd/domain';
import { httpStatus } from '@kd/api/http-status';
import { readTable } from '@kd/files';
import { refusal } from './support';

/** How Windows-1258 stores Vietnamese: letters with ^, ˘ or horn precomposed, tone marks combining. */
function windowsForm(text: string): string {
  const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
  return [...text.normalize('NFC')].map((ch) => {
    const d = ch.normalize('NFD');
    return d.replace(tones, '').normalize('NFC') + (d.match(tones) ?? []).join('');
  }).join('');
}

const csv = (text: string) => ({ bytes: Buffer.from(text, 'utf8') });
const roster = new Map([['DV001', { fullName: 'Nguyễn Văn An' }], ['DV002', { fullName: 'Trần Thị Bình' }]]);

describe('readTable on CSV', () => {
  it('reads comma-separated UTF-8 with row numbers as Excel shows them, skipping blank lines', async () => {
    const table = await readTable(csv('Mã đảng viên,Họ và tên,Ghi chú\r\nDV001,Nguyễn Văn An,"a, b"\r\n\r\n,,\r\nDV002,Trần Thị Bình,\r\n'), 'text/csv');
    expect(table.headers).toEqual(['Mã đảng viên', 'Họ và tên', 'Ghi chú']);
    expect(table.rows).toEqual([
      { row: 2, cells: ['DV001', 'Nguyễn Văn An', 'a, b'] },
      { row: 5, cells: ['DV002', 'Trần Thị Bình', ''] },
    ]);
  });

  it('detects semicolons (Vietnamese-locale Excel), strips a BOM and matches NFD headers', async () => {
    const text = '\uFEFF' + 'Mã đảng viên;Họ và tên;Tỷ lệ hoàn thành nhiệm vụ (%);Chi bộ xếp loại'.normalize('NFD') + '\nDV001;Nguyễn Văn An;87,5;HTTNV\n';
    const table = await readTable(csv(text), 'text/csv; charset=utf-8');
    expect(table.headers[0]).toBe('Mã đảng viên');
    const { rows, errors } = validateResultsRows(table, { roster });
    expect(errors).toEqual([]);
    expect(rows[0]?.facts).toMatchObject({ taskCompletionPercent: 87.5, decided: 'good' });
  });

  it("honours Excel's sep= line", async () => {
    const table = await readTable(csv('sep=;\nMã đảng viên;Ghi chú\nDV001;a,b\n'), 'text/csv');
    expect(table.rows).toEqual([{ row: 2, cells: ['DV001', 'a,b'] }]);
  });

  it('decodes UTF-16 LE with BOM and Windows-1258 (legacy Vietnamese Windows)', async () => {
    const text = 'Mã đảng viên,Họ và tên\nDV001,Nguyễn Văn An\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    const cp1258 = iconv.encode(windowsForm(text), 'windows1258');
    expect(cp1258.equals(Buffer.from(text, 'utf8'))).toBe(false);
    for (const bytes of [utf16, cp1258]) {
      const table = await readTable({ bytes }, 'text/csv');
      expect(table.headers).toEqual(['Mã đảng viên', 'Họ và tên']);
      expect(table.rows[0]?.cells).toEqual(['DV001', 'Nguyễn Văn An']);
    }
  });

  it('refuses a file that turns out not to be UTF-8 after a valid start (FILE_ENCODING)', async () => {
    const good = 'Mã đảng viên,Ghi chú\n' + 'DV001,ổn định\n'.repeat(8000);
    const bytes = Buffer.concat([Buffer.from(good, 'utf8'), Buffer.from([0xc3, 0x28, 0x0a])]);
    expect(bytes.byteLength).toBeGreaterThan(64 * 1024);
    expect((await refusal(readTable({ bytes }, 'text/csv'))).code).toBe('FILE_ENCODING');
  });

  it('keeps formula-looking text and HTML as text', async () => {
    const table = await readTable(csv('Mã đảng viên,Ghi chú\nDV001,=HYPERLINK("http://x")\nDV002,<img src=x onerror=alert(1)>\n'), 'text/csv');
    const { rows } = validateResultsRows(table, { roster });
    expect(rows.map((r) => r.facts.note)).toEqual(['=HYPERLINK("http://x")', '<img src=x onerror=alert(1)>']);
  });

  it('refuses empty files, header-only files, unsupported types and binary data', async () => {
    expect((await refusal(readTable(csv(''), 'text/csv'))).code).toBe('FILE_EMPTY');
    expect((await refusal(readTable(csv('\uFEFF\r\n\r\n'), 'text/csv'))).code).toBe('FILE_EMPTY');
    const headerOnly = await refusal(readTable(csv('Mã đảng viên,Họ và tên\r\n\r\n'), 'text/csv'));
    expect([headerOnly.code, httpStatus[headerOnly.kind]]).toEqual(['NO_ROWS', 400]);
    const type = await refusal(readTable(csv('a\nb'), 'application/json'));
    expect([type.code, httpStatus[type.kind]]).toEqual(['UNSUPPORTED_TYPE', 415]);
    expect((await refusal(readTable(csv('a\nb'), undefined))).code).toBe('UNSUPPORTED_TYPE');
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
    expect((await refusal(readTable({ bytes: png }, 'text/csv'))).code).toBe('FILE_UNREADABLE');
    const xls = Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex');
    expect((await refusal(readTable({ bytes: xls }, 'application/vnd.ms-excel'))).code).toBe('FILE_UNREADABLE');
  });

  it('refuses a file over 5 MB (FILE_TOO_LARGE, 413), from bytes or from a stream', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, 0x61);
    const e = await refusal(readTable({ bytes: big }, 'text/csv'));
    expect([e.code, httpStatus[e.kind]]).toEqual(['FILE_TOO_LARGE', 413]);
    const stream = Readable.from((function* () { for (let i = 0; i < 200; i++) yield Buffer.from(`${'a'.repeat(29_999)}\n`); })());
    expect((await refusal(readTable({ stream }, 'text/csv'))).code).toBe('FILE_TOO_LARGE');
  });

  it('fails fast with TOO_MANY_ROWS on a million-row CSV stream, reading only the start of it', async () => {
    let produced = 0;
    const stream = Readable.from(
      (function* () {
        yield Buffer.from('Mã đảng viên;Họ và tên\n');
        for (let i = 0; i < 1_000_000; i += 100) {
          produced += 100;
          yield Buffer.from(Array.from({ length: 100 }, (_, k) => `${i + k};A\n`).join(''));
        }
      })(),
    );
    const e = await refusal(readTable({ stream }, 'text/csv'));
    expect([e.code, httpStatus[e.kind]]).toEqual(['TOO_MANY_ROWS', 413]);
    expect(produced).toBeLessThan(100_000);
    expect(stream.destroyed).toBe(true);
  });

  it('accepts exactly 20,000 data rows', async () => {
    const text = 'Mã đảng viên\n' + Array.from({ length: 20_000 }, (_, i) => `DV${i}`).join('\n');
    const table = await readTable(csv(text), 'text/csv');
    expect(table.rows).toHaveLength(20_000);
    expect(table.rows.at(-1)?.row).toBe(20_001);
  });
});
