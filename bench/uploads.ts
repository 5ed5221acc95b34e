/**
 * Results uploads on their own in-memory DynamoDB Local: dry run and commit of 2,000 and 20,000
 * rows through the real app (an .xlsx posted as the request body), beside plain BatchWriteItem of
 * the same items (one item per row, 25 per call, 16 in flight) in the same run.
 *
 * Acceptance (issue 4): commit(2,000) ≤ 2.5 × BatchWriteItem(2,000); peak memory of 20,000 rows
 * < 5 × that of 2,000. Memory is the peak resident size of this process during the step, sampled
 * every 5 ms after a forced GC (`peakRssMb`), with the peak of the JS heap beside it. Times are
 * the median of three runs for 2,000 rows (one run for 20,000), after a warm-up.
 *
 *   npx tsx bench/uploads.ts
 */
// The app first: its OpenAPI schemas extend zod before any other module builds one.
import { createApp, loadLocalSigner, localClaims } from '@kd/api';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import ExcelJS from 'exceljs';
import { createStore, ensureTable, batchPut, putCampaign, rowItem, ResultRow, type Store } from '@kd/data';
import { campaignFromTemplate, MemberFacts, Member, type Unit } from '@kd/domain';
import { XLSX_CONTENT_TYPE } from '@kd/files';
import { startDynamoLocal } from '../packages/local/src/dynamo-local';
import { seedTenant } from '../packages/local/src/seed';

for (const [k, v] of Object.entries({ AWS_EC2_METADATA_DISABLED: 'true', AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' })) {
  process.env[k] ??= v;
}

setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

const SIZES = [2_000, 20_000] as const;
const TENANT = 'bench';
const YEAR = 2021;

function unitsFor(): Unit[] {
  const u = (id: string, kind: Unit['kind'], path: string[]): Unit => ({
    id, name: `Đơn vị ${id}`, kind, parentId: path.length > 1 ? path[path.length - 2]! : null, path, foundedOn: '2000-01-01', closedOn: null, sector: null, version: 1,
  });
  return [u('p', 'province', ['p']), u('bc', 'baseCommittee', ['p', 'bc']), ...SIZES.map((n) => u(`c${n}`, 'cell', ['p', 'bc', `c${n}`]))];
}

const memberId = (n: number, i: number) => `B${n}-${String(i).padStart(5, '0')}`;
const ratingsCycle = ['Hoàn thành tốt nhiệm vụ', 'HTTNV', 'Hoàn thành nhiệm vụ', 'Hoàn thành xuất sắc nhiệm vụ'];

/** A filled results file: what a base committee sends back after filling the template. */
async function resultsFile(n: number, shift: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kết quả');
  ws.addRow(['Mã đảng viên', 'Họ và tên', 'Số kỳ vắng sinh hoạt', 'Số ngày nghỉ ốm', 'Tự xếp loại', 'Tổ đảng đề xuất', 'Chi bộ xếp loại', 'Ghi chú']);
  for (let i = 0; i < n; i++) {
    const r = ratingsCycle[i % 4]!;
    ws.addRow([memberId(n, i), `Nguyễn Văn Thử ${i}`, (i + shift) % 5, i % 30, r, r, r, i % 10 === 0 ? 'Đã nộp bản kiểm điểm' : null]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

interface Measure {
  ms: number;
  peakRssMb: number;
  peakHeapMb: number;
}

async function measure(f: () => Promise<void>): Promise<Measure> {
  gc();
  let peak = process.memoryUsage();
  const sample = () => {
    const now = process.memoryUsage();
    peak = { ...peak, rss: Math.max(peak.rss, now.rss), heapUsed: Math.max(peak.heapUsed, now.heapUsed) };
  };
  const timer = setInterval(sample, 5);
  const t0 = performance.now();
  try {
    await f();
  } finally {
    clearInterval(timer);
  }
  const ms = performance.now() - t0;
  sample();
  const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;
  return { ms: Math.round(ms), peakRssMb: mb(peak.rss), peakHeapMb: mb(peak.heapUsed) };
}

export async function benchUploads(): Promise<Record<string, number | string>> {
  const dynamo = await startDynamoLocal({ steady: true });
  try {
    const store: Store = createStore({ tableName: `bench-uploads-${Date.now()}`, endpoint: dynamo.endpoint });
    await ensureTable(store);
    const members = SIZES.flatMap((n) =>
      Array.from({ length: n }, (_, i) => Member.parse({ id: memberId(n, i), unitId: `c${n}`, fullName: `Nguyễn Văn Thử ${i}`, admittedOn: '2010-05-19', officialOn: '2011-05-19' })),
    );
    await seedTenant(store, { tenantId: TENANT, name: 'Tỉnh thử tốc độ', units: unitsFor(), members }, '2021-12-01T00:00:00Z');
    // Results go to opened campaigns (the warm-up year and the measured one).
    for (const year of [2020, YEAR]) await putCampaign(store, TENANT, campaignFromTemplate({ year }));
    const signer = await loadLocalSigner(null);
    const app = createApp({ store, clock: () => new Date(), claims: localClaims(signer) });
    const token = await signer.sign({ tenant: TENANT, unit: 'p', role: 'province_board', name: 'Bench', sub: 'bench' });
    const post = async (n: number, file: Uint8Array, dryRun: boolean, year = YEAR) => {
      const res = await app.request(`/api/v1/campaigns/${year}/units/c${n}/results?dryRun=${dryRun}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': XLSX_CONTENT_TYPE },
        body: file as unknown as BodyInit,
      });
      const body = (await res.json()) as { accepted?: number; committed?: boolean; error?: unknown };
      if (res.status !== 200 || body.accepted !== n) throw new Error(`upload of ${n} rows: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    };

    // Warm-up: DynamoDB Local's JVM takes thousands of writes to reach its steady speed (the first
    // 2,000 puts can take five times longer than the next), and this process needs its JIT warm too.
    const scratch = (year: number, n: number) =>
      Array.from({ length: n }, (_, i) => rowItem(TENANT, 'warm', year, 1, ResultRow.parse({ memberId: `W${i}`, facts: MemberFacts.parse({ absences: i % 7 }) })));
    await batchPut(store, scratch(1990, 6_000), 16);
    const warm = await resultsFile(SIZES[0], 0);
    await post(SIZES[0], warm, true, 2020);
    await post(SIZES[0], warm, false, 2020);

    const figures: Record<string, number | string> = {};
    const table: string[][] = [['Bước', 'Dòng', 'ms', 'dòng/s', 'RSS đỉnh (MB)', 'Heap đỉnh (MB)']];
    const record = (label: string, key: string, n: number, runs: Measure[]) => {
      // The median run: DynamoDB Local's timings wander by ±30 % from one call to the next.
      const m = [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;
      const peakRssMb = Math.max(...runs.map((r) => r.peakRssMb));
      const peakHeapMb = Math.max(...runs.map((r) => r.peakHeapMb));
      const perSecond = Math.round((n * 1000) / Math.max(1, m.ms));
      Object.assign(figures, { [`${key}_${n}_ms`]: m.ms, [`${key}_${n}_rows_per_s`]: perSecond, [`${key}_${n}_peak_rss_mb`]: peakRssMb, [`${key}_${n}_peak_heap_mb`]: peakHeapMb });
      table.push([label, String(n), String(m.ms), String(perSecond), String(peakRssMb), String(peakHeapMb)]);
    };

    for (const n of SIZES) {
      const repeats = n <= 2_000 ? 3 : 1;
      const runs = { dry: [] as Measure[], commit: [] as Measure[], batch: [] as Measure[] };
      for (let r = 0; r < repeats; r++) {
        // Each run's file differs (absences shift), so each commit writes a new version.
        const file = await resultsFile(n, r);
        const items = Array.from({ length: n }, (_, i) =>
          rowItem(TENANT, `c${n}`, 1999 - r, 1, ResultRow.parse({ memberId: memberId(n, i), facts: MemberFacts.parse({ decided: 'good', absences: (i + r) % 5 }), rev: 1 })),
        );
        runs.batch.push(await measure(() => batchPut(store, items, 16)));
        runs.dry.push(await measure(() => post(n, file, true)));
        runs.commit.push(await measure(() => post(n, file, false)));
      }
      record('Chạy thử (dryRun=true)', 'dry_run', n, runs.dry);
      record('Ghi (dryRun=false)', 'commit', n, runs.commit);
      record('BatchWriteItem thuần (25/lần, 16 song song)', 'batch_write', n, runs.batch);
    }

    const ratio = Number(figures.commit_2000_ms) / Number(figures.batch_write_2000_ms);
    const memoryRatio = Number(figures.commit_20000_peak_rss_mb) / Number(figures.commit_2000_peak_rss_mb);
    figures.commit_vs_batch_write_2000 = Math.round(ratio * 100) / 100;
    figures.commit_peak_rss_20000_vs_2000 = Math.round(memoryRatio * 100) / 100;
    figures.acceptance = ratio <= 2.5 && memoryRatio < 5 ? 'pass' : 'fail';

    const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
    console.log('\nTải kết quả kiểm điểm lên (DynamoDB Local trong bộ nhớ)');
    for (const row of table) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
    console.log(`Ghi 2.000 dòng / BatchWriteItem 2.000 dòng: ${figures.commit_vs_batch_write_2000} (≤ 2,5)`);
    console.log(`RSS đỉnh khi ghi 20.000 dòng / 2.000 dòng: ${figures.commit_peak_rss_20000_vs_2000} (< 5) → ${figures.acceptance}`);
    return figures;
  } finally {
    await dynamo.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  benchUploads().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
