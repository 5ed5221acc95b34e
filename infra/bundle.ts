import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * zod re-exports every one of its ~40 message locales as a namespace object (`z.locales`), so
 * a bundler cannot drop them: 258 KB minified in every function. Only English is ever configured
 * (our users read the Vietnamese messages of packages/api/src/errors.ts, never zod's), so the
 * bundle keeps `en` alone; `z.locales.vi()` and the like are undefined in a deployed function.
 */
const englishZodLocaleOnly: Plugin = {
  name: 'english-zod-locale-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir) ? { path: join(args.resolveDir, '..', 'locales', 'en.js'), namespace: 'zod-en-only' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-en-only' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(args.path)};`,
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * How every Lambda function is bundled (infra/constructs/node-function.ts), and what
 * `npm run bench -- bundle` measures: ESM with code splitting, so that what only some requests
 * need (spreadsheets, Word documents, the S3 client — each behind an `import()`) is a chunk of its
 * own, loaded by the first request that uses it instead of by every cold start. The entry is
 * `index.mjs` (handler `index.handler`), the chunks `chunks/*.mjs`.
 */
export function functionBuildOptions(entry: string, outdir: string): BuildOptions & { metafile: true } {
  return {
    entryPoints: { index: join(repositoryRoot, 'functions', `${entry}.ts`) },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    target: 'node20',
    minify: true,
    // Vietnamese text as UTF-8 (2–3 bytes a letter) rather than \u escapes (6 bytes): about a tenth of
    // the code a cold start loads is messages, rulebooks and document sections in Vietnamese.
    charset: 'utf8',
    // Stack traces in the logs point at the sources (NODE_OPTIONS=--enable-source-maps); the
    // sources themselves stay out of the maps, which only the stack traces read.
    sourcemap: true,
    sourcesContent: false,
    mainFields: ['module', 'main'],
    // The SDK versions are pinned in package.json; bundling them keeps deployed code on the same
    // versions the tests ran against instead of whatever the runtime ships (docs/deploy.md).
    // Some CommonJS dependencies call require() inside an ESM bundle.
    banner: { js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);" },
    plugins: [englishZodLocaleOnly],
    metafile: true,
    logLevel: 'warning',
  };
}

/** Bundles functions/<entry>.ts into `outdir`; the metafile tells which chunk holds what. */
export async function bundleFunction(entry: string, outdir: string): Promise<Metafile> {
  const result = await build(functionBuildOptions(entry, outdir));
  return result.metafile;
}

export interface ChunkSizes {
  /** Bytes the runtime loads before the handler runs: the entry and every chunk it imports statically. */
  initialBytes: number;
  initial: string[];
  /** Chunks reached only through `import()`, each with its size: loaded by the requests that use them. */
  lazy: Array<{ file: string; bytes: number }>;
}

/** Splits a bundle's JavaScript outputs into what loads at cold start and what loads later. */
export function chunkSizes(metafile: Metafile): ChunkSizes {
  const outputs = metafile.outputs;
  const entry = Object.keys(outputs).find((file) => /(^|\/)index\.mjs$/.test(file))!;
  const initial = new Set<string>();
  const visit = (file: string) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const imported of outputs[file]!.imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(entry);
  const js = Object.keys(outputs).filter((file) => file.endsWith('.mjs'));
  return {
    initialBytes: [...initial].reduce((sum, file) => sum + outputs[file]!.bytes, 0),
    initial: [...initial],
    lazy: js.filter((file) => !initial.has(file)).map((file) => ({ file, bytes: outputs[file]!.bytes })).sort((a, b) => b.bytes - a.bytes),
  };
}

// `tsx infra/bundle.ts <entry> <outdir>`: what the construct runs at synthesis (CDK bundles synchronously).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [entry, outdir] = process.argv.slice(2);
  if (!entry || !outdir) throw new Error('usage: tsx infra/bundle.ts <entry> <outdir>');
  await bundleFunction(entry, outdir);
}
