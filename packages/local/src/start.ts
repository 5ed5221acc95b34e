import './no-network-env';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createStore, ensureTable, indexMemberNames, memberNameIndexEmpty } from '@kd/data';
import { roleLabels } from '@kd/domain';
import { enableWriteAheadLog, SHARED_DB_FILE, startDynamoLocal } from './dynamo-local';
import { config } from './paths';
import { isSeeded, seedTenant } from './seed';
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
  if (!existsSync(join(dbPath, SHARED_DB_FILE))) {
    // First start: let DynamoDB Local create its file and the table, then switch the file to WAL.
    const first = await startDynamoLocal({ path: dbPath, port: dynamoPort });
    await ensureTable(createStore({ tableName: TABLE, endpoint: first.endpoint }));
    await first.stop();
  }
  enableWriteAheadLog(dbPath);
  const dynamo = await startDynamoLocal({ path: dbPath, port: dynamoPort });
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
  const demo = generateDemo();
  for (const tenant of demo.tenants) {
    if (!(await isSeeded(store, tenant.tenantId))) {
      process.stdout.write(`Đang tạo dữ liệu mẫu: ${tenant.name} (${tenant.units.length} đơn vị, ${tenant.members.length} đảng viên)… `);
      const at = new Date().toISOString();
      const t0 = Date.now();
      const lap = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
      const phases: string[] = [];
      await seedTenant(store, tenant, at, async () => {
        phases.push(`đơn vị, đảng viên ${lap()}`);
        await seedDemoCampaigns(store, tenant, at);
        phases.push(`đợt kiểm điểm ${lap()}`);
      });
      console.log(`xong (${phases.join(', ')})`);
    } else if (await memberNameIndexEmpty(store, tenant.tenantId)) {
      // A database seeded before the member search: its members get their name-index keys once.
      await indexMemberNames(store, tenant.tenantId);
    }
  }
  const identities = demo.tenants.flatMap((t) => t.identities);
  // The stream poller builds the seeded campaigns' roll-ups in the background on a fresh database
  // (it reconciles once when it has no checkpoint), so seeding does not wait for them.
  jobs = await Promise.all(localJobs.map((start) => start({ store, endpoint: dynamo.endpoint, dataDir: dir, clock: () => new Date() })));
  const { app } = await createLocalApp({ store, dataDir: dir, identities });
  server = serve({ fetch: app.fetch, port, hostname: settings.host }, () => {
    const url = `http://localhost:${port}`;
    console.log(`\nKiểm điểm đang chạy tại ${url}  (sẵn sàng sau ${((Date.now() - started) / 1000).toFixed(1)} giây)`);
    console.log(`Tài liệu API: ${url}/docs · DynamoDB Local: ${dynamo.endpoint} · dữ liệu: ${dir}`);
    console.log('Tài khoản thử (đăng nhập tại /login):');
    for (const id of identities) console.log(`  - ${id.name} — ${roleLabels[id.role]} — ${id.tenant}/${id.unit}`);
    console.log('Nhấn Ctrl-C để dừng.');
  });
  // The 2025 story (docs/tree-history.md) runs once, in the background: readers see each tree job's
  // before or after; stopped half-way, the next start takes it up where it stood.
  if (!(await isReorganised(store))) {
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
