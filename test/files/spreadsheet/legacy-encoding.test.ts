import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { XLSX_CONTENT_TYPE, readTable, cp1252FromBytes, tcvn3FromBytes, vniFromText } from '@kd/files';
import { NAMES, VN3, toTcvn3, toVni, toVniText } from './legacy-text';
import { refusal } from './support';
import { httpStatus } from '@kd/api/http-status';

const HEADER = ['Mã đảng viên', 'Họ và tên', 'Ghi chú'];
const rows = (names: readonly string[]) => names.map((n, i) => [`DV${String(i + 1).padStart(3, '0')}`, n, 'Hoàn thành tốt nhiệm vụ đảng viên']);
const csvText = (names: readonly string[]) => [HEADER, ...rows(names)].map((r) => r.join(';')).join('\r\n') + '\r\n';
async function xlsx(cells: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  for (const r of cells) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const namesOf = (table: { rows: { cells: unknown[] }[] }) => table.rows.map((r) => r.cells[1]);
const CAPITALS = NAMES.map((n) => n.toUpperCase());

describe('the tables', () => {
  it('covers every vowel under every tone, and đ', () => {
    const text = NAMES.join(' ').toLowerCase();
    for (const v of 'aăâeêioôơuưy') {
      for (const tone of ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323']) expect(text).toContain((v + tone).normalize('NFC'));
    }
    expect(text).toContain('đ');
  });

  it('reads TCVN3 bytes as VN3 says (iconv-lite checked against the standard), leaving other bytes alone', () => {
    for (const [byte, letter] of Object.entries(VN3)) expect(tcvn3FromBytes(Uint8Array.of(Number(byte)))).toBe(letter);
    // VN1 puts capitals with tones at these; VN3 files have none there.
    expect(tcvn3FromBytes(Uint8Array.of(0x92, 0xb0, 0xc0, 0xe0))).toBe('’°Àà');
    expect(tcvn3FromBytes(toTcvn3('NGUYỄN VĂN TÙNG'))).toBe('NGUYễN VĂN TùNG');
  });

  it('the issue example: "NguyÔn V¨n Tïng" is TCVN3 for "Nguyễn Văn Tùng"', () => {
    expect(cp1252FromBytes(toTcvn3('Nguyễn Văn Tùng'))).toBe('NguyÔn V¨n Tïng');
    expect(tcvn3FromBytes(iconv.encode('NguyÔn V¨n Tïng', 'windows1252'))).toBe('Nguyễn Văn Tùng');
  });

  it('round-trips every name through VNI, in lower, title and upper case', () => {
    expect(toVniText('Nguyễn Văn Tùng')).toBe('Nguyeãn Vaên Tuøng');
    expect(toVniText('Đảng Cộng sản Việt Nam')).toBe('Ñaûng Coäng saûn Vieät Nam');
    for (const name of [...NAMES, ...CAPITALS, ...NAMES.map((n) => n.toLowerCase())]) expect(vniFromText(toVniText(name))).toBe(name);
  });
});

describe('legacy CSV files', () => {
  it.each([
    ['TCVN3', (t: string) => toTcvn3(t)],
    ['VNI', (t: string) => toVni(t)],
  ])('reads a CSV saved in %s: headers, names in title case and in capitals, all tones', async (_name, encode) => {
    const bytes = encode(csvText([...NAMES, ...CAPITALS]));
    const table = await readTable({ bytes }, 'text/csv');
    expect(table.headers).toEqual(HEADER);
    expect(namesOf(table)).toEqual([...NAMES, ...CAPITALS]);
    expect(table.rows[0]?.cells[2]).toBe('Hoàn thành tốt nhiệm vụ đảng viên');
  });

  it('still reads Windows-1258 (Vietnamese Windows) as before', async () => {
    const tones = /[\u0300\u0301\u0303\u0309\u0323]/;
    const split = [...csvText(NAMES)].map((ch) => {
      const parts = [...ch.normalize('NFD')];
      const tone = parts.find((p) => tones.test(p));
      return tone ? parts.filter((p) => p !== tone).join('').normalize('NFC') + tone : ch;
    });
    const table = await readTable({ bytes: iconv.encode(split.join(''), 'windows1258') }, 'text/csv');
    expect(namesOf(table)).toEqual(NAMES);
  });

  it('repairs a legacy file already misread as Windows-1252 or 1258 and saved as UTF-8 ("NguyÔn V¨n Tïng")', async () => {
    for (const misread of ['windows1252', 'windows1258']) {
      for (const encode of [toTcvn3, toVni]) {
        const garbled = iconv.decode(encode(csvText(NAMES)), misread);
        const table = await readTable({ bytes: Buffer.from(garbled, 'utf8') }, 'text/csv');
        expect(table.headers).toEqual(HEADER);
        expect(namesOf(table)).toEqual(NAMES);
      }
    }
  });

  it('refuses a legacy CSV it cannot read with confidence (LEGACY_ENCODING, naming the encoding)', async () => {
    // TCVN3, but every other name carries a foreign word no Vietnamese reading fits.
    const lines = NAMES.map((n, i) => Buffer.concat([toTcvn3(`DV${i};${n}`), i % 2 ? iconv.encode(' Müller', 'windows1252') : Buffer.alloc(0), toTcvn3(';x\r\n')]));
    const e = await refusal(readTable({ bytes: Buffer.concat([toTcvn3(csvText([])), ...lines]) }, 'text/csv'));
    expect([e.code, httpStatus[e.kind], (e.details as { encoding: string }).encoding]).toEqual(['LEGACY_ENCODING', 400, 'TCVN3']);
    expect(e.message).toContain('TCVN3 (ABC, phông .VnTime)');
  });

  it('reads noise that is neither as before (Windows-1258), for the columns to refuse', async () => {
    const table = await readTable({ bytes: iconv.encode('Ma dang vien;Ghi chu\nDV1;Müller Größe Straße\n', 'windows1252') }, 'text/csv');
    expect(table.rows[0]?.cells[1]).toBe('Müller Größe Straße');
  });
});

describe('legacy text in xlsx cells', () => {
  it('converts cells typed in .VnTime (TCVN3) or VNI fonts, and keeps Unicode cells beside them', async () => {
    for (const encode of [toTcvn3, toVni]) {
      const legacy = (t: string) => iconv.decode(encode(t), 'windows1252');
      const bytes = await xlsx([HEADER.map(legacy), ...rows(NAMES).map((r) => r.map(legacy)), ['DV999', 'Trần Thị Ánh', 'Đã chuyển sang Unicode']]);
      const table = await readTable({ bytes }, XLSX_CONTENT_TYPE);
      expect(table.headers).toEqual(HEADER);
      expect(namesOf(table)).toEqual([...NAMES, 'Trần Thị Ánh']);
      expect(table.rows.at(-1)?.cells[2]).toBe('Đã chuyển sang Unicode');
    }
  });

  it('the issue example in an xlsx cell, with capitals typed in .VnTimeH', async () => {
    const bytes = await xlsx([['Mã đảng viên', 'Họ và tên'], ['DV001', 'NguyÔn V¨n Tïng'], ['DV002', 'NGUYÔN THÞ ¸NH'], ['DV003', 'TrÇn ThÞ ¸nh']]);
    expect(namesOf(await readTable({ bytes }, XLSX_CONTENT_TYPE))).toEqual(['Nguyễn Văn Tùng', 'NGUYỄN THỊ ÁNH', 'Trần Thị Ánh']);
  });

  it('leaves ordinary text alone: foreign names, symbols, words that only look odd', async () => {
    const ordinary = ['Müller', 'José Martí', 'Peña Ñúñez', 'Nhiệt độ 37°C', '5½ suất', 'Công ty ©', 'Hoà Bình', 'Thò tay', 'Hà', 'Lưu ý: «quan trọng»', 'Ghi chú × 2'];
    const bytes = await xlsx([['Mã đảng viên', 'Ghi chú'], ...ordinary.map((t, i) => [`DV${i}`, t])]);
    expect(namesOf(await readTable({ bytes }, XLSX_CONTENT_TYPE))).toEqual(ordinary);
  });

  it('refuses a cell that is plainly TCVN3 yet does not read as Vietnamese, naming row, column and cell', async () => {
    const bytes = await xlsx([['Mã đảng viên', 'Họ và tên'], ['DV001', 'Nguyễn Văn An'], ['DV002', 'Lª V¨n Hïng (Müller)']]);
    const e = await refusal(readTable({ bytes }, XLSX_CONTENT_TYPE));
    expect([e.code, httpStatus[e.kind], e.details]).toEqual(['LEGACY_ENCODING', 400, { encoding: 'TCVN3', row: 3, column: 'Họ và tên', cell: 'B3' }]);
    expect(e.message).toContain('ô B3');
  });
});

describe('cells that read two ways', () => {
  it('settles them by their column, and refuses one that only legacy explains when nothing settles it', async () => {
    // VNI "Chỉ Sĩ Thị" is also TCVN3 "Chổ Sú Thũ"; "Tè" is Unicode and TCVN3 "Tố".
    const vniColumn = await xlsx([['Mã đảng viên', 'Họ và tên'], ['DV001', toVniText('Nguyễn Văn Tùng')], ['DV002', 'Chæ Só Thò']]);
    expect(namesOf(await readTable({ bytes: vniColumn }, XLSX_CONTENT_TYPE))).toEqual(['Nguyễn Văn Tùng', 'Chỉ Sĩ Thị']);
    const tcvn3Column = await xlsx([['Mã đảng viên', 'Họ và tên'], ['DV001', 'NguyÔn V¨n Tïng'], ['DV002', 'Lª Tè']]);
    expect(namesOf(await readTable({ bytes: tcvn3Column }, XLSX_CONTENT_TYPE))).toEqual(['Nguyễn Văn Tùng', 'Lê Tố']);
    const unicodeColumn = await xlsx([['Mã đảng viên', 'Họ và tên'], ['DV001', 'Nguyễn Văn Tùng'], ['DV002', 'Tè']]);
    expect(namesOf(await readTable({ bytes: unicodeColumn }, XLSX_CONTENT_TYPE))).toEqual(['Nguyễn Văn Tùng', 'Tè']);
    const alone = await xlsx([['Mã đảng viên', 'Họ và tên'], ['DV001', 'Chæ Só Thò']]);
    const e = await refusal(readTable({ bytes: alone }, XLSX_CONTENT_TYPE));
    expect([e.code, e.details]).toEqual(['LEGACY_ENCODING', { encoding: 'TCVN3', alternative: 'VNI', row: 2, column: 'Họ và tên', cell: 'B2' }]);
  });
});
