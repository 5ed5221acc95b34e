import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createStore, ensureTable } from '@kd/data';
import { bundleFunction, chunkSizes, functionBuildOptions } from '../infra/bundle';
import { startDynamoLocal } from '../packages/local/src/dynamo-local';
import { generateDemo } from '../packages/local/src/demo';
import { seedTenant } from '../packages/local/src/seed';
import { median, ms, printTable } from './measure';

const KB = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const TABLE = 'bench-bundle';

/** An HTTP API (payload 2.0) event as API Gateway sends it after its JWT authorizer let the token through. */
function gatewayEvent(path: string, caller: { tenant: string; unit: string }) {
  return {
    version: '2.0',
    routeKey: 'GET /api/v1/{proxy+}',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'bench.execute-api.ap-southeast-1.amazonaws.com', authorization: 'Bearer verified-by-the-gateway', accept: '*/*' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'bench',
      domainName: 'bench.execute-api.ap-southeast-1.amazonaws.com',
      domainPrefix: 'bench',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'bench' },
      requestId: 'bench',
      routeKey: 'GET /api/v1/{proxy+}',
      stage: '$default',
      time: '01/Dec/2025:08:00:00 +0000',
      timeEpoch: 1764576000000,
      authorizer: {
        jwt: {
          claims: { sub: 'bench', exp: String(Math.floor(Date.now() / 1000) + 3600), name: 'Ban Tổ chức', 'custom:tenant': caller.tenant, 'custom:unit': caller.unit, 'custom:role': 'province_board' },
          scopes: null,
        },
      },
    },
    isBase64Encoded: false,
  };
}

/**
 * What a fresh Lambda container does: import the handler (the module's init: the app, the SDK
 * client), then serve requests. Prints the times from the process's origin, in ms.
 */
function coldScript(index: string, paths: string[], caller: { tenant: string; unit: string }): string {
  return `
const at = () => performance.now();
const { handler } = await import(${JSON.stringify(index)});
const init = at();
const context = { awsRequestId: 'bench', functionName: 'api', getRemainingTimeInMillis: () => 29000 };
const times = [];
let cpu = 0;
for (const event of ${JSON.stringify(paths.map((path) => gatewayEvent(path, caller)))}) {
  const t = at();
  const res = await handler(event, context);
  if (res.statusCode !== 200) { console.error(event.rawPath, res.statusCode, res.body); process.exit(2); }
  times.push(at() - t);
  if (times.length === 1) { const u = process.cpuUsage(); cpu = (u.user + u.system) / 1000; }
}
console.log(JSON.stringify({ init, times, cpu }));
process.exit(0);
`;
}

interface Run {
  wall: number;
  init: number;
  times: number[];
  /** CPU time (user + system, every thread) of the process until its first response, in ms. */
  cpu: number;
}

/**
 * The API function's asset as `npm run synth` builds it (infra/bundle.ts): what loads at cold
 * start and what loads later, and a fresh process importing its handler and serving a first
 * `GET /api/v1/units/{id}` against DynamoDB Local, beside a bare `node` start (issue 19). Also the
 * alternative of a separate function for spreadsheets, and the same app bundled as one file (the
 * build before issue 19), in the same run.
 */
export async function benchBundle(options: { runs?: number } = {}): Promise<Record<string, number | string>> {
  const runs = options.runs ?? 15;
  const dir = mkdtempSync(join(tmpdir(), 'kd-bundle-'));
  const dynamo = await startDynamoLocal();
  try {
    const split = join(dir, 'api');
    const sizes = chunkSizes(await bundleFunction('api', split));
    const others: [string, number][] = [];
    for (const entry of ['rollup-stream', 'reconcile', 'deadline-report']) others.push([entry, chunkSizes(await bundleFunction(entry, join(dir, entry))).initialBytes]);
    // The same app as one file, as functions were bundled before issue 19 (no splitting: every `import()` inlined).
    const single = join(dir, 'single');
    const { splitting: _s, outdir: _o, chunkNames: _c, outExtension: _e, ...one } = functionBuildOptions('api', single);
    await build({ ...one, outfile: join(single, 'index.mjs') });
    // The floor: the stack alone (bench/cold-start-floor.ts), bundled the same way.
    const floor = join(dir, 'floor');
    const floorSizes = chunkSizes((await build({ ...functionBuildOptions('api', floor), entryPoints: { index: join(import.meta.dirname, 'cold-start-floor.ts') } })).metafile);

    const store = createStore({ tableName: TABLE, endpoint: dynamo.endpoint });
    await ensureTable(store);
    // The demo province's units are enough for these two reads (a unit, a cell's roster template).
    const tenant = generateDemo().tenants[0]!;
    await seedTenant(store, { ...tenant, members: [] }, new Date().toISOString());
    store.raw.destroy();
    const board = tenant.identities.find((i) => i.role === 'province_board')!;

    const unitPath = '/api/v1/units/tv-duk-syt';
    const xlsxPath = '/api/v1/units/tv-duk-syt-bvp/roster-template';
    const env = {
      ...process.env,
      // As deployed: no NODE_OPTIONS (infra/constructs/api.ts, sourceMapsAtLoad: false).
      NODE_OPTIONS: '',
      TABLE_NAME: TABLE,
      USER_POOL_ID: 'ap-southeast-1_bench',
      USER_POOL_CLIENT_ID: 'bench',
      AUTH_DOMAIN_URL: 'https://bench.auth.ap-southeast-1.amazoncognito.com',
      CONTENT_SECURITY_POLICY: "default-src 'self'; frame-ancestors 'none'",
      CURSOR_KEY: 'bench-cursor-key-bench-cursor-key-0123456789',
      AWS_REGION: 'ap-southeast-1',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
    };
    const script = (name: string, index: string, paths: string[]) => {
      const file = join(dir, `${name}.mjs`);
      writeFileSync(file, coldScript(index, paths, board));
      return file;
    };
    const cases = {
      bare: ['-e', 'const u = process.cpuUsage(); console.log(JSON.stringify({ init: 0, times: [], cpu: (u.user + u.system) / 1000 }))'],
      cold: [script('cold', join(split, 'index.mjs'), [unitPath, unitPath, xlsxPath])],
      floor: [script('floor', join(floor, 'index.mjs'), [unitPath])],
      coldXlsx: [script('cold-xlsx', join(split, 'index.mjs'), [xlsxPath])],
      single: [script('single', join(single, 'index.mjs'), [unitPath])],
    };
    const run = (args: string[]): Run => {
      const t = performance.now();
      const out = execFileSync(process.execPath, args, { env, encoding: 'utf8' });
      const wall = performance.now() - t;
      return { wall, ...(JSON.parse(out) as Omit<Run, 'wall'>) };
    };
    run(cases.cold); // warm DynamoDB Local's JIT and the file cache once
    const results: Record<keyof typeof cases, Run[]> = { bare: [], cold: [], floor: [], coldXlsx: [], single: [] };
    // Interleaved, so that a burst of load on this shared machine hits every case alike.
    for (let i = 0; i < runs; i++) for (const name of Object.keys(cases) as (keyof typeof cases)[]) results[name].push(run(cases[name]));
    const med = (name: keyof typeof cases, pick: (r: Run) => number) => median(results[name].map(pick));
    const bare = med('bare', (r) => r.wall);
    const bareCpu = med('bare', (r) => r.cpu);
    const coldCpu = med('cold', (r) => r.cpu);
    // The cold start proper: from the process's start to the first response (exit not included).
    const coldFirst = med('cold', (r) => r.init + r.times[0]!);
    // Each round's cold start over the bare start measured beside it: a machine whose speed drifts
    // between rounds (a shared host) moves both alike, where the ratio of the two medians would not.
    const roundRatio = median(results.cold.map((r, i) => (r.init + r.times[0]!) / results.bare[i]!.wall));
    const coldWall = med('cold', (r) => r.wall);
    const singleFirst = med('single', (r) => r.init + r.times[0]!);
    const warmGet = med('cold', (r) => r.times[1]!);
    const chunkLater = med('cold', (r) => r.times[2]!);
    const floorFirst = med('floor', (r) => r.init + r.times[0]!);
    const floorCpu = med('floor', (r) => r.cpu);
    const separateFirst = med('coldXlsx', (r) => r.init + r.times[0]!);
    const lazyKB = sizes.lazy.reduce((sum, c) => sum + c.bytes, 0);
    const singleBytes = statSync(join(single, 'index.mjs')).size;

    printTable('API function (functions/api.ts) as `npm run synth` bundles it (infra/bundle.ts: ESM, code splitting, minified)', [
      ['loaded at cold start (index.mjs + its static chunks; target ≤ 1,100 KB)', `${KB(sizes.initialBytes)} in ${sizes.initial.length} files`],
      ['loaded later by the routes that use them', `${KB(lazyKB)} in ${sizes.lazy.length} chunks`],
      ...sizes.lazy.slice(0, 4).map((c): [string, string] => [`  ${relative(split, c.file.replace(/^(\.\.\/)+/, '/'))}`, KB(c.bytes)]),
      ['the same app as one file (the build before issue 19)', KB(singleBytes)],
      ...others.map(([entry, bytes]): [string, string] => [`${entry} function, loaded at cold start`, KB(bytes)]),
    ]);
    printTable(`fresh process: import the handler, then GET ${unitPath} on DynamoDB Local (medians of ${runs} rounds, each round one run of every case)`, [
      ['bare node start (node -e "", process wall time)', ms(bare)],
      ['cold init + first GET (process start → response; target ≤ 3× bare)', `${ms(coldFirst)}  = ${roundRatio.toFixed(2)}× bare (median of the rounds' ratios; ratio of the medians ${(coldFirst / bare).toFixed(2)}×)`],
      ['  of which import + init of the handler', ms(med('cold', (r) => r.init))],
      ['  of which the first GET', ms(med('cold', (r) => r.times[0]!))],
      ['  a second GET in the same process (DynamoDB Local’s share)', ms(warmGet)],
      ['CPU time: bare node / cold init + first GET (less sensitive to other load)', `${ms(bareCpu)} / ${ms(coldCpu)}  = ${(coldCpu / bareCpu).toFixed(2)}×`],
      ['  the whole process, exit included', `${ms(coldWall)}  = ${(coldWall / bare).toFixed(2)}× bare`],
      ['one-file bundle: cold init + first GET', `${ms(singleFirst)}  = ${(singleFirst / bare).toFixed(2)}× bare`],
      [`the floor: Hono, zod-openapi, the document client, one GetItem (${KB(floorSizes.initialBytes)})`, `${ms(floorFirst)}  = ${(floorFirst / bare).toFixed(2)}× bare; CPU ${(floorCpu / bareCpu).toFixed(2)}×`],
    ]);
    printTable(`a spreadsheet route (GET ${xlsxPath}): lazy chunk or a separate function`, [
      ['in the same function, after a first GET (chunk loaded then)', ms(chunkLater)],
      ['as the first request of a fresh process (what a separate function would pay)', `${ms(separateFirst)}  = ${(separateFirst / bare).toFixed(2)}× bare`],
    ]);
    return {
      initialKB: sizes.initialBytes / 1024,
      lazyKB: lazyKB / 1024,
      singleFileKB: singleBytes / 1024,
      bareNodeMs: bare,
      coldFirstRequestMs: coldFirst,
      coldRatio: roundRatio,
      coldRatioOfMedians: coldFirst / bare,
      bareNodeCpuMs: bareCpu,
      coldCpuMs: coldCpu,
      singleFileColdMs: singleFirst,
      floorColdMs: floorFirst,
      floorRatio: floorFirst / bare,
      xlsxAfterWarmMs: chunkLater,
      xlsxColdMs: separateFirst,
    };
  } finally {
    await dynamo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
