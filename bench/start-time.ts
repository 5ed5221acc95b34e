import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../packages/local/src/dynamo-local';
import { ms, printTable } from './measure';

const root = resolve(import.meta.dirname, '..');

async function timeStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start'], { cwd: root, env: { ...process.env, PORT: String(port), KD_DATA_DIR: dataDir }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', async (d: Buffer) => {
      out += d.toString();
      if (out.includes('đang chạy tại')) ok();
    });
    child.once('exit', (code) => fail(new Error(`npm start exited ${code}: ${out}`)));
  });
  const res = await fetch(`http://127.0.0.1:${port}/login`);
  const elapsed = performance.now() - started;
  if (res.status !== 200) throw new Error(`login page answered ${res.status}`);
  process.kill(-child.pid!, 'SIGINT');
  await new Promise((r) => child.once('exit', r));
  return elapsed;
}

/** `npm start` until the login page answers: a first start (seeding included) and a later one. */
export async function benchStart(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'kd-bench-start-'));
  try {
    const first = await timeStart(dir);
    const later = await timeStart(dir);
    printTable('npm start → login page answers', [
      ['first start (demo seeding included; target ≤ 30 s)', ms(first)],
      ['later start (target ≤ 15 s)', ms(later)],
    ]);
    return { firstStartMs: first, laterStartMs: later };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
