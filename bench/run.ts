// `npm run bench`: every benchmark in one run, each beside its baseline measured in the same run.
// Load targets 127.0.0.1 only; DynamoDB Local runs on this machine.
import '../packages/local/src/no-network-env';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchBundle } from './bundle';
import { benchApiLatency } from './api-latency';
import { benchStart } from './start-time';
import { benchTests } from './test-loop';

type Bench = () => Promise<Record<string, number | string>>;

const only = process.argv.slice(2);
const want = (name: string) => only.length === 0 || only.includes(name);

/** Benchmarks that live beside their area; each module exports one function. */
async function optional(file: string, name: string): Promise<Bench | undefined> {
  if (!existsSync(resolve(import.meta.dirname, `${file}.ts`))) return undefined;
  const mod = (await import(`./${file}.ts`)) as Record<string, Bench>;
  return mod[name];
}

const results: Record<string, Record<string, number | string>> = {};
if (want('bundle')) results.bundle = await benchBundle();
if (want('start')) results.start = await benchStart();
if (want('api')) results.api = await benchApiLatency();
const uploads = want('uploads') ? await optional('uploads', 'benchUploads') : undefined;
if (uploads) results.uploads = await uploads();
const rollups = want('rollups') ? await optional('rollups', 'benchRollups') : undefined;
if (rollups) results.rollups = await rollups();
const capacity = only.includes('capacity') ? await optional('capacity', 'benchCapacity') : undefined;
if (capacity) results.capacity = await capacity();
const load = want('load') ? await optional('load', 'benchLoad') : undefined;
if (load) results.load = await load();
// The whole suite, last: it is the longest part (`tests-last` only reads the last run's durations).
if (want('tests') || only.includes('tests-last')) results.tests = await benchTests({ run: !only.includes('tests-last') });
console.log('\nJSON:', JSON.stringify(results));
process.exit(0);
