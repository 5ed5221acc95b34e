import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { faultPoints, getDossier, getResultRow, installFaultHook, listAudit, listYearRollups, readResults, type AuditEntry, type FaultPoint, type Store } from '@kd/data';
import { DomainError, Member, MemberFacts, type Caller, type Rating, type Unit } from '@kd/domain';
import { returnDossier, saveMemberFacts, setCollective, submitDossier, uploadResults } from '@kd/services';
import { loadRollupYears, naiveRecount } from '@kd/jobs';
import { seedTenant } from '../../packages/local/src/seed';
import { createTestStore } from '../support/store';
import { dynamoEndpoint } from '../support/dynamo';
import { runChildScript, type ChildExit } from '../support/child-process';
import { putTestCampaign, streamConsumer } from '../support/rollups';
import { byDepth } from '../support/depth';

/**
 * Issue 10: random interleavings of results commits, row edits, collective ratings, submits and
 * returns — in this process, run a few at a time with random yields at every step of a commit —
 * and of commits in child processes killed with SIGKILL at a random step (commit-crash-child.ts).
 * Throughout and after each sequence:
 * - versions only go up: a watcher reading the dossiers never sees `currentVersion` or
 *   `versionCounter` go down, nor the counter behind the current version; each commit's audit
 *   entry goes from a lower version to a higher one, never to one used before;
 * - every read shows one whole version: rows of one upload only, all of them (each upload marks
 *   its rows with its own note, each edit its row);
 * - the audit has exactly one entry per accepted change, and none for a refused or killed one;
 * - the roll-ups, built by the stream consumer from the table's real stream, equal the recount.
 *
 * KD_INTERLEAVING_RUNS sets the number of sequences (default 4 under `npm run test:deep`, about three minutes here, most of
 * it the child processes starting).
 */
const RUNS = Number(process.env.KD_INTERLEAVING_RUNS ?? byDepth(4, 2));
const PARALLEL = 2;
const YEAR = 2021;
const at = '2021-12-20T01:00:00.000Z';
const cells = ['C1', 'C2'] as const;
type Cell = (typeof cells)[number];
const roster: Record<Cell, string[]> = { C1: ['S1', 'A1', 'A2', 'A3', 'A4'], C2: ['S2', 'B1', 'B2'] };

function tree(): { units: Unit[]; members: Member[] } {
  const u = (id: string, kind: Unit['kind'], path: string[]): Unit => ({ id, name: `Đơn vị ${id}`, kind, parentId: path.at(-2) ?? null, path, foundedOn: '2010-01-01', closedOn: null, sector: null, version: 1 });
  const units = [u('P', 'province', ['P']), u('B', 'bloc', ['P', 'B']), u('BC', 'baseCommittee', ['P', 'B', 'BC']), u('C1', 'cell', ['P', 'B', 'BC', 'C1']), u('C2', 'cell', ['P', 'B', 'BC', 'C2'])];
  const members = cells.flatMap((cell) =>
    roster[cell].map((id, i) => Member.parse({ id, unitId: cell, fullName: `Đảng viên ${id}`, admittedOn: '2015-01-01', officialOn: '2016-01-01', partyPosition: i === 0 ? 'secretary' : null })),
  );
  return { units, members };
}

const rating = fc.constantFrom<Rating>('good', 'good', 'good', 'complete', 'excellent');
const cell = fc.constantFrom(...cells);
const op = fc.oneof(
  // A whole file of one rating: never all excellent, which the quota (R-QUOTA-01) would block from submitting.
  { weight: 4, arbitrary: fc.record({ t: fc.constant('commit' as const), cell, decided: fc.constantFrom<Rating>('good', 'good', 'complete') }) },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('edit' as const), cell, index: fc.nat(4), decided: rating }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('collective' as const), cell, decided: fc.constantFrom<Rating>('good', 'good', 'complete') }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('submit' as const), cell }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('return' as const), cell }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('read' as const), cell }) },
);
const crash = fc.record({ t: fc.constant('crash' as const), cell, point: fc.constantFrom<FaultPoint | null>(...faultPoints, null), wave: fc.nat() });
type Op = (typeof op extends fc.Arbitrary<infer T> ? T : never) | (typeof crash extends fc.Arbitrary<infer T> ? T : never);

let store: Store;
let consumer: ReturnType<typeof streamConsumer>;
let dir: string;
let sequence = 0;
let opSeq = 0;
const tally = { commits: 0, edits: 0, submits: 0, returns: 0, collectives: 0, refused: 0, crashes: 0, crashFlipped: 0, reads: 0, watched: 0 };
/** Refusals by change and code: the domain saying no is part of the game. */
const refusals: Record<string, number> = {};
/** The stream is read by one sequence at a time. */
let streamLock: Promise<void> = Promise.resolve();
function exclusive<T>(work: () => Promise<T>): Promise<T> {
  const run = streamLock.then(work);
  streamLock = run.then(() => undefined, () => undefined);
  return run;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kd-interleave-'));
  store = await createTestStore('interleave', { stream: true });
  consumer = streamConsumer(store);
  // Random yields at every step of a commit in this process: other operations get in between.
  installFaultHook(async () => {
    for (let i = Math.floor(Math.random() * 4); i > 0; i--) await new Promise((r) => setImmediate(r));
  });
});
afterAll(() => {
  installFaultHook(undefined);
  rmSync(dir, { recursive: true, force: true });
});

/** A results file of the whole cell, every row marked with `note`. */
function csvFor(c: Cell, decided: Rating, note: string): string {
  const code: Record<Rating, string> = { excellent: 'HTXSNV', good: 'HTTNV', complete: 'HTNV', incomplete: 'KHTNV' };
  return ['Mã đảng viên,Tự xếp loại,Chi bộ xếp loại,Ghi chú', ...roster[c].map((id) => `${id},${code[decided]},${code[decided]},${note}`)].join('\r\n') + '\r\n';
}

function runChild(tenant: string, c: Cell, csv: string, point: FaultPoint | null): Promise<ChildExit> {
  const file = join(dir, `${tenant}-${c}-${++opSeq}.csv`);
  writeFileSync(file, csv);
  const env = { ...process.env };
  if (point) env.KD_FAULT_KILL_AT = point;
  else delete env.KD_FAULT_KILL_AT;
  return runChildScript('test/support/commit-crash-child.ts', [dynamoEndpoint(), store.tableName, file, String(YEAR), c, tenant], env);
}

/** Null when the rows are one whole version; else what is wrong. */
function wholeness(c: Cell, rows: Map<string, { facts: { note: string | null } }>): string | null {
  const uploads = new Set([...rows.values()].map((r) => r.facts.note ?? '').filter((n) => !n.startsWith('e:')));
  if (uploads.size > 1) return `rows of several uploads: ${[...uploads].join(', ')}`;
  if (uploads.size === 1 && rows.size !== roster[c].length) return `${rows.size} of ${roster[c].length} rows of ${[...uploads][0]}`;
  return null;
}

interface Run {
  tenant: string;
  deps: { store: Store; clock: () => Date };
  caller: Record<Cell, Caller>;
  board: Caller;
  accepted: Record<Cell, Record<string, number>>;
  problems: string[];
}

async function settle(run: Run, c: Cell, action: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
    run.accepted[c][action] = (run.accepted[c][action] ?? 0) + 1;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    tally.refused++;
    refusals[`${action}:${error.code}`] = (refusals[`${action}:${error.code}`] ?? 0) + 1;
  }
}

async function perform(run: Run, o: Op): Promise<void> {
  const { deps, tenant } = run;
  const caller = run.caller[o.cell];
  const d = await getDossier(store, tenant, o.cell, YEAR);
  switch (o.t) {
    case 'commit': {
      const note = `u:${++opSeq}`;
      let changed = false;
      await settle(run, o.cell, 'results.commit', async () => {
        const out = await uploadResults(deps, caller, YEAR, o.cell, { stream: Readable.from([Buffer.from(csvFor(o.cell, o.decided, note))]), contentType: 'text/csv' }, false);
        if (out.refused) throw new Error(`refused upload: ${JSON.stringify(out.answer.errors)}`);
        changed = out.answer.committed && !out.answer.unchanged;
        if (!changed) throw new DomainError('VERSION_CONFLICT', 'unchanged');
      });
      if (changed) tally.commits++;
      return;
    }
    case 'edit': {
      const memberId = roster[o.cell][o.index % roster[o.cell].length]!;
      const row = d.currentVersion === null ? undefined : await getResultRow(store, tenant, o.cell, YEAR, d.currentVersion, memberId);
      const facts = MemberFacts.parse({ ...(row?.facts ?? {}), decided: o.decided, selfProposed: o.decided, note: `e:${++opSeq}` });
      return settle(run, o.cell, 'results.edit', () => saveMemberFacts(deps, caller, YEAR, o.cell, memberId, { facts, rowRev: row?.rev ?? null, dossierRev: d.rev }).then(() => tally.edits++));
    }
    case 'collective':
      return settle(run, o.cell, 'dossier.collective', () => setCollective(deps, caller, YEAR, o.cell, { proposed: o.decided, decided: o.decided, rev: d.rev }).then(() => tally.collectives++));
    case 'submit':
      return settle(run, o.cell, 'dossier.submit', () => submitDossier(deps, caller, YEAR, o.cell, d.rev).then(() => tally.submits++));
    case 'return':
      return settle(run, o.cell, 'dossier.return', () => returnDossier(deps, run.board, YEAR, o.cell, d.rev, 'Cần bổ sung biên bản họp chi bộ').then(() => tally.returns++));
    case 'read': {
      tally.reads++;
      const problem = wholeness(o.cell, await readResults(store, tenant, o.cell, YEAR));
      if (problem) run.problems.push(`read ${o.cell}: ${problem}`);
      return;
    }
    case 'crash': {
      tally.crashes++;
      const result = await runChild(tenant, o.cell, csvFor(o.cell, 'good', `k:${++opSeq}`), o.point);
      if (result.signal !== null && result.signal !== 'SIGKILL') throw new Error(`child ended by ${result.signal}: ${result.out}`);
      if (result.signal === null && result.code !== 0) throw new Error(`child failed: ${result.out}`);
      const body = result.signal === null ? (JSON.parse(result.stdout) as { status: number; body: { committed?: boolean; unchanged?: boolean; error?: { code: string } } }) : null;
      if (body && body.status >= 500) throw new Error(`child answered ${result.out}`);
      const flipped = (result.signal === 'SIGKILL' && o.point === 'afterFlip') || (body?.body.committed === true && body.body.unchanged === false);
      if (flipped) {
        tally.crashFlipped++;
        run.accepted[o.cell]['results.commit'] = (run.accepted[o.cell]['results.commit'] ?? 0) + 1;
      }
      return;
    }
  }
}

/** Reads the dossiers and current rows over and over while a sequence runs. */
function watch(run: Run): { stop: () => Promise<void> } {
  let running = true;
  const last: Record<string, { current: number; counter: number }> = {};
  const loop = (async () => {
    while (running) {
      for (const c of cells) {
        tally.watched++;
        const d = await getDossier(store, run.tenant, c, YEAR);
        const seen = last[c] ?? { current: 0, counter: 0 };
        const current = d.currentVersion ?? 0;
        if (current < seen.current) run.problems.push(`${c}: current version went from ${seen.current} to ${current}`);
        if (d.versionCounter < seen.counter) run.problems.push(`${c}: counter went from ${seen.counter} to ${d.versionCounter}`);
        if (d.versionCounter < current) run.problems.push(`${c}: counter ${d.versionCounter} behind current version ${current}`);
        last[c] = { current: Math.max(current, seen.current), counter: Math.max(d.versionCounter, seen.counter) };
        const problem = wholeness(c, await readResults(store, run.tenant, c, YEAR));
        if (problem) run.problems.push(`watcher ${c}: ${problem}`);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

async function auditOf(tenant: string, unitId: string): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let after = null;
  do {
    const page = await listAudit(store, tenant, unitId, { limit: 100, after });
    entries.push(...page.entries);
    after = page.next;
  } while (after);
  return entries;
}

/** The changes the sequences make (seeding writes audit entries of its own). */
const tracked = new Set(['results.commit', 'results.edit', 'dossier.collective', 'dossier.submit', 'dossier.return']);

async function expectConsistent(run: Run): Promise<void> {
  expect(run.problems).toEqual([]);
  for (const c of cells) {
    const audit = await auditOf(run.tenant, c);
    const counted: Record<string, number> = {};
    for (const e of audit) if (tracked.has(e.action)) counted[e.action] = (counted[e.action] ?? 0) + 1;
    expect({ cell: c, audit: counted }).toEqual({ cell: c, audit: Object.fromEntries(Object.entries(run.accepted[c]).filter(([, n]) => n > 0)) });
    const commits = audit.filter((e) => e.action === 'results.commit').map((e) => ({ before: (e.before as { version: number | null }).version ?? 0, after: (e.after as { version: number }).version }));
    for (const v of commits) expect(v.after, `${c}: a commit goes to a higher version`).toBeGreaterThan(v.before);
    expect(new Set(commits.map((v) => v.after)).size, `${c}: no version is committed twice`).toBe(commits.length);
    const d = await getDossier(store, run.tenant, c, YEAR);
    expect(d.versionCounter).toBeGreaterThanOrEqual(d.currentVersion ?? 0);
    expect(wholeness(c, await readResults(store, run.tenant, c, YEAR))).toBeNull();
  }
  // Roll-ups from the real stream equal the recount.
  await exclusive(() => consumer.drain().then(() => undefined));
  const year = (await loadRollupYears(store, run.tenant)).find((y) => y.campaign.year === YEAR)!;
  const oracle = await naiveRecount(store, run.tenant, year, 'P');
  const { total } = await listYearRollups(store, run.tenant, YEAR, 'ROLLUP');
  for (const [unitId, counts] of oracle) expect({ unitId, counts: total.get(unitId)?.counts }).toEqual({ unitId, counts });
}

describe('results versions under interleavings and crashes', () => {
  it('versions only go up, reads see one whole version, one audit entry per accepted change, roll-ups equal recounts', async () => {
    const started = Date.now();
    const property = fc.asyncProperty(
      fc.array(fc.array(op, { minLength: 1, maxLength: 3 }), { minLength: 6, maxLength: 9 }),
      fc.array(crash, { minLength: 1, maxLength: 2 }),
      async (waves, crashes) => {
        const tenant = `v${++sequence}`;
        const { units, members } = tree();
        await seedTenant(store, { tenantId: tenant, name: 'Tỉnh thử', units, members }, at);
        await putTestCampaign(store, tenant, YEAR);
        const cellCaller = (c: Cell): Caller => ({ sub: `s-${c}`, name: `Bí thư ${c}`, tenant, unit: c, role: 'cell_secretary' });
        const run: Run = {
          tenant,
          deps: { store, clock: () => new Date(at) },
          caller: { C1: cellCaller('C1'), C2: cellCaller('C2') },
          board: { sub: 's-BC', name: 'Đảng ủy BC', tenant, unit: 'BC', role: 'base_committee' },
          accepted: { C1: {}, C2: {} },
          problems: [],
        };
        // Both collectives rated first, so that a submit can pass once the rows are complete.
        const plan: Op[][] = [cells.map((c) => ({ t: 'collective' as const, cell: c, decided: 'good' as const })), ...waves.map((w) => [...w])];
        for (const k of crashes) plan[1 + (k.wave % waves.length)]!.push(k);
        const watcher = watch(run);
        try {
          for (const wave of plan) await Promise.all(wave.map((o) => perform(run, o)));
        } finally {
          await watcher.stop();
        }
        await expectConsistent(run);
      },
    );
    await Promise.all(Array.from({ length: PARALLEL }, (_, i) => fc.assert(property, { numRuns: Math.ceil(RUNS / PARALLEL), endOnFailure: true, seed: 1010 + i })));
    console.log(`interleavings: ${RUNS} sequences in ${((Date.now() - started) / 1000).toFixed(1)} s; ${JSON.stringify(tally)}; refused ${JSON.stringify(refusals)}`);
    expect(tally.crashes).toBeGreaterThan(0);
    expect(tally.commits + tally.crashFlipped).toBeGreaterThan(0);
    expect(tally.edits).toBeGreaterThan(0);
  }, 1_800_000);
});
