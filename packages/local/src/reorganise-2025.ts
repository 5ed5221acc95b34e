import { getDossier, getTenantMeta, getUnit, listAllUnits, listChildren, listRunningTreeJobs, listUnitMembers, transactPut, type Store, type TreeJob } from '@kd/data';
import { isCell, type Caller } from '@kd/domain';
import { mergeProvinces, runTreeJob, type ProvinceCounts } from '@kd/jobs';
import { createChild, mergeUnits, rename, splitUnit, type ServiceDeps } from '@kd/services';
import { FORMER_PROVINCES, LIVE_2026_FIRST, LIVE_2026_MARKER, REORGANISED_ON, STORY_CAMPAIGN_YEAR, STORY_ROOT, STORY_TENANT, residentialName, story2025, type StoryStep } from './demo/story-2025';
import { demo2026Items } from './seed-2026';

const board: Caller = { sub: 'demo-2025', name: 'Ban Tổ chức Tỉnh ủy Vĩnh Long', tenant: STORY_TENANT, unit: STORY_ROOT, role: 'province_board' };

/**
 * True once the story has run to its end: the dossier of the first cell of the 2026 story
 * (LIVE_2026_MARKER) is written last. (The 2026 campaign itself is seeded with the tenant, so that the deadline reports
 * start at once, before the story has run.)
 */
export async function isReorganised(store: Store): Promise<boolean> {
  return (await getDossier(store, STORY_TENANT, LIVE_2026_MARKER, STORY_CAMPAIGN_YEAR)).exists;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs the tenant's tree jobs to their end here; waits out one another runner holds (the resumer). */
async function settleJobs(store: Store, now: () => Date): Promise<void> {
  for (;;) {
    const running = (await listRunningTreeJobs(store)).filter((j) => j.tenant === STORY_TENANT);
    if (running.length === 0) return;
    let held = false;
    for (const j of running) held ||= (await runTreeJob(store, j.tenant, j.jobId, { now })) === null;
    if (held) await pause(1_000);
  }
}

async function runJob(store: Store, now: () => Date, job: Promise<TreeJob>): Promise<void> {
  await job;
  await settleJobs(store, now);
}

const closed = async (store: Store, id: string) => Boolean((await getUnit(store, STORY_TENANT, id, { consistentRead: true }))?.closedOn);

/** One step, skipped when its effect is already there (a start interrupted half-way runs the story again). */
async function apply(deps: ServiceDeps, step: StoryStep): Promise<boolean> {
  const { store } = deps;
  const now = deps.clock;
  const on = REORGANISED_ON;
  switch (step.op) {
    case 'found':
      if (await getUnit(store, STORY_TENANT, step.id, { consistentRead: true })) return false;
      await createChild(deps, board, step.parentId, { id: step.id, name: step.name, kind: step.kind, sector: step.sector, foundedOn: on });
      return true;
    case 'split': {
      if (await closed(store, step.sourceId)) return false;
      const children = (await listChildren(store, STORY_TENANT, step.sourceId)).map((c) => c.id);
      const given = new Set(step.parts.flatMap((p) => (p.childIds === 'rest' ? [] : p.childIds)));
      const parts = step.parts.map((p) => ({ unitId: p.unitId, childIds: p.childIds === 'rest' ? children.filter((c) => !given.has(c)) : p.childIds }));
      await runJob(store, now, splitUnit(deps, board, step.sourceId, parts, on));
      return true;
    }
    case 'merge': {
      const open: string[] = [];
      for (const id of step.sourceIds) if (!(await closed(store, id))) open.push(id);
      if (open.length === 0) return false;
      await runJob(store, now, mergeUnits(deps, board, step.successorId, open, on));
      return true;
    }
    case 'rename': {
      const unit = await getUnit(store, STORY_TENANT, step.unitId, { consistentRead: true });
      if (!unit || unit.name === step.name) return false;
      await rename(deps, board, unit.id, step.name, undefined, on);
      return true;
    }
    case 'renameResidential': {
      let renamed = false;
      for (const cell of await listChildren(store, STORY_TENANT, step.parentId)) {
        const name = residentialName(cell.id, cell.name);
        if (!name) continue;
        await rename(deps, board, cell.id, name, undefined, on);
        renamed = true;
      }
      return renamed;
    }
  }
}

/**
 * The demo's 2025 story (docs/tree-history.md, "The demo's 2025 story"), on top of the seeded 2021
 * demo: Trà Vinh merged into Vĩnh Long as of 1/7/2025 by the operator's province merge, then the
 * new province's tree reorganised that day through the product's own operations, then Vĩnh Long's
 * 2026 review seeded on the new tree. Resumable: every step checks its
 * effect first, the province merge resumes from its record, tree jobs left running are finished.
 */
export async function reorganise2025(deps: ServiceDeps, log: (line: string) => void = () => undefined): Promise<{ counts: ProvinceCounts[]; steps: number }> {
  const { store } = deps;
  if (!(await getTenantMeta(store, STORY_TENANT))) throw new Error(`Chưa có tỉnh ${STORY_TENANT}: tạo dữ liệu mẫu trước.`);
  const counts = await mergeProvinces(store, { into: STORY_TENANT, from: [...FORMER_PROVINCES], on: REORGANISED_ON, operator: board.sub }, { now: deps.clock, log });
  await settleJobs(store, deps.clock);
  let steps = 0;
  for (const step of story2025) if (await apply(deps, step)) steps++;
  log(`sắp xếp tổ chức ngày 01/07/2025: ${steps} thao tác`);
  if (!(await isReorganised(store))) await seedReview2026(store);
  return { counts, steps };
}

/**
 * Vĩnh Long's 2026 review in progress (`seed-2026.ts`) on the new tree: the cells that tell its
 * story first, then every open unit in tree order; the first story cell's dossier last, as the story's marker.
 */
async function seedReview2026(store: Store): Promise<void> {
  const open = (await listAllUnits(store, STORY_TENANT)).filter((u) => !u.closedOn);
  const rank = (id: string) => (LIVE_2026_FIRST.includes(id) ? LIVE_2026_FIRST.indexOf(id) : LIVE_2026_FIRST.length);
  const units = open.map((u, i) => ({ u, i })).sort((a, b) => rank(a.u.id) - rank(b.u.id) || a.i - b.i).map(({ u }) => u);
  const members = (await Promise.all(units.filter((u) => isCell(u.kind)).map((u) => listUnitMembers(store, STORY_TENANT, u.id)))).flat();
  const { items } = demo2026Items({ tenantId: STORY_TENANT, units, members });
  const isMarker = (i: Record<string, unknown>) => i.type === 'dossier' && i.unitId === LIVE_2026_MARKER;
  await transactPut(store, items.filter((i) => !isMarker(i)), 2);
  await transactPut(store, items.filter(isMarker));
}
