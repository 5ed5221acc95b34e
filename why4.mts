import { build } from 'esbuild';
import { chunkSizes, functionBuildOptions } from '/work/main/infra/bundle.ts';
const metafile = (await build({ ...functionBuildOptions('api', '/tmp/kd-bundle-why'), write: false, sourcemap: false })).metafile!;
const sizes = chunkSizes(metafile);
const rows: [number, string][] = [];
for (const file of sizes.initial) for (const [input, v] of Object.entries(metafile.outputs[file]!.inputs)) if (input.startsWith('packages/')) rows.push([v.bytesInOutput, input]);
console.log('initial KB', (sizes.initialBytes / 1024).toFixed(1));
for (const [v, k] of rows.sort((a, b) => b[0] - a[0]).slice(0, 45)) console.log((v / 1024).toFixed(1), k);
