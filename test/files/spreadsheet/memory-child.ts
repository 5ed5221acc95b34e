/**
 * Runs in its own node (`--expose-gc`). For each argument `name*count`, reads that hostile
 * .xlsx `count` times at once, as request bodies arriving as streams, and reports the resident
 * memory above idle, sampled every millisecond, with the codes the reads were refused with.
 * Idle is measured once, before the first: a later file's figure is an upper bound.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { XLSX_CONTENT_TYPE, readTable } from '@kd/files';
import { type HostileXlsx, hostileXlsx } from './hostile-xlsx';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

// Warm up: the modules loaded and the code compiled, so that idle means idle.
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('x');
ws.addRow(['Mã đảng viên']);
ws.addRow(['DV001']);
await readTable({ bytes: Buffer.from(await wb.xlsx.writeBuffer()) }, XLSX_CONTENT_TYPE);

const runs = process.argv.slice(2).map((arg) => {
  const [name, count] = arg.split('*') as [HostileXlsx, string];
  return { name, count: Number(count), bytes: hostileXlsx[name].build() };
});
gc();
gc();
const idle = process.memoryUsage.rss();
const report = [];
for (const run of runs) {
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 1);
  const results = await Promise.allSettled(Array.from({ length: run.count }, () => readTable({ stream: Readable.from([run.bytes]) }, XLSX_CONTENT_TYPE)));
  peak = Math.max(peak, process.memoryUsage.rss());
  clearInterval(sampler);
  const codes = results.map((r) => (r.status === 'rejected' ? String((r.reason as { code?: unknown }).code) : 'read'));
  report.push({ name: run.name, count: run.count, fileBytes: run.bytes.byteLength, peakAboveIdleMB: (peak - idle) / 2 ** 20, codes });
  gc();
}
process.stdout.write(JSON.stringify(report));
