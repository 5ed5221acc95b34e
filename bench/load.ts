/**
 * A province's December on 127.0.0.1 (issue 14): 200 cells uploading their results (a dry run,
 * then the commit, again and again) while 50 boards read their dashboards, for 60 s, against the
 * app as `npm start` serves it (a child process, with the roll-up stream consumer running) on an
 * in-memory DynamoDB Local. Afterwards: no 5xx, no lost write (every cell's stored results are its
 * last committed file, at the version the commit answered), every roll-up equal to a recount.
 * Latencies p50/p99 per kind of request, beside the same dashboard reads straight on DynamoDB
 * Local (the service without HTTP) with the same users and think times, uploads idle.
 *
 * npm run bench -- load    (KD_LOAD_SECONDS, KD_LOAD_CELLS, KD_LOAD_BOARDS to change the load)
 */
import '../packages/local/src/no-network-env';
// The app next: its OpenAPI schemas extend zod before any other module builds one.
import { loadLocalSigner } from '@kd/api';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createStore, ensureTable, getDossier, putCampaign, readResults, readRollup } from '@kd/data';
import { Campaign, Member, type Caller, type Rating, type Unit } from '@kd/domain';
import { readDashboard } from '@kd/services';
import { loadRollupYears, naiveRecount, reconcileAll } from '@kd/jobs';
import { startDynamoLocal } from '../packages/local/src/dynamo-local';
import { seedTenant } from '../packages/local/src/seed';
import { ms, percentile, printTable } from './measure';

const TENANT = 'december';
const YEAR = 2021;
const MEMBERS_PER_CELL = 20;
const root = resolve(import.meta.dirname, '..');
const codes: Record<Rating, string> = { excellent: 'HTXSNV', good: 'HTTNV', complete: 'HTNV', incomplete: 'KHTNV' };
const ratings = Object.keys(codes) as Rating[];

/** 1 province → 4 blocs → 10 base committees each → cells (200 by default), 20 members per cell. */
function province(cellCount: number) {
  const u = (id: string, kind: Unit['kind'], path: string[]): Unit => ({ id, name: `Đơn vị ${id}`, kind, parentId: path.at(-2) ?? null, path, foundedOn: '2000-01-01', closedOn: null, sector: null, version: 1 });
  const units: Unit[] = [u('p', 'province', ['p'])];
  const committees: Unit[] = [];
  for (let b = 0; b < 4; b++) {
    units.push(u(`b${b}`, 'bloc', ['p', `b${b}`]));
    for (let c = 0; c < 10; c++) committees.push(u(`b${b}-bc${c}`, 'baseCommittee', ['p', `b${b}`, `b${b}-bc${c}`]));
  }
  units.push(...committees);
  const cells = Array.from({ length: cellCount }, (_, i) => {
    const bc = committees[i % committees.length]!;
    return u(`${bc.id}-c${Math.floor(i / committees.length)}`, 'cell', [...bc.path, `${bc.id}-c${Math.floor(i / committees.length)}`]);
  });
  units.push(...cells);
  const members = cells.flatMap((cell, i) =>
    Array.from({ length: MEMBERS_PER_CELL }, (_, j) =>
      Member.parse({ id: `M${String(i * MEMBERS_PER_CELL + j).padStart(5, '0')}`, unitId: cell.id, fullName: `Nguyễn Văn Thử ${i}-${j}`, admittedOn: '2010-01-01', officialOn: '2011-01-01' }),
    ),
  );
  const boards = [units[0]!, ...units.filter((x) => x.kind === 'bloc'), ...committees];
  return { units, cells, members, boards };
}

/** A small deterministic generator, so that a run can be repeated. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Sample {
  kind: 'dryRun' | 'commit' | 'dashboard';
  ms: number;
  status: number;
  code?: string;
}

export async function benchLoad(): Promise<Record<string, number | string>> {
  const seconds = Number(process.env.KD_LOAD_SECONDS ?? 60);
  const cellCount = Number(process.env.KD_LOAD_CELLS ?? 200);
  const boardCount = Number(process.env.KD_LOAD_BOARDS ?? 50);
  const dynamo = await startDynamoLocal({ steady: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'kd-bench-load-'));
  const store = createStore({ tableName: 'bench-load', endpoint: dynamo.endpoint });
  let child: ReturnType<typeof spawn> | undefined;
  try {
    await ensureTable(store);
    const { units, cells, members, boards } = province(cellCount);
    const at = new Date().toISOString();
    await seedTenant(store, { tenantId: TENANT, name: 'Tỉnh ủy Thử tải', units, members }, at, () =>
      putCampaign(store, TENANT, Campaign.parse({ year: YEAR, rulebookId: 'r2019', overlayIds: ['s000-2021'], ratingDate: '2021-12-20' })),
    );
    await reconcileAll(store, { tenants: [TENANT], concurrency: 16 });
    const signer = await loadLocalSigner(join(dataDir, 'jwt-es256.json'));
    child = spawn(process.execPath, ['--import', 'tsx', join('bench', 'serve-for-load.ts'), dynamo.endpoint, store.tableName, dataDir], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const port = await new Promise<number>((ok, fail) => {
      let out = '';
      child!.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const line = out.split('\n').find((l) => l.startsWith('{'));
        if (line) ok((JSON.parse(line) as { port: number }).port);
      });
      child!.once('exit', (code) => fail(new Error(`load server exited ${code}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const callerOf = (unit: Unit): Caller => ({
      sub: `load-${unit.id}`,
      name: `Thử tải ${unit.id}`,
      tenant: TENANT,
      unit: unit.id,
      role: unit.kind === 'cell' ? 'cell_secretary' : unit.kind === 'province' ? 'province_board' : unit.kind === 'bloc' ? 'bloc_board' : 'base_committee',
    });
    const tokens = new Map<string, string>();
    for (const unit of [...cells, ...boards]) tokens.set(unit.id, await signer.sign(callerOf(unit)));
    const byCell = new Map<string, Member[]>();
    for (const m of members) byCell.set(m.unitId, [...(byCell.get(m.unitId) ?? []), m]);

    const samples: Sample[] = [];
    const committed = new Map<string, { ratings: Map<string, Rating>; version: number }>();
    let retriesAfterBusy = 0;
    const end = performance.now() + seconds * 1000;

    const timed = async (kind: Sample['kind'], url: string, init: RequestInit): Promise<{ res: Response; body: string }> => {
      const t = performance.now();
      const res = await fetch(url, init);
      const body = await res.text();
      const code = res.status >= 400 ? ((JSON.parse(body || '{}') as { error?: { code?: string } }).error?.code ?? (res.headers.get('content-type')?.includes('html') ? 'HTML' : '?')) : undefined;
      samples.push({ kind, ms: performance.now() - t, status: res.status, ...(code ? { code } : {}) });
      return { res, body };
    };

    /** One request, sent again after Retry-After while the app says it is busy (429/503). */
    const send = async (kind: Sample['kind'], url: string, init: RequestInit) => {
      for (;;) {
        const answer = await timed(kind, url, init);
        if (answer.res.status !== 429 && answer.res.status !== 503) return answer;
        retriesAfterBusy++;
        await sleep(Number(answer.res.headers.get('retry-after') ?? 1) * 1000);
      }
    };

    const cellWorker = async (cell: Unit, index: number) => {
      const random = prng(index + 1);
      const headers = { authorization: `Bearer ${tokens.get(cell.id)}`, 'content-type': 'text/csv' };
      const url = `${base}/api/v1/campaigns/${YEAR}/units/${cell.id}/results`;
      await sleep(random() * 3000);
      while (performance.now() < end) {
        const chosen = new Map(byCell.get(cell.id)!.map((m) => [m.id, ratings[Math.floor(random() * ratings.length)]!]));
        const csv = `Mã đảng viên,Chi bộ xếp loại\n${[...chosen].map(([id, r]) => `${id},${codes[r]}`).join('\n')}\n`;
        await send('dryRun', `${url}?dryRun=true`, { method: 'POST', headers, body: csv });
        const { res, body } = await send('commit', `${url}?dryRun=false`, { method: 'POST', headers, body: csv });
        if (res.status === 200) committed.set(cell.id, { ratings: chosen, version: (JSON.parse(body) as { version: number }).version });
        await sleep(1000 + random() * 2000);
      }
    };
    const boardWorker = async (board: Unit, index: number, read: () => Promise<unknown>, until: number) => {
      const random = prng(10_000 + index);
      await sleep(random() * 1000);
      while (performance.now() < until) {
        await read();
        await sleep(500 + random() * 1000);
      }
    };
    const boardOf = (i: number) => boards[i % boards.length]!;
    const dashboardOverHttp = (board: Unit) => () => send('dashboard', `${base}/dashboard/${YEAR}/units/${board.id}`, { headers: { authorization: `Bearer ${tokens.get(board.id)}` } });

    console.log(`load: ${cells.length} cells uploading, ${boardCount} boards reading dashboards, ${seconds} s, on ${base}`);
    await Promise.all([
      ...cells.map((cell, i) => cellWorker(cell, i)),
      ...Array.from({ length: boardCount }, (_, i) => boardWorker(boardOf(i), i, dashboardOverHttp(boardOf(i)), end)),
    ]);

    // The same dashboard reads straight on DynamoDB Local: the service, no HTTP, no rendering; uploads idle.
    const direct: number[] = [];
    const directEnd = performance.now() + Math.min(20, seconds) * 1000;
    await Promise.all(
      Array.from({ length: boardCount }, (_, i) =>
        boardWorker(boardOf(i), i, async () => {
          const t = performance.now();
          await readDashboard({ store, clock: () => new Date() }, callerOf(boardOf(i)), YEAR, boardOf(i).id);
          direct.push(performance.now() - t);
        }, directEnd),
      ),
    );

    // Roll-ups: wait for the consumer to catch up, then every unit against a recount.
    const year = (await loadRollupYears(store, TENANT)).find((y) => y.campaign.year === YEAR)!;
    const settleStart = performance.now();
    let inexact: string[] = [];
    for (;;) {
      const oracle = await naiveRecount(store, TENANT, year, 'p', { concurrency: 16 });
      inexact = [];
      for (const [unitId, counts] of oracle) {
        const { rollup } = await readRollup(store, TENANT, YEAR, unitId);
        if (JSON.stringify(rollup?.counts) !== JSON.stringify(counts)) inexact.push(unitId);
      }
      if (inexact.length === 0 || performance.now() - settleStart > 180_000) break;
      await sleep(500);
    }
    const settleMs = performance.now() - settleStart;

    // No lost write: each cell holds exactly its last committed file, at the version answered.
    const lost: string[] = [];
    for (const [cellId, last] of committed) {
      const [dossier, stored] = await Promise.all([getDossier(store, TENANT, cellId, YEAR), readResults(store, TENANT, cellId, YEAR)]);
      const same = dossier.currentVersion === last.version && stored.size === last.ratings.size && [...last.ratings].every(([id, r]) => stored.get(id)?.facts.decided === r);
      if (!same) lost.push(cellId);
    }

    /** Latencies of the answers that did the work (200); refusals to wait (429) are counted apart. */
    const of = (kind: Sample['kind']) => samples.filter((s) => s.kind === kind && s.status === 200).map((s) => s.ms).sort((a, b) => a - b);
    const busyOf = (kind: Sample['kind']) => samples.filter((s) => s.kind === kind && s.status === 429).length;
    const statusCounts = new Map<string, number>();
    for (const s of samples) statusCounts.set(s.code ? `${s.status} ${s.code}` : String(s.status), (statusCounts.get(s.code ? `${s.status} ${s.code}` : String(s.status)) ?? 0) + 1);
    const fiveHundreds = samples.filter((s) => s.status >= 500 && s.status !== 503).length;
    direct.sort((a, b) => a - b);
    const line = (kind: Sample['kind']) => {
      const l = of(kind);
      return `p50 ${ms(percentile(l, 50))} · p99 ${ms(percentile(l, 99))} · ${l.length} answered 200, ${busyOf(kind)} told to wait (429)`;
    };
    const dash = of('dashboard');
    printTable(`A province's December: ${cells.length} cells uploading, ${boardCount} boards reading, ${seconds} s over 127.0.0.1`, [
      ['upload dry run (HTTP)', line('dryRun')],
      ['upload commit (HTTP)', line('commit')],
      ['dashboard page (HTTP, under load)', line('dashboard')],
      ['same dashboard reads on DynamoDB Local (no HTTP, uploads idle)', `p50 ${ms(percentile(direct, 50))} · p99 ${ms(percentile(direct, 99))} · ${direct.length} reads`],
      ['ratio HTTP under load / DynamoDB Local p50 · p99', `${(percentile(dash, 50) / percentile(direct, 50)).toFixed(1)}× · ${(percentile(dash, 99) / percentile(direct, 99)).toFixed(1)}×`],
      ['answers', [...statusCounts].sort().map(([k, v]) => `${k}: ${v}`).join(' · ')],
      ['sent again after 429/503', String(retriesAfterBusy)],
      ['cells with a commit · lost writes', `${committed.size} · ${lost.length}`],
      ['roll-ups exact after', `${inexact.length === 0 ? 'yes' : `NO (${inexact.slice(0, 5).join(', ')}…)`}, ${(settleMs / 1000).toFixed(1)} s after the load`],
    ]);
    if (fiveHundreds > 0 || lost.length > 0 || inexact.length > 0) {
      throw new Error(`load: ${fiveHundreds} answers 5xx, ${lost.length} lost writes, ${inexact.length} inexact roll-ups`);
    }
    return {
      seconds,
      cells: cells.length,
      boards: boardCount,
      requests: samples.length,
      dryRunP50Ms: Number(percentile(of('dryRun'), 50).toFixed(1)),
      dryRunP99Ms: Number(percentile(of('dryRun'), 99).toFixed(1)),
      commitP50Ms: Number(percentile(of('commit'), 50).toFixed(1)),
      commitP99Ms: Number(percentile(of('commit'), 99).toFixed(1)),
      commits: of('commit').length,
      dashboardP50Ms: Number(percentile(dash, 50).toFixed(1)),
      dashboardP99Ms: Number(percentile(dash, 99).toFixed(1)),
      directP50Ms: Number(percentile(direct, 50).toFixed(1)),
      directP99Ms: Number(percentile(direct, 99).toFixed(1)),
      answers5xx: fiveHundreds,
      busyRetries: retriesAfterBusy,
      lostWrites: lost.length,
      inexactRollups: inexact.length,
      rollupsSettledMs: Number(settleMs.toFixed(0)),
    };
  } finally {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child!.once('exit', r));
    }
    store.raw.destroy();
    await dynamo.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchLoad();
  process.exit(0);
}
