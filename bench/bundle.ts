import { build } from 'esbuild';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { median, ms, printTable } from './measure';

const root = resolve(import.meta.dirname, '..');

/** The API bundle as the CDK builds it (infra/constructs/node-function.ts): size and cold load. */
export async function benchBundle(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'kd-bundle-'));
  const outfile = join(dir, 'index.mjs');
  await build({
    entryPoints: [join(root, 'functions/api.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    sourcemap: true,
    mainFields: ['module', 'main'],
    banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
    outfile,
    logLevel: 'silent',
  });
  const bytes = statSync(outfile).size;
  const loader = join(dir, 'load.mjs');
  writeFileSync(loader, `const m = await import(${JSON.stringify(outfile)}); if (typeof m.handler !== 'function') process.exit(2);`);
  const env = { ...process.env, TABLE_NAME: 'bench', USER_POOL_ID: 'ap-southeast-1_bench', USER_POOL_CLIENT_ID: 'bench', AWS_REGION: 'ap-southeast-1' };
  const time = (args: string[]) => {
    const t = performance.now();
    execFileSync(process.execPath, args, { env, stdio: 'ignore' });
    return performance.now() - t;
  };
  const runs = 7;
  const bare = median(Array.from({ length: runs }, () => time(['-e', ''])));
  const cold = median(Array.from({ length: runs }, () => time([loader])));
  printTable('API bundle (functions/api.ts, ESM, minified, AWS SDK inside)', [
    ['size', `${(bytes / 1024).toFixed(0)} KB`],
    ['cold load (node + import, median of 7)', ms(cold)],
    ['bare node start (median of 7)', ms(bare)],
    ['load cost over bare node', ms(cold - bare)],
  ]);
  return { bundleKB: bytes / 1024, coldLoadMs: cold, bareNodeMs: bare };
}
