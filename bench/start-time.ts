import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, startDynamoLocal } from '../packages/local/src/dynamo-local';
import { ms, printTable } from './measure';

const root = resolve(import.meta.dirname, '..');
const mkdirFor = (dir: string, name: string) => (mkdirSync(join(dir, name), { recursive: true }), join(dir, name));

/** What `npm start` printed: its own phase times (units per tenant, ready after, the rest of the demo). */
const phases = (out: string) => out.split('\n').filter((l) => /Đang tạo|Đang dựng|sẵn sàng|xong/.test(l)).map((l) => `    ${l.trim()}`);

/**
 * One `npm start` in its own process group: the time until the login page answers 200, and, when
 * `seeded` is set, until it says the whole demo is in (members and campaigns follow in the background).
 */
async function timeStart(dataDir: string, seeded: boolean): Promise<{ ready: number; complete: number | null; story: number | null }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start'], { cwd: root, env: { ...process.env, PORT: String(port), KD_DATA_DIR: dataDir }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const printed = (text: string) =>
    new Promise<void>((ok, fail) => {
      const check = () => out.includes(text) && ok();
      child.stdout!.on('data', check);
      check();
      child.once('exit', (code) => fail(new Error(`npm start exited ${code}: ${out}`)));
    });
  await printed('đang chạy tại');
  const res = await fetch(`http://127.0.0.1:${port}/login`);
  const ready = performance.now() - started;
  if (res.status !== 200) throw new Error(`login page answered ${res.status}`);
  let complete: number | null = null;
  let story: number | null = null;
  if (seeded && out.includes('Đang tạo tiếp')) {
    await printed('Dữ liệu mẫu: xong');
    complete = performance.now() - started;
    await printed('Sắp xếp tổ chức 2025 xong');
    story = performance.now() - started;
  }
  console.log(phases(out).join('\n'));
  process.kill(-child.pid!, 'SIGINT');
  await new Promise((r) => child.once('exit', r));
  return { ready, complete, story };
}

/** `npm start` until the login page answers: a first start (seeding its first part) and a later one. */
export async function benchStart(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'kd-bench-start-'));
  try {
    // The floor, in the same run: DynamoDB Local alone, from spawning Java to its first answer.
    const t0 = performance.now();
    const bare = await startDynamoLocal({ path: mkdirFor(dir, 'bare') });
    const floor = performance.now() - t0;
    await bare.stop();
    const first = await timeStart(join(dir, 'demo'), true);
    const later = await timeStart(join(dir, 'demo'), false);
    const since = (t: number | null) => (t === null ? '—' : ms(t));
    printTable('npm start → login page answers', [
      ['baseline: DynamoDB Local alone answers', ms(floor)],
      ['first start (units seeded before serving; target ≤ 20 s)', `${ms(first.ready)} (${(first.ready / floor).toFixed(1)}×)`],
      ['  the whole demo seeded (members, campaigns, in the background)', since(first.complete)],
      ['  the 2025 story done (tree jobs, in the background)', since(first.story)],
      ['later start (target ≤ 8 s)', `${ms(later.ready)} (${(later.ready / floor).toFixed(1)}×)`],
    ]);
    return { dynamoLocalMs: floor, firstStartMs: first.ready, firstStartCompleteMs: first.complete ?? NaN, firstStartStoryMs: first.story ?? NaN, laterStartMs: later.ready };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
