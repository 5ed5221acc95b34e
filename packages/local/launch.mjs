// `npm start` (and `npm run reset`, `npm run merge-provinces`): runs a script of packages/local/src
// from one esbuild bundle instead of loading a few hundred TypeScript files one by one through tsx,
// which took most of a start on a 2-core machine (docs/local-machines.md, "npm start"). The bundle
// is rebuilt only when a source file, the lock file or Node changed since the last build.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const script = process.argv[2];
if (!script || !existsSync(join(here, 'src', `${script}.ts`))) {
  console.error(`Cách dùng: node packages/local/launch.mjs <tên tệp trong packages/local/src, không có .ts>`);
  process.exit(2);
}

/** What the bundle is made of: every source file's path, size and time, the lock file, Node's version. */
function sourcesStamp() {
  const hash = createHash('sha256').update(process.version);
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(ts|tsx|json)$/.test(entry.name)) {
        const s = statSync(path);
        hash.update(`${path}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  for (const pkg of readdirSync(join(root, 'packages'))) if (existsSync(join(root, 'packages', pkg, 'src'))) visit(join(root, 'packages', pkg, 'src'));
  for (const file of ['package-lock.json', 'tsconfig.json']) if (existsSync(join(root, file))) hash.update(readFileSync(join(root, file)));
  return hash.digest('hex');
}

// One folder per build, named by what it was built from: several starts at once (the tests run
// `npm start` from two workers) each use a finished build or make their own and rename it in.
const builds = join(here, '.build');
const outdir = join(builds, `${script}-${sourcesStamp().slice(0, 16)}`);
if (!existsSync(join(outdir, `${script}.mjs`))) {
  const t0 = performance.now();
  mkdirSync(builds, { recursive: true });
  const scratch = mkdtempSync(join(builds, `.${script}-`));
  await build({
    entryPoints: { [script]: join(here, 'src', `${script}.ts`) },
    outdir: scratch,
    bundle: true,
    // What the app loads late (the pages, spreadsheets, Word files) stays a chunk loaded when
    // reached, as in the Lambda bundles (infra/bundle.ts); inlined, such a module can run before
    // its imports are set.
    splitting: true,
    chunkNames: '[name]-[hash]',
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    logLevel: 'error',
    // CommonJS dependencies inside an ES module bundle still call require() for Node's built-ins.
    banner: { js: "import { createRequire as __kdRequire } from 'node:module'; const require = __kdRequire(import.meta.url);" },
  });
  try {
    renameSync(scratch, outdir);
  } catch {
    rmSync(scratch, { recursive: true, force: true }); // another start finished the same build first
  }
  // Builds of older sources, once nothing started in the last hour can still be loading from them.
  for (const old of readdirSync(builds)) {
    const path = join(builds, old);
    if (path !== outdir && old.startsWith(`${script}-`) && Date.now() - statSync(path).mtimeMs > 3_600_000) rmSync(path, { recursive: true, force: true });
  }
  console.log(`Đã đóng gói ${script} (${((performance.now() - t0) / 1000).toFixed(1)} giây).`);
}
process.setSourceMapsEnabled(true);
// The script reads its own arguments from argv[2] on, as when tsx ran it.
process.argv.splice(2, 1);
await import(pathToFileURL(join(outdir, `${script}.mjs`)).href);
