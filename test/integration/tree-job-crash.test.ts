import { beforeAll, describe, expect, it } from 'vitest';
// The app first: @hono/zod-openapi extends zod before any schema the routes describe is built.
import { createTestApp, type TestApp } from '../support/app';
import { Member, type Unit } from '@kd/domain';
import { getTreeJob, listAllUnits, readPointer, UNITS_PER_STEP, type Store } from '@kd/data';
import { runTreeJob, TREE_JOB_LEASE_MS } from '@kd/jobs';
import { seedTenant } from '../../packages/local/src/seed';
import { createTestStore } from '../support/store';
import { dynamoEndpoint } from '../support/dynamo';
import { runChildScript, type ChildExit } from '../support/child-process';
import { byDepth } from '../support/depth';

/**
 * A bloc of 501 units and 10,000 members (an eighth of the bloc and a tenth of the members under `npm test`) merged into another through the API (issue 13): once
 * without interruption, once with the process SIGKILLed in the middle of the job (after the flip,
 * part-way through settling) and the job resumed by another runner. Both end exactly alike, and a
 * reader polling the province's tree the whole time sees the tree before or after, never half.
 */
// At full size under `npm run test:deep`; smaller under `npm test` (same shape, fewer steps).
const COMMITTEES = byDepth(50, 6);
const CELLS = 9;
const MEMBERS = byDepth(10_000, 1_000);
/** Units the merge changes: the bloc, its committees and cells, and the bloc it joins. */
const CHANGED = 2 + COMMITTEES * (CELLS + 1);
/** Tree-job steps pass the fault point once each: staging, the flip, then settling; killed a third of the way into settling. */
const STAGE_STEPS = Math.ceil(CHANGED / UNITS_PER_STEP);
const KILL_AT = `treeJobStep#${STAGE_STEPS + 1 + Math.ceil(STAGE_STEPS / 3)}`;
let store: Store;
let t: TestApp;

function bloc(): { units: Unit[]; members: Member[] } {
  const u = (id: string, kind: Unit['kind'], path: string[]): Unit => ({ id, name: `Đơn vị ${id}`, kind, parentId: path.at(-2) ?? null, path, foundedOn: '2010-01-01', closedOn: null, sector: null, version: 1 });
  const units = [u('P', 'province', ['P']), u('BX', 'bloc', ['P', 'BX']), u('BY', 'bloc', ['P', 'BY']), u('BY-1', 'baseCell', ['P', 'BY', 'BY-1'])];
  const cells: string[] = [];
  for (let k = 0; k < COMMITTEES; k++) {
    const bc = `BX-${k}`;
    units.push(u(bc, 'baseCommittee', ['P', 'BX', bc]));
    for (let c = 0; c < CELLS; c++) {
      units.push(u(`${bc}-${c}`, 'cell', ['P', 'BX', bc, `${bc}-${c}`]));
      cells.push(`${bc}-${c}`);
    }
  }
  const members = Array.from({ length: MEMBERS }, (_, i) => Member.parse({ id: `D${String(i).padStart(5, '0')}`, unitId: cells[i % cells.length], fullName: `Đảng viên ${i}`, admittedOn: '2015-01-01', officialOn: '2016-01-01' }));
  return { units, members };
}

const board = (tenant: string) => ({ tenant, unit: 'P', role: 'province_board' as const, name: 'Ban Tổ chức Tỉnh ủy', sub: `board-${tenant}` });

/** What a reader sees: each open unit of the province's tree and its path. */
async function snapshot(tenant: string): Promise<Map<string, string>> {
  const res = await t.request('/api/v1/units/P/subtree', { as: board(tenant) });
  expect(res.status).toBe(200);
  const units = (await res.json()).units as { id: string; path: string[] }[];
  const seen = new Map<string, string>();
  for (const unit of units) {
    expect(seen.has(unit.id), `unit ${unit.id} listed twice`).toBe(false);
    seen.set(unit.id, unit.path.join('/'));
  }
  return seen;
}

const same = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([id, path]) => b.get(id) === path);

/** Every unit's stored state, without the tenant's keys. */
async function endState(tenant: string) {
  const units = await listAllUnits(store, tenant);
  return units
    .map((u) => ({ ...u, formerChildIds: [...(u.formerChildIds ?? [])].sort(), formerMemberIds: [...(u.formerMemberIds ?? [])].sort() }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

function runChild(tenant: string, killAt: string | null): Promise<ChildExit> {
  const env = { ...process.env };
  if (killAt) env.KD_FAULT_KILL_AT = killAt;
  else delete env.KD_FAULT_KILL_AT;
  return runChildScript('test/support/tree-job-crash-child.ts', [dynamoEndpoint(), store.tableName, tenant], env);
}

beforeAll(async () => {
  store = await createTestStore('treecrash');
  const seeded = Date.now();
  for (const tenant of ['ua', 'ub']) await seedTenant(store, { tenantId: tenant, name: `Tỉnh ${tenant}`, ...bloc() }, '2021-01-01T00:00:00Z');
  console.log(`tree-job-crash: seeded 2 × ${bloc().units.length} units and ${MEMBERS} members in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
  t = await createTestApp(store, '2025-07-10T03:00:00.000Z');
}, 900_000);

describe('a bloc merge killed in the middle', () => {
  it('ends exactly as an uninterrupted one, and readers never see half of it', async () => {
    const before = await snapshot('ub');
    expect(before.size).toBe(4 + COMMITTEES * (CELLS + 1));
    const after = new Map([...before].filter(([id]) => id !== 'BX').map(([id, path]) => [id, path.replace(/^P\/BX\//, 'P/BY/')]));

    // Uninterrupted, in this process.
    const started = Date.now();
    const accepted = await t.request('/api/v1/units/BY/merge', { as: board('ua'), method: 'POST', body: JSON.stringify({ sourceIds: ['BX'], on: '2025-07-01' }) });
    expect(accepted.status).toBe(202);
    await t.treeJobsIdle();
    const whole = (await getTreeJob(store, 'ua', (await accepted.json()).id))!;
    const wholeMs = Date.now() - started;
    expect(whole).toMatchObject({ state: 'done', units: CHANGED });
    expect(same(await snapshot('ua'), after)).toBe(true);

    // Interrupted: the child is killed after the flip, part-way through settling; a reader polls meanwhile.
    let polls = 0;
    const views = { before: 0, after: 0 };
    let running = true;
    const child = runChild('ub', KILL_AT).finally(() => (running = false));
    while (running) {
      const seen = await snapshot('ub');
      polls++;
      if (same(seen, before)) views.before++;
      else if (same(seen, after)) views.after++;
      else expect.fail(`poll ${polls}: the tree is neither before nor after the merge (${seen.size} units)`);
    }
    const killed = await child;
    expect(killed.signal, killed.out).toBe('SIGKILL');
    const jobId = (await readPointer(store, 'ub')).lockedBy!;
    const cut = (await getTreeJob(store, 'ub', jobId))!;
    expect(cut).toMatchObject({ state: 'running', phase: 'settle' });
    expect(same(await snapshot('ub'), after), 'after the flip, the tree is the merged one').toBe(true);

    // Another runner resumes once the dead one's lease has run out.
    const resumedAt = Date.now();
    const resumed = (await runTreeJob(store, 'ub', jobId, { now: () => new Date(Date.now() + 2 * TREE_JOB_LEASE_MS) }))!;
    const resumeMs = Date.now() - resumedAt;
    expect(resumed).toMatchObject({ state: 'done', phase: 'done' });
    expect(same(await snapshot('ub'), after)).toBe(true);
    expect(await readPointer(store, 'ub')).toMatchObject({ generation: 1, lockedBy: null, settling: null });

    const [a, b] = await Promise.all([endState('ua'), endState('ub')]);
    expect(b).toEqual(a);
    expect(a.find((u) => u.id === 'BX')).toMatchObject({ closedOn: '2025-07-01', successorIds: ['BY'] });
    expect(a.find((u) => u.id === 'BY')!.predecessorIds).toEqual(['BX']);
    expect(a.filter((u) => u.path[1] === 'BY')).toHaveLength(2 + COMMITTEES * (CELLS + 1));
    expect(a.reduce((n, u) => n + u.memberCount, 0)).toBe(MEMBERS);

    console.log(
      `tree-job-crash: uninterrupted merge of ${whole.units} units (${MEMBERS} members below) in ${(wholeMs / 1000).toFixed(1)} s, ` +
        `${whole.progress.itemsWritten} items written; interrupted run killed at ${cut.phase} step ${cut.cursor}/${cut.steps} after ${cut.progress.itemsWritten} items, ` +
        `resumed in ${(resumeMs / 1000).toFixed(1)} s, ${resumed.progress.itemsWritten} items written in all (${resumed.progress.runs} runs); ` +
        `reader: ${polls} polls, ${views.before} before, ${views.after} after, none half`,
    );
  }, 1_200_000);
});
