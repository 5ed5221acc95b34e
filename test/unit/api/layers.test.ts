import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : []));
const importsOf = (file: string) => [...readFileSync(join(root, file), 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);

// docs/architecture.md: routes and pages only translate HTTP and call @kd/services; neither reaches
// into the other, and the API never loads the jobs' adapters.
describe('the layers of packages/api', () => {
  it('pages import no route module, and routes no page module (both share base-paths, openapi, views)', () => {
    const crossing = (dir: string, other: string) =>
      sources(dir).flatMap((file) => importsOf(file).filter((spec) => spec.startsWith('.') && relative(root, resolve(join(root, file), '..', spec)).startsWith(other)).map((spec) => `${file} → ${spec}`));
    expect(crossing('packages/api/src/pages', 'packages/api/src/routes/')).toEqual([]);
    expect(crossing('packages/api/src/routes', 'packages/api/src/pages/').filter((c) => !c.startsWith('packages/api/src/routes/docs.tsx'))).toEqual([]);
  });

  it('the API imports nothing of @kd/jobs', () => {
    expect(sources('packages/api/src').filter((file) => importsOf(file).some((spec) => spec.startsWith('@kd/jobs')))).toEqual([]);
  });
});
