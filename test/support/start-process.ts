import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '../../packages/local/src/dynamo-local';

export interface StartedService {
  child: ChildProcess;
  url: string;
  output: () => string;
  readyAfterMs: number;
  /** Resolves once the output contains `text` (it fails the test after `timeoutMs`). */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
  /** Ctrl-C: SIGINT to the whole process group, as a terminal does. */
  interrupt(): Promise<number | null>;
}

const root = resolve(import.meta.dirname, '../..');

/** Runs `npm start` the way a newcomer does, in its own process group, and waits until it serves. */
export async function startService(dataDir: string, timeoutMs = 120_000): Promise<StartedService> {
  const port = await freePort();
  const started = Date.now();
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), KD_DATA_DIR: dataDir },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`npm start did not get ready:\n${out}`)), timeoutMs);
    const check = () => {
      if (out.includes('đang chạy tại')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`npm start exited (${code}):\n${out}`));
    });
  });
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    readyAfterMs: Date.now() - started,
    waitFor: (text, waitMs = timeoutMs) =>
      new Promise<void>((found, fail) => {
        if (out.includes(text)) return found();
        const timer = setTimeout(() => fail(new Error(`npm start never printed "${text}":\n${out}`)), waitMs);
        const check = () => {
          if (!out.includes(text)) return;
          clearTimeout(timer);
          child.stdout!.off('data', check);
          found();
        };
        child.stdout!.on('data', check);
      }),
    async interrupt() {
      process.kill(-child.pid!, 'SIGINT');
      const code = await exited;
      // npm may answer before the service it started has finished its own stop (which ends
      // DynamoDB Local): wait until the process group is empty, up to 30 s.
      for (const deadline = Date.now() + 30_000; groupAlive(child.pid!) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 100));
      return code;
    },
  };
}

/** Whether any process of the group led by `pid` is still alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Command lines of running processes that mention `text`. */
export function processesMentioning(text: string): string[] {
  const ps = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return ps.split('\n').filter((line) => line.includes(text) && !line.includes('ps -eo'));
}
