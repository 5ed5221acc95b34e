import { beforeAll, afterAll, describe, expect, it } from 'vitest';
// The app first: its OpenAPI schemas extend zod before any other module builds one.
import { createTestApp, type TestApp } from '../support/app';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys, getDossier, readResults, listAudit, faultPoints, type Store, type FaultPoint } from '@kd/data';
import { createTestStore } from '../support/store';
import { putTestCampaign } from '../support/rollups';
import { dynamoEndpoint } from '../support/dynamo';
import { runChildScript, type ChildExit } from '../support/child-process';
import { identities, seedFixture } from '../support/fixture';
import { csvOf, postFile, resultsPath, rosterPath } from './uploads-support';

/**
 * Kills a real commit at each named point (fault-hook.ts) in a child process with SIGKILL, then
 * reads the unit's results back: they are entirely the old version or entirely the new one.
 */
let store: Store;
let t: TestApp;
let dir: string;
const ids = [...Array.from({ length: 9 }, (_, i) => `M00${i + 1}`), ...Array.from({ length: 200 }, (_, i) => `K${String(i + 1).padStart(3, '0')}`)];
const abbreviation: Record<string, string> = { excellent: 'HTXSNV', good: 'HTTNV', complete: 'HTNV' };
const resultsFile = (decided: string, absences: string) =>
  csvOf([['Mã đảng viên', 'Số kỳ vắng sinh hoạt', 'Chi bộ xếp loại'], ...ids.map((id) => [id, absences, abbreviation[decided]!])]);

function runChild(csv: string, point: FaultPoint | null, year = 2021): Promise<ChildExit> {
  const file = join(dir, `${point ?? 'none'}-${Date.now()}.csv`);
  writeFileSync(file, csv);
  const env = { ...process.env };
  if (point) env.KD_FAULT_KILL_AT = point;
  else delete env.KD_FAULT_KILL_AT;
  return runChildScript('test/support/commit-crash-child.ts', [dynamoEndpoint(), store.tableName, file, String(year)], env);
}

/** The unit's current results as (decided, absences) pairs, with the version they belong to. */
async function current(year = 2021): Promise<{ version: number | null; values: Set<string>; count: number }> {
  const dossier = await getDossier(store, 't1', 'c1', year);
  const rows = await readResults(store, 't1', 'c1', year);
  return { version: dossier.currentVersion, values: new Set([...rows.values()].map((r) => `${r.facts.decided}/${r.facts.absences}`)), count: rows.size };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kd-crash-'));
  store = await createTestStore('commit-crash');
  await seedFixture(store);
  // Results go to an opened campaign (a year without one is 404).
  await putTestCampaign(store, 't1', 2021);
  t = await createTestApp(store);
  const roster = csvOf([['Mã đảng viên', 'Họ và tên', 'Ngày vào Đảng'], ...ids.slice(9).map((id) => [id, `Đảng viên ${id}`, '01/01/2010'])]);
  const seeded = await postFile(t, rosterPath('c1', false), roster, 'text/csv');
  expect(seeded.status, await seeded.clone().text()).toBe(200);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a commit killed at any point leaves the old version or the new one, whole', () => {
  // Each round: the current version is "old"; the child tries to commit a file that differs from it.
  let round = 0;
  it.each(faultPoints.map((p) => [p]))('killed at %s', { timeout: 60_000 }, async (point) => {
    round += 1;
    const old = resultsFile('good', String(round));
    const committed = await postFile(t, resultsPath(2021, 'c1', false), old, 'text/csv');
    expect(committed.status, (await committed.clone().text()).slice(0, 600)).toBe(200);
    const before = await current();
    expect(before.values).toEqual(new Set([`good/${round}`]));
    const audits = (await listAudit(store, 't1', 'c1')).entries.length;

    const child = await runChild(resultsFile('excellent', String(round)), point);
    expect(child.signal, child.out).toBe('SIGKILL');

    const after = await current();
    expect(after.count).toBe(ids.length);
    expect(after.values.size, 'rows of one version only').toBe(1);
    if (point === 'afterFlip') {
      expect(after.values).toEqual(new Set([`excellent/${round}`]));
      expect(after.version).toBeGreaterThan(before.version!);
      expect((await listAudit(store, 't1', 'c1')).entries.length).toBe(audits + 1);
    } else {
      expect(after).toEqual(before);
      expect((await listAudit(store, 't1', 'c1')).entries.length).toBe(audits);
    }
  });

  it('a later commit after a crash becomes current whole, and the dead commit’s rows are swept', async () => {
    const previous = (await getDossier(store, 't1', 'c1', 2021)).currentVersion!;
    const child = await runChild(resultsFile('complete', '9'), 'duringRows');
    expect(child.signal).toBe('SIGKILL');
    const dead = (await getDossier(store, 't1', 'c1', 2021)).versionCounter;
    expect(await rowsOfVersion(dead)).toBeGreaterThan(0);
    const ok = await runChild(resultsFile('complete', '9'), null);
    expect(ok.code, ok.out).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ status: 200, body: { committed: true, unchanged: false } });
    expect((await current()).values).toEqual(new Set(['complete/9']));
    expect(await rowsOfVersion(dead)).toBe(0);
    expect(await rowsOfVersion(previous)).toBe(ids.length);
  });
});

describe('a first commit killed at any point leaves a dossier that manual edits and a later upload can use (issue 10, finding 2)', () => {
  // One campaign year per point: each starts with no dossier at all.
  it.each(faultPoints.map((p, i) => [p, 2031 + i] as const))('killed at %s', { timeout: 60_000 }, async (point, year) => {
    await putTestCampaign(store, 't1', year);
    const child = await runChild(resultsFile('excellent', '1'), point, year);
    expect(child.signal, child.out).toBe('SIGKILL');
    const after = await current(year);
    if (point === 'afterFlip') expect(after).toMatchObject({ values: new Set(['excellent/1']), count: ids.length });
    else expect(after).toEqual({ version: null, values: new Set(), count: 0 });

    // A manual edit of one row with the revisions the page shows: accepted (it was 409 forever).
    const dossier = await getDossier(store, 't1', 'c1', year);
    const row = (await readResults(store, 't1', 'c1', year)).get('K001');
    const edit = await t.request(`/api/v1/campaigns/${year}/units/c1/members/K001/results`, {
      method: 'PUT',
      as: identities.cell,
      body: JSON.stringify({ facts: { decided: 'complete', absences: 5 }, rowRev: row?.rev ?? null, dossierRev: dossier.rev }),
    });
    expect(edit.status, await edit.clone().text()).toBe(200);
    const edited = await current(year);
    expect(edited.values.has('complete/5')).toBe(true);
    expect(edited.count).toBe(point === 'afterFlip' ? ids.length : 1);

    // A later upload becomes current whole, with a version above every one reserved so far.
    const ok = await runChild(resultsFile('good', '2'), null, year);
    expect(ok.code, ok.out).toBe(0);
    const final = await current(year);
    expect(final).toMatchObject({ values: new Set(['good/2']), count: ids.length });
    expect(final.version).toBeGreaterThan(edited.version!);
    expect((await getDossier(store, 't1', 'c1', year)).versionCounter).toBeGreaterThanOrEqual(final.version!);
  });
});

async function rowsOfVersion(version: number): Promise<number> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)',
      ExpressionAttributeValues: { ':pk': keys.unitYear('t1', 'c1', 2021), ':r': keys.resultVersionPrefix(version) },
      Select: 'COUNT',
    }),
  );
  return out.Count ?? 0;
}
