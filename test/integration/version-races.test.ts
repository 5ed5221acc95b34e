import { afterEach, beforeAll, describe, expect, it } from 'vitest';
// The app first: its OpenAPI schemas extend zod before any other module builds one.
import { createTestApp, type TestApp } from '../support/app';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { commitResults, getDossier, installFaultHook, keys, listAudit, readResults, saveResultRow, updateDossier, type CommitOutcome, type FaultPoint, type Store } from '@kd/data';
import { MemberFacts } from '@kd/domain';
import { createTestStore } from '../support/store';
import { seedFixture } from '../support/fixture';
import { putTestCampaign } from '../support/rollups';
import { csvOf, postFile, resultsPath } from './uploads-support';

/**
 * Issue 10, findings 1 and 2: versions under races and crashes. Each race is staged, not timed:
 * the commit stops at a named point (fault-hook.ts) and the other write runs there, with what its
 * caller read before the commit started — as a user with the review page open would.
 */
let store: Store;
const actor = { sub: 's', name: 'Lê Hồng Vũ', role: 'cell_secretary', unit: 'c1' };
const at = '2021-12-20T01:00:00.000Z';
const ids = Array.from({ length: 40 }, (_, i) => `M${String(i + 1).padStart(3, '0')}`);
const rows = (decided: 'good' | 'excellent' | 'complete', absences: number, only = ids) =>
  only.map((memberId) => ({ memberId, facts: MemberFacts.parse({ decided, absences }) }));
let unitSeq = 0;
const freshUnit = () => `u${++unitSeq}`;

/** Runs `during` once, when the next commit reaches `point`. */
function at_(point: FaultPoint, during: () => Promise<unknown>): void {
  let done = false;
  installFaultHook(async (p) => {
    if (p !== point || done) return;
    done = true;
    await during();
  });
}

/**
 * The race, staged: `write` reads the dossier, then — just before its transaction goes
 * out — a commit of `commitRows` reserves its version; the write's transaction lands; then the
 * commit writes its rows and makes its version current.
 */
async function reserveDuringNextTransaction<T>(unitId: string, commitRows: ReturnType<typeof rows>, write: () => Promise<T>): Promise<{ write: T; commit: CommitOutcome }> {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let reserved!: () => void;
  const reservedNow = new Promise<void>((r) => (reserved = r));
  let commit: Promise<CommitOutcome> | undefined;
  let armed = true;
  installFaultHook(async (p) => {
    if (p !== 'afterReserve') return;
    reserved();
    await released;
  });
  store.raw.middlewareStack.add(
    (next, context) => async (args) => {
      if (!armed || context.commandName !== 'TransactWriteItemsCommand') return next(args);
      armed = false;
      commit = commitResults(store, 't', unitId, 2021, commitRows, { actor, at });
      commit.catch(() => reserved());
      await reservedNow;
      try {
        return await next(args);
      } finally {
        release();
      }
    },
    { step: 'initialize', name: 'reserveDuringNextTransaction' },
  );
  try {
    const written = await write();
    return { write: written, commit: await commit! };
  } finally {
    store.raw.middlewareStack.remove('reserveDuringNextTransaction');
    installFaultHook(undefined);
  }
}

/** What a reader sees: the (decided/absences) values of the current version's rows, and how many. */
async function seen(unitId: string): Promise<{ version: number | null; values: string[]; count: number }> {
  const d = await getDossier(store, 't', unitId, 2021);
  const r = await readResults(store, 't', unitId, 2021);
  return { version: d.currentVersion, values: [...new Set([...r.values()].map((x) => `${x.facts.decided}/${x.facts.absences}`))].sort(), count: r.size };
}

beforeAll(async () => {
  store = await createTestStore('races');
});
afterEach(() => installFaultHook(undefined));

describe('finding 1: a commit racing a row edit never mixes two uploads into one version', () => {
  it('a row edit that read the dossier before a commit reserved its version does not move the counter back (fails on 037e9ce)', async () => {
    const unit = freshUnit();
    for (let i = 1; i <= 3; i++) await commitResults(store, 't', unit, 2021, rows('good', i), { actor, at });
    const d = await getDossier(store, 't', unit, 2021);
    const row = (await readResults(store, 't', unit, 2021)).get('M001')!;
    const { commit } = await reserveDuringNextTransaction(unit, rows('excellent', 4), () =>
      saveResultRow(store, 't', unit, 2021, { ...row, facts: { ...row.facts, absences: 99 } }, { dossierRev: d.rev, rowRev: row.rev }, { actor, at }),
    );
    const after = await getDossier(store, 't', unit, 2021);
    expect(after.currentVersion).toBe(commit.version);
    expect(after.versionCounter, 'the counter never falls behind the current version').toBeGreaterThanOrEqual(after.currentVersion!);
    // The next small commit must get a version of its own, not overwrite rows of the current one.
    const small = await commitResults(store, 't', unit, 2021, rows('complete', 5, ids.slice(0, 10)), { actor, at });
    expect(small.version).toBeGreaterThan(commit.version);
    expect(await seen(unit)).toEqual({ version: small.version, values: ['complete/5'], count: 10 });
  });

  it('a dossier change (the collective rating) that read the dossier before a commit reserved its version does not move the counter back (fails on 037e9ce)', async () => {
    const unit = freshUnit();
    await commitResults(store, 't', unit, 2021, rows('good', 1), { actor, at });
    const d = await getDossier(store, 't', unit, 2021);
    const { commit } = await reserveDuringNextTransaction(unit, rows('excellent', 2), () =>
      updateDossier(store, 't', unit, 2021, { from: ['draft'], expectedRev: d.rev, patch: { collective: { proposed: 'good', decided: 'good' } }, action: 'dossier.collective' }, { actor, at }),
    );
    expect((await getDossier(store, 't', unit, 2021)).collective.decided).toBe('good');
    const small = await commitResults(store, 't', unit, 2021, rows('complete', 3, ids.slice(0, 10)), { actor, at });
    expect(small.version).toBeGreaterThan(commit.version);
    expect(await seen(unit)).toEqual({ version: small.version, values: ['complete/3'], count: 10 });
  });

  it('after such a race a commit cut off halfway leaves the reader one whole version, and no audit entry (fails on 037e9ce)', async () => {
    const unit = freshUnit();
    await commitResults(store, 't', unit, 2021, rows('good', 1), { actor, at });
    const d = await getDossier(store, 't', unit, 2021);
    const row = (await readResults(store, 't', unit, 2021)).get('M002')!;
    await reserveDuringNextTransaction(unit, rows('excellent', 2), () =>
      saveResultRow(store, 't', unit, 2021, { ...row, facts: { ...row.facts, absences: 1 } }, { dossierRev: d.rev, rowRev: row.rev }, { actor, at }),
    );
    const before = await seen(unit);
    expect(before).toMatchObject({ values: ['excellent/2'], count: ids.length });
    const audits = (await listAudit(store, 't', unit)).entries.length;
    at_('duringRows', async () => {
      throw new Error('killed');
    });
    await expect(commitResults(store, 't', unit, 2021, rows('complete', 3), { actor, at })).rejects.toThrow('killed');
    expect(await seen(unit)).toEqual(before);
    expect((await listAudit(store, 't', unit)).entries.length).toBe(audits);
  });

  it('at every step of a commit, a stale edit either lands in the version the commit replaces or is refused', async () => {
    for (const point of ['afterReserve', 'duringRows', 'beforeFlip', 'afterFlip'] as const) {
      const unit = freshUnit();
      await commitResults(store, 't', unit, 2021, rows('good', 1), { actor, at });
      const d = await getDossier(store, 't', unit, 2021);
      const row = (await readResults(store, 't', unit, 2021)).get('M003')!;
      let edit: 'saved' | string = '';
      at_(point, () =>
        saveResultRow(store, 't', unit, 2021, { ...row, facts: { ...row.facts, absences: 7 } }, { dossierRev: d.rev, rowRev: row.rev }, { actor, at }).then(
          () => (edit = 'saved'),
          (e: { code?: string }) => (edit = e.code ?? String(e)),
        ),
      );
      const outcome = await commitResults(store, 't', unit, 2021, rows('excellent', 2), { actor, at });
      installFaultHook(undefined);
      expect({ point, edit }).toEqual({ point, edit: point === 'afterFlip' ? 'VERSION_CONFLICT' : 'saved' });
      expect({ point, seen: await seen(unit) }).toEqual({ point, seen: { version: outcome.version, values: ['excellent/2'], count: ids.length } });
      const after = await getDossier(store, 't', unit, 2021);
      expect(after.versionCounter).toBeGreaterThanOrEqual(after.currentVersion!);
      const actions = (await listAudit(store, 't', unit)).entries.map((e) => e.action).sort();
      expect({ point, actions }).toEqual({ point, actions: point === 'afterFlip' ? ['results.commit', 'results.commit'] : ['results.commit', 'results.commit', 'results.edit'] });
    }
  });

  it('a first edit racing a first commit never makes the commit’s half-written version current (fails on 037e9ce)', async () => {
    const unit = freshUnit();
    at_('duringRows', () =>
      saveResultRow(store, 't', unit, 2021, { memberId: 'M001', facts: MemberFacts.parse({ decided: 'complete', absences: 9 }), adjusted: null, adjustReason: null }, { dossierRev: 0, rowRev: null }, { actor, at }),
    );
    await expect(commitResults(store, 't', unit, 2021, rows('excellent', 2), { actor, at })).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(await seen(unit)).toMatchObject({ values: ['complete/9'], count: 1 });
  });

  it('a reader whose dossier read is followed by a flip still gets the version it read, whole', async () => {
    const unit = freshUnit();
    const first = await commitResults(store, 't', unit, 2021, rows('good', 1), { actor, at });
    let flipped = false;
    const stage = store.raw.middlewareStack;
    stage.add(
      (next, context) => async (args) => {
        const input = (args as { input: { KeyConditionExpression?: string; ExpressionAttributeValues?: Record<string, unknown> } }).input;
        if (!flipped && context.commandName === 'QueryCommand' && input.KeyConditionExpression?.includes('begins_with(sk, :v)')) {
          flipped = true;
          await commitResults(store, 't', unit, 2021, rows('excellent', 2), { actor, at });
        }
        return next(args);
      },
      { step: 'initialize', name: 'flipBetweenReads' },
    );
    try {
      const r = await readResults(store, 't', unit, 2021);
      expect(flipped).toBe(true);
      expect([...new Set([...r.values()].map((x) => `${x.facts.decided}/${x.facts.absences}`))]).toEqual(['good/1']);
      expect(r.size).toBe(ids.length);
    } finally {
      stage.remove('flipBetweenReads');
    }
    expect((await seen(unit)).version).toBeGreaterThan(first.version);
  });
});

describe('finding 2: a crash in a dossier’s first commit does not lock it', () => {
  it('manual edits, the collective rating and a later upload all work after the first commit died after reserving (fails on 037e9ce)', async () => {
    const unit = freshUnit();
    at_('afterReserve', async () => {
      throw new Error('killed');
    });
    await expect(commitResults(store, 't', unit, 2021, rows('good', 1), { actor, at })).rejects.toThrow('killed');
    installFaultHook(undefined);
    const d = await getDossier(store, 't', unit, 2021);
    expect(d).toMatchObject({ exists: true, currentVersion: null, rev: 0, state: 'draft' });
    const saved = await saveResultRow(store, 't', unit, 2021, { memberId: 'M001', facts: MemberFacts.parse({ decided: 'good' }), adjusted: null, adjustReason: null }, { dossierRev: d.rev, rowRev: null }, { actor, at });
    expect(saved.rev).toBe(1);
    const d2 = await getDossier(store, 't', unit, 2021);
    await updateDossier(store, 't', unit, 2021, { from: ['draft'], expectedRev: d2.rev, patch: { collective: { proposed: null, decided: 'good' } }, action: 'dossier.collective' }, { actor, at });
    const next = await commitResults(store, 't', unit, 2021, rows('excellent', 2), { actor, at });
    expect(next.version).toBeGreaterThan(d2.currentVersion!);
    expect(await seen(unit)).toEqual({ version: next.version, values: ['excellent/2'], count: ids.length });
  });

  it('a collective rating on a dossier left by a dead first commit is accepted (fails on 037e9ce)', async () => {
    const unit = freshUnit();
    at_('duringRows', async () => {
      throw new Error('killed');
    });
    await expect(commitResults(store, 't', unit, 2021, rows('good', 1), { actor, at })).rejects.toThrow('killed');
    installFaultHook(undefined);
    const d = await getDossier(store, 't', unit, 2021);
    const after = await updateDossier(store, 't', unit, 2021, { from: ['draft'], expectedRev: d.rev, patch: { collective: { proposed: null, decided: 'good' } }, action: 'dossier.collective' }, { actor, at });
    expect(after.rev).toBe(d.rev + 1);
  });
});

describe('the sweep after an upload', () => {
  let t: TestApp;
  beforeAll(async () => {
    await seedFixture(store);
    await putTestCampaign(store, 't1', 2021);
    t = await createTestApp(store);
  });

  it('never deletes a version that was current, even when another commit lands while the file streams in (fails on 037e9ce)', async () => {
    const members = ['M001', 'M002', 'M003', 'M004', 'M005', 'M006', 'M007', 'M008', 'M009'];
    const file = (decided: string) => csvOf([['Mã đảng viên', 'Chi bộ xếp loại'], ...members.map((id) => [id, decided])]);
    const first = await postFile(t, resultsPath(2021, 'c1', false), file('HTTNV'), 'text/csv');
    expect(first.status).toBe(200);
    let other = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        // The upload has read the dossier; another commit becomes current before this one reads its file.
        other = (await commitResults(store, 't1', 'c1', 2021, members.map((memberId) => ({ memberId, facts: MemberFacts.parse({ decided: 'complete' }) })), { actor, at })).version;
        controller.enqueue(new TextEncoder().encode(file('HTXSNV')));
        controller.close();
      },
    }, { highWaterMark: 0 });
    const res = await postFile(t, resultsPath(2021, 'c1', false), body, 'text/csv');
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await res.json()).version).toBeGreaterThan(other);
    const count = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :r)',
        ExpressionAttributeValues: { ':pk': keys.unitYear('t1', 'c1', 2021), ':r': keys.resultVersionPrefix(other) },
        Select: 'COUNT',
      }),
    );
    expect(count.Count, 'the rows of a version that was current are kept').toBe(members.length);
  });
});
