import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError, validateResultsRows, validateRosterRows } from '@kd/domain';
import { XLSX_CONTENT_TYPE, readTable } from '@kd/files';
import { httpStatus } from '@kd/api/http-status';

const roster = new Map([['DV001', { fullName: 'Nguyễn Văn An' }]]);

/** Reads and validates; the only acceptable failure is a DomainError. */
async function survives(bytes: Uint8Array, type: string): Promise<void> {
  try {
    const table = await readTable({ bytes }, type);
    for (const run of [() => validateResultsRows(table, { roster }), () => validateRosterRows(table, { unitId: 'u', membersElsewhere: new Map() })]) {
      try {
        run();
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
      }
    }
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    expect(httpStatus[e.kind]).toBeGreaterThanOrEqual(400);
  }
}

const types = fc.constantFrom('text/csv', XLSX_CONTENT_TYPE, 'application/vnd.ms-excel', 'text/plain; charset=utf-8');

describe('reader under fuzzing', () => {
  it('random bytes never crash it and yield only DomainError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), types, (bytes, type) => survives(bytes, type)),
      { numRuns: 300 },
    );
  });

  it('random bytes behind a zip or BOM signature yield only DomainError', async () => {
    const prefixes = fc.constantFrom([0x50, 0x4b, 0x03, 0x04], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x50, 0x4b, 0x05, 0x06]);
    await fc.assert(
      fc.asyncProperty(prefixes, fc.uint8Array({ maxLength: 1024 }), types, (prefix, rest, type) => survives(Uint8Array.from([...prefix, ...rest]), type)),
      { numRuns: 200 },
    );
  });

  it('malformed CSV rows (quotes, separators, odd widths) yield tables or DomainError', async () => {
    const field = fc.oneof(fc.string(), fc.constantFrom('"', '""', '"a"b', ';', ',', '\r', '\n', '=1+2', 'Có', 'HTTNV', '5/3/2010', 'DV001'));
    const header = fc.constantFrom('Mã đảng viên;Họ và tên;Số kỳ vắng sinh hoạt;Chi bộ xếp loại\n', 'Mã đảng viên,Ngày vào Đảng,Họ và tên\n', '', 'x\n');
    const rows = fc.array(fc.tuple(fc.constantFrom(',', ';'), fc.array(field, { maxLength: 8 })).map(([sep, f]) => f.join(sep)), { maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(header, rows, (h, r) => survives(Buffer.from(h + r.join('\n'), 'utf8'), 'text/csv')),
      { numRuns: 300 },
    );
  });

  it('a valid xlsx with bytes flipped yields a table or a DomainError', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow(['Mã đảng viên', 'Họ và tên', 'Số kỳ vắng sinh hoạt']);
    for (let i = 0; i < 20; i++) ws.addRow([`DV00${i}`, 'Nguyễn Văn An', i]);
    const good = new Uint8Array(await wb.xlsx.writeBuffer());
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ at: fc.nat({ max: good.length - 1 }), byte: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }), async (flips) => {
        const bytes = Uint8Array.from(good);
        for (const f of flips) bytes[f.at] = f.byte;
        await survives(bytes, XLSX_CONTENT_TYPE);
      }),
      { numRuns: 200 },
    );
  });
});
