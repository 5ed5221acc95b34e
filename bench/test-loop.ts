import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DURATIONS_FILE, type RunDurations } from '../test/support/durations-reporter';
import { printTable } from './measure';

const root = resolve(import.meta.dirname, '..');
const LOG = resolve(root, '.local/bench-tests.log');
const bin = (name: string) => resolve(root, 'node_modules/.bin', name);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Runs a command with its output appended to the log; wall time in ms and the exit code. */
function timed(command: string, args: string[]): Promise<{ ms: number; code: number }> {
  mkdirSync(dirname(LOG), { recursive: true });
  const log = createWriteStream(LOG, { flags: 'a' });
  log.write(`\n$ ${[command, ...args].join(' ')}\n`);
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  return new Promise((ok, fail) => {
    child.once('error', fail);
    child.once('close', (code) => {
      log.end();
      ok({ ms: performance.now() - started, code: code ?? 1 });
    });
  });
}

function readLastRun(): RunDurations {
  if (!existsSync(DURATIONS_FILE)) throw new Error(`no ${DURATIONS_FILE}: run the suite first (npm run bench -- tests)`);
  return JSON.parse(readFileSync(DURATIONS_FILE, 'utf8')) as RunDurations;
}

/** The ten slowest files of a run, each with its share of the summed file time (files run two at a time). */
export function slowestFiles(run: RunDurations, count = 10): { file: string; project: string; ms: number; share: number }[] {
  const total = run.files.reduce((sum, f) => sum + f.ms, 0);
  return [...run.files]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, count)
    .map((f) => ({ file: f.file, project: f.project, ms: f.ms, share: total > 0 ? f.ms / total : 0 }));
}

function printRun(run: RunDurations): Record<string, number | string> {
  const fileSum = run.files.reduce((sum, f) => sum + f.ms, 0);
  const failed = run.files.filter((f) => f.state !== 'passed').map((f) => f.file);
  const slowest = slowestFiles(run);
  printTable(`vitest, projects ${run.projects.join(', ')} (${run.finishedAt}): ${run.files.length} files, ${run.files.reduce((n, f) => n + f.tests, 0)} tests`, [
    ['wall time (global setups included)', seconds(run.wallMs)],
    ['sum of the files’ own times', seconds(fileSum)],
    ['files not passed', failed.length === 0 ? 'none' : failed.join(', ')],
  ]);
  printTable(
    'the ten slowest test files (share of the summed file time)',
    slowest.map((f) => [`${f.file} [${f.project}]`, `${seconds(f.ms).padStart(8)}  ${(f.share * 100).toFixed(1).padStart(5)} %`]),
  );
  return {
    vitestWallMs: run.wallMs,
    fileSumMs: fileSum,
    files: run.files.length,
    filesNotPassed: failed.length,
    slowest: slowest.map((f) => `${f.file} ${Math.round(f.ms)} ms ${(f.share * 100).toFixed(1)} %`).join('; '),
  };
}

/**
 * The test loop (issue 19): `npm run test:unit` alone, then `npm test` as its two steps (type-check,
 * every vitest project), and the slowest files of that run. `tests-last` only reads the durations
 * the last vitest run wrote (test/support/durations-reporter.ts), without running anything.
 */
export async function benchTests(options: { run?: boolean } = {}): Promise<Record<string, number | string>> {
  if (options.run === false) return printRun(readLastRun());
  console.log(`\ntest loop: output in ${LOG}`);
  const unit = await timed(bin('vitest'), ['run', '--project', 'unit']);
  const unitRun = readLastRun();
  // As `npm test` runs it: incremental, its build info kept in .local/ (a fresh clone pays the full check once).
  const typecheck = await timed(bin('tsc'), ['-p', 'tsconfig.json', '--noEmit', '--incremental', '--tsBuildInfoFile', '.local/tsc.tsbuildinfo']);
  const all = await timed(bin('vitest'), ['run']);
  printTable('test loop (wall time)', [
    ['npm run test:unit (target ≤ 60 s)', `${seconds(unit.ms)}${unit.code === 0 ? '' : `  FAILED (exit ${unit.code})`}  — ${unitRun.files.length} files, no Java (the unit project refuses it)`],
    ['type-check (tsc --noEmit --incremental)', `${seconds(typecheck.ms)}${typecheck.code === 0 ? '' : `  FAILED (exit ${typecheck.code})`}`],
    ['vitest run, every project', `${seconds(all.ms)}${all.code === 0 ? '' : `  FAILED (exit ${all.code})`}`],
    ['npm test = type-check + vitest (target ≤ 8 min)', seconds(typecheck.ms + all.ms)],
  ]);
  return { unitMs: unit.ms, unitExit: unit.code, typecheckMs: typecheck.ms, vitestMs: all.ms, vitestExit: all.code, npmTestMs: typecheck.ms + all.ms, ...printRun(readLastRun()) };
}
