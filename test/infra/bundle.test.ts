import { build, type Metafile } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunkSizes, functionBuildOptions } from '../../infra/bundle';

/**
 * The API function as synthesis bundles it (infra/bundle.ts), built in memory: what a cold start
 * loads must stay small (issue 19; its time is measured by `npm run bench -- bundle`). One static
 * import of '@kd/files' or of the S3 client on the request path would pull them back in.
 */
const metafile: Metafile = (await build({ ...functionBuildOptions('api', '/tmp/kd-bundle-test'), write: false, sourcemap: false })).metafile;
const sizes = chunkSizes(metafile);
const initialInputs = new Set(sizes.initial.flatMap((file) => Object.entries(metafile.outputs[file]!.inputs).filter(([, v]) => v.bytesInOutput > 0).map(([input]) => input)));
const lazyInputs = new Set(sizes.lazy.flatMap((c) => Object.keys(metafile.outputs[c.file]!.inputs)));
const loadedAtColdStart = (pattern: RegExp) => [...initialInputs].filter((input) => pattern.test(input));

describe('the API function’s bundle', () => {
  it('loads at most 1,100 KB at a cold start', () => {
    expect(sizes.initialBytes / 1024).toBeLessThanOrEqual(1100);
  });

  it('leaves spreadsheets, Word documents, legacy code pages and the S3 client to the routes that use them', () => {
    const heavy = /node_modules\/(exceljs|docx|iconv-lite|csv-parse|yauzl|@aws-sdk\/client-s3|@aws-sdk\/s3-request-presigner)\//;
    expect(loadedAtColdStart(heavy)).toEqual([]);
    expect(loadedAtColdStart(/^packages\/files\//)).toEqual([]);
    for (const name of ['exceljs', 'docx', 'iconv-lite', '@aws-sdk/client-s3']) {
      expect([...lazyInputs].some((input) => input.startsWith(`node_modules/${name}/`)), name).toBe(true);
    }
  });

  it('carries zod’s English messages only', () => {
    expect(loadedAtColdStart(/^node_modules\/zod\/v4\/locales\//)).toEqual(['node_modules/zod/v4/locales/en.js']);
  });

  it('builds no route group, no OpenAPI definition and no page at a cold start', () => {
    expect(loadedAtColdStart(/node_modules\/(@hono\/zod-openapi|@asteasolutions\/zod-to-openapi)\//)).toEqual([]);
    expect(loadedAtColdStart(/^packages\/api\/src\/(routes\/(?!route-group-dispatch|api-paths|route-groups|docs)|pages\/(?!page-paths))/)).toEqual([]);
  });

  it('serves, built and in a fresh process, a page, the OpenAPI document and the error page from the chunks it loads late', async () => {
    // A split chunk may run a module that takes `z` from @hono/zod-openapi before that module has
    // extended zod (late-import.ts): only the built bundle shows it, not the tests' module loader.
    const dir = mkdtempSync(join(tmpdir(), 'kd-bundle-run-'));
    try {
      await build({ ...functionBuildOptions('api', dir), sourcemap: false });
      const event = (path: string) => ({
        version: '2.0', routeKey: '$default', rawPath: path, rawQueryString: '', isBase64Encoded: false,
        headers: { host: 'kd.execute-api.ap-southeast-1.amazonaws.com', accept: 'text/html' },
        requestContext: { http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' }, domainName: 'kd.execute-api.ap-southeast-1.amazonaws.com', stage: '$default', requestId: 'r', routeKey: '$default', timeEpoch: 0 },
      });
      const script = join(dir, 'run.mjs');
      writeFileSync(
        script,
        `const { handler } = await import(${JSON.stringify(join(dir, 'index.mjs'))});
const event = (path) => JSON.parse(${JSON.stringify(JSON.stringify(event('@PATH@')))}.replaceAll('@PATH@', path));
const out = [];
for (const path of ['/assets/app.css', '/openapi.json', '/khong-co-trang-nay']) { const r = await handler(event(path), {}); out.push([path, r.statusCode, String(r.body).slice(0, 60)]); }
console.log(JSON.stringify(out));
process.exit(0);
`,
      );
      const env = {
        PATH: process.env.PATH, AWS_REGION: 'ap-southeast-1', AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_EC2_METADATA_DISABLED: 'true',
        TABLE_NAME: 'kd-test', USER_POOL_ID: 'ap-southeast-1_test', USER_POOL_CLIENT_ID: 'test', AUTH_DOMAIN_URL: 'https://test.auth.ap-southeast-1.amazoncognito.com',
        CONTENT_SECURITY_POLICY: "default-src 'self'; frame-ancestors 'none'", CURSOR_KEY: 'test-cursor-key-test-cursor-key-0123456789',
      };
      const answers = JSON.parse(execFileSync(process.execPath, [script], { env, encoding: 'utf8' }).trim().split('\n').at(-1)!) as [string, number, string][];
      expect(answers.map(([path, status]) => [path, status])).toEqual([['/assets/app.css', 200], ['/openapi.json', 200], ['/khong-co-trang-nay', 404]]);
      expect(answers[1]![2]).toContain('"openapi":"3.1.0"');
      expect(answers[2]![2]).toContain('<html lang="vi"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
