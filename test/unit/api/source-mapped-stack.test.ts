import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { mapStackLine, sourceMappedStack } from '../../../packages/api/src/source-mapped-stack';

/**
 * The API function runs without `--enable-source-maps` (its cold start) and maps the stacks it
 * logs itself: a frame of a minified, split bundle is pointed back at the source line.
 */
const dir = mkdtempSync(join(tmpdir(), 'kd-stack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The stack of an error thrown in a minified bundle, in a plain `node` (as the API function runs). */
async function bundledStack(): Promise<string> {
  const src = join(dir, 'src');
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, 'read-unit.ts'), ['export function readUnit(id: string): string {', '  const unit = { id };', "  if (unit.id === 'x') throw new Error('không đọc được đơn vị');", '  return unit.id;', '}', ''].join('\n'));
  writeFileSync(join(src, 'entry.ts'), "import { readUnit } from './read-unit';\nexport const run = () => { readUnit('x'); };\n");
  // As infra/bundle.ts builds the functions: ESM, minified, maps beside the chunks, no sources inside.
  await build({ entryPoints: { index: join(src, 'entry.ts') }, outdir: join(dir, 'out'), bundle: true, format: 'esm', platform: 'node', minify: true, sourcemap: true, sourcesContent: false, outExtension: { '.js': '.mjs' }, logLevel: 'error' });
  const script = `import(${JSON.stringify(pathToFileURL(join(dir, 'out', 'index.mjs')).href)}).then((m) => { try { m.run(); } catch (e) { console.log(e.stack); } });`;
  return execFileSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH }, encoding: 'utf8' }).trim();
}

describe('a logged stack', () => {
  it('points the bundle’s frames at the source file and line', async () => {
    const stack = await bundledStack();
    expect(stack).toContain('index.mjs:1:');
    const thrown = Object.assign(new Error('không đọc được đơn vị'), { stack });
    const mapped = sourceMappedStack(new Error('yêu cầu thất bại', { cause: thrown }));
    expect(mapped).toMatch(/src\/read-unit\.ts:3:\d+/);
    expect(mapped).toMatch(/src\/entry\.ts:2:\d+/);
    expect(mapped).toContain('Caused by: Error: không đọc được đơn vị');
    expect(mapped).not.toContain('index.mjs');
  });

  it('leaves frames without a map, and lines that are not frames, as they are', () => {
    for (const line of ['    at readUnit (file:///work/packages/services/src/units/read-unit.ts:8:22)', '    at node:internal/process/task_queues:95:5', 'Error: hỏng', '    at async Promise.all (index 0)']) {
      expect(mapStackLine(line)).toBe(line);
    }
    expect(sourceMappedStack('chuỗi lỗi')).toBe('chuỗi lỗi');
  });
});
