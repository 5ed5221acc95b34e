import './no-network-env';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createStore, ensureTable, indexMemberNames, memberNameIndexEmpty } from '@kd/data';
import { roleLabels } from '@kd/domain';
import { createWalDatabase, enableWriteAheadLog, freePort, startDynamoLocal } from './dynamo-local';
import { config } from './paths';
import { markSeeded, seedMembers, seedState, seedUnits } from './seed';
import { createLocalApp } from './local-app';
import { generateDemo } from './demo';
import { seedDemoCampaigns } from './seed-demo-campaigns';
import { localJobs } from './jobs';
import { isReorganised, reorganise2025 } from './reorganise-2025';


async function main() {
  const started = Date.now();
  const settings = config();
  const TABLE = settings.tableName;
  const dir = settings.dataDir;
  mkdirSync(join(dir, 'dynamodb'), { recursive: true });
  const port = settings.port;
  const dbPath = join(dir, 'dynamodb');
  const dynamoPort = settings.dynamoPort;
  // A first start writes the database file in WAL mode itself; a file from before is switched.
  if (!createWalDatabase(dbPath)) enableWriteAheadLog(dbPath);
  // The JVM starts on the other core while this one builds the demo (pure, about a second): with
  // its port known, startDynamoLocal spawns Java before its first await.
  const dynamoStarting = startDynamoLocal({ path: dbPath, port: dynamoPort ?? (await freePort()) });
  const demo = generateDemo();
  const dynamo = await dynamoStarting;
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log('\nĐang dừng…');
    server?.close();
    await Promise.allSettled(jobs.map((j) => j.stop()));
    await dynamo.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  process.on('uncaughtException', (e) => {
    console.error(e);
    void stop(1);
  });
  let server: ReturnType<typeof serve> | undefined;
  let jobs: { stop(): Promise<void> }[] = [];

  const store = createStore({ tableName: TABLE, endpoint: dynamo.endpoint });
  await ensureTable(store);
  // The demo is seeded in two parts so that a first start serves as soon as the login page has its
  // data, however large the demo grows: each tenant's units and marker before serving; its members,
  // campaigns and results in the background right after, then the 2025 story. A start cut off
  // during the second part finishes it on the next start.
  const states = await Promise.all(demo.tenants.map((tenant) => seedState(store, tenant.tenantId)));
  const at = new Date().toISOString();
  for (const [i, tenant] of demo.tenants.entries()) {
    // A database seeded before the member search: its members get their name-index keys once.
    if (states[i] === 'complete' && (await memberNameIndexEmpty(store, tenant.tenantId))) await indexMemberNames(store, tenant.tenantId);
    if (states[i] !== 'none') continue;
    const t0 = Date.now();
    process.stdout.write(`Đang tạo dữ liệu mẫu: ${tenant.name} (${tenant.units.length} đơn vị, ${tenant.members.length} đảng viên)… `);
    await seedUnits(store, tenant, at);
    console.log(`các đơn vị xong (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  const toFinish = demo.tenants.filter((_, i) => states[i] !== 'complete');
  const identities = demo.tenants.flatMap((t) => t.identities);
  const { app } = await createLocalApp({ store, dataDir: dir, identities });
  await new Promise<void>((listening) => {
    server = serve({ fetch: app.fetch, port, hostname: settings.host }, () => {
      const url = `http://localhost:${port}`;
      console.log(`\nKiểm điểm đang chạy tại ${url}  (sẵn sàng sau ${((Date.now() - started) / 1000).toFixed(1)} giây)`);
      console.log(`Tài liệu API: ${url}/docs · DynamoDB Local: ${dynamo.endpoint} · dữ liệu: ${dir}`);
      console.log('Tài khoản thử (đăng nhập tại /login):');
      for (const id of identities) console.log(`  - ${id.name} — ${roleLabels[id.role]} — ${id.tenant}/${id.unit}`);
      console.log('Nhấn Ctrl-C để dừng.');
      listening();
    });
  });
  if (toFinish.length > 0) {
    const t0 = Date.now();
    console.log(`Đang tạo tiếp dữ liệu mẫu trong nền: đảng viên, các đợt kiểm điểm (${toFinish.map((t) => t.name).join(', ')})…`);
    // Members first (unit pages show them), then the campaigns.
    for (const tenant of toFinish) if (!stopping) await seedMembers(store, tenant);
    for (const tenant of toFinish) {
      if (stopping) return;
      await seedDemoCampaigns(store, tenant, at);
      await markSeeded(store, tenant.tenantId, at);
    }
    console.log(`Dữ liệu mẫu: xong sau ${((Date.now() - t0) / 1000).toFixed(1)} s nữa; số liệu tổng hợp đang được dựng.`);
  }
  // The background jobs start once the seed is complete: on a fresh database the stream poller
  // builds every roll-up once (it reconciles when it has no checkpoint) instead of following the
  // seed's records.
  if (stopping) return;
  jobs = await Promise.all(localJobs.map((start) => start({ store, endpoint: dynamo.endpoint, dataDir: dir, clock: () => new Date() })));
  // The 2025 story (docs/tree-history.md) runs once, in the background, on the complete seed:
  // readers see each tree job's before or after; stopped half-way, the next start takes it up
  // where it stood.
  if (!stopping && !(await isReorganised(store))) {
    console.log('Đang dựng sắp xếp tổ chức 2025 (Trà Vinh hợp nhất vào Vĩnh Long từ 01/07/2025)…');
    const t0 = Date.now();
    reorganise2025({ store, clock: () => new Date() })
      .then(({ counts }) => {
        const copied = counts.map((c) => `${c.tenant}: ${c.units.copied}/${c.units.expected} đơn vị, ${c.members.copied}/${c.members.expected} đảng viên`).join('; ');
        console.log(`Sắp xếp tổ chức 2025 xong (${copied}) sau ${((Date.now() - t0) / 1000).toFixed(1)} giây.`);
      })
      .catch((error) => {
        if (!stopping) console.error('Sắp xếp tổ chức 2025 dừng giữa chừng (lần chạy sau sẽ tiếp tục):', error);
      });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
