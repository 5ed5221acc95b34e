import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { closedLoop, ms, printTable } from './measure';
import { createStore, getUnit, listChildren } from '@kd/data';

const root = resolve(import.meta.dirname, '..');

/** p50/p99 of GET /api/v1/units/{id} at 20 in flight for 10 s, beside a bare Hono handler, same run. */
export async function benchApiLatency(options: { seconds?: number; inFlight?: number } = {}): Promise<Record<string, number>> {
  const seconds = options.seconds ?? 10;
  const inFlight = options.inFlight ?? 20;
  const child = spawn(process.execPath, ['--import', 'tsx', join('bench', 'serve-for-bench.ts')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const info = await new Promise<{ appPort: number; barePort: number; token: string; unitId: string; endpoint: string }>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) ok(JSON.parse(line));
    });
    child.once('exit', (code) => fail(new Error(`bench server exited ${code}`)));
  });
  try {
    const appUrl = `http://127.0.0.1:${info.appPort}/api/v1/units/${info.unitId}`;
    const bareUrl = `http://127.0.0.1:${info.barePort}/units/${info.unitId}`;
    const headers = { authorization: `Bearer ${info.token}` };
    const get = (url: string, h?: Record<string, string>) => async () => {
      const res = await fetch(url, { headers: h });
      await res.arrayBuffer();
      return res.ok;
    };
    await closedLoop(get(appUrl, headers), inFlight, 2); // warm-up
    await closedLoop(get(bareUrl), inFlight, 1);
    const bare = await closedLoop(get(bareUrl), inFlight, seconds);
    // The engine's floor: the same reads straight against DynamoDB Local (unit, then children and parent).
    const store = createStore({ tableName: 'bench-api', endpoint: info.endpoint });
    const engine = await closedLoop(async () => {
      const unit = await getUnit(store, 'tra-vinh', info.unitId);
      await Promise.all([listChildren(store, 'tra-vinh', info.unitId), getUnit(store, 'tra-vinh', unit!.parentId!)]);
      return true;
    }, inFlight, seconds);
    const api = await closedLoop(get(appUrl, headers), inFlight, seconds);
    printTable(`GET /api/v1/units/{id}: ${inFlight} in flight, ${seconds} s each, over 127.0.0.1`, [
      ['API p50 / p99', `${ms(api.p50)} / ${ms(api.p99)}  (${api.requests} requests, ${api.errors} errors)`],
      ['bare Hono p50 / p99', `${ms(bare.p50)} / ${ms(bare.p99)}  (${bare.requests} requests)`],
      ['ratio to bare Hono p50 / p99', `${(api.p50 / bare.p50).toFixed(1)}× / ${(api.p99 / bare.p99).toFixed(1)}×`],
      ['same reads on DynamoDB Local p50 / p99', `${ms(engine.p50)} / ${ms(engine.p99)}  (the engine's floor)`],
      ['ratio to the engine p50 / p99', `${(api.p50 / engine.p50).toFixed(1)}× / ${(api.p99 / engine.p99).toFixed(1)}×`],
    ]);
    store.raw.destroy();
    return { apiP50: api.p50, apiP99: api.p99, bareP50: bare.p50, bareP99: bare.p99, engineP50: engine.p50, engineP99: engine.p99, apiErrors: api.errors };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}
