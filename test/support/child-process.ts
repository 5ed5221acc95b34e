import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * Child processes that the crash tests kill with SIGKILL (a crashed Lambda, a timed-out job).
 * Each child script is bundled once per test process with esbuild — the workspace packages and
 * their dependencies in one ES module — and started with plain `node`: a child then starts in about
 * a third of the time `node --import tsx` takes to load the same code file by file, and the crash
 * tests start dozens of them. One process, so the SIGKILL is what its parent sees.
 */
const root = resolve(import.meta.dirname, '../..');
const bundles = new Map<string, Promise<string>>();

function bundle(script: string): Promise<string> {
  let built = bundles.get(script);
  if (!built) {
    // Inside the repository (`.local/` is ignored by git), where the external packages resolve.
    mkdirSync(join(root, '.local'), { recursive: true });
    const outdir = mkdtempSync(join(root, '.local', 'child-'));
    process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
    const outfile = join(outdir, `${basename(script, '.ts')}.js`);
    built = build({
      entryPoints: [resolve(root, script)],
      outdir,
      // Dynamic imports stay chunks of their own, loaded when reached, as in the Lambda bundles
      // (infra/bundle.ts): inlined, a module the app loads late can run before its imports are set.
      splitting: true,
      outExtension: { '.js': '.js' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
      // CommonJS dependencies inside an ES module bundle still call require() for Node's built-ins.
      banner: { js: "import { createRequire as __kdRequire } from 'node:module'; const require = __kdRequire(import.meta.url);" },
    }).then(() => outfile);
    bundles.set(script, built);
  }
  return built;
}

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** stdout and stderr together. */
  out: string;
}

/** Runs `script` (a path from the repository's root) bundled, with `args`, and resolves when it exits. */
export async function runChildScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<ChildExit> {
  const child: ChildProcess = spawn(process.execPath, [await bundle(script), ...args], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let stdout = '';
  child.stdout!.on('data', (d: Buffer) => ((stdout += d.toString()), (out += d.toString())));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((done) => child.once('exit', (code, signal) => done({ code, signal, stdout, out })));
}
