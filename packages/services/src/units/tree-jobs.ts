import { randomUUID } from 'node:crypto';
import { DomainError, canContain, checkEventDate, existsOn, formatVietnameseDate, isCell, isInSubtree, unitKindLabels, vietnamDateOf, type Caller, type LocalDate } from '@kd/domain';
import { createTreeJob, getTreeJob, listChildren, listUnitMembers, lockTree, readPointer, requireUnit, unlockTree, checkMove, type Carry, type StoredUnit, type TreeJob, type UnitChange } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { assertInScope, assertStrictlyBelow, unitInScope } from '../access/scope';
import { actorOf } from '../actor';
import { inPlace, rehomePlan } from './tree-plan';

interface Plan {
  kind: TreeJob['kind'];
  unitId: string;
  summary: string;
  changes: UnitChange[];
  rewrites: TreeJob['rewrites'];
  carries: Carry[];
  audited: TreeJob['audited'];
}

/**
 * Takes the tree, plans the job on the tree as it now stands, stores it and starts it; the lock is
 * released if planning refuses (docs/tree-history.md, "Any size").
 */
async function runPlanned(deps: ServiceDeps, caller: Caller, plan: (store: ServiceDeps['store']) => Promise<Plan>, on: LocalDate): Promise<TreeJob> {
  const store = deps.store;
  const at = deps.clock().toISOString();
  const id = `tj-${randomUUID()}`;
  await lockTree(store, caller.tenant, id, at);
  try {
    const p = await plan(store);
    const pointer = await readPointer(store, caller.tenant);
    const job = await createTreeJob(store, {
      id, tenant: caller.tenant, kind: p.kind, unitId: p.unitId, on, summary: p.summary,
      state: 'running', phase: 'stage', cursor: 0, steps: Math.ceil(p.changes.length / 50), generation: pointer.generation + 1,
      rewrites: p.rewrites, carries: p.carries, audited: p.audited, units: p.changes.length,
      progress: { unitsStaged: 0, unitsSettled: 0, membersCarried: 0, itemsWritten: 0, runs: 0 },
      createdAt: at, createdBy: actorOf(caller), flippedAt: null, finishedAt: null, updatedAt: at, leaseOwner: null, leaseUntil: null, error: null,
    }, p.changes);
    deps.treeJobs?.start(caller.tenant, job.id);
    return job;
  } catch (error) {
    await unlockTree(store, caller.tenant, id);
    throw error;
  }
}

const names = (units: readonly StoredUnit[]) => units.map((u) => `"${u.name}"`).join(', ');
const today = (deps: ServiceDeps) => vietnamDateOf(deps.clock());

/** A move whose subtree does not fit one transaction, as a job. */
export async function moveAsJob(deps: ServiceDeps, caller: Caller, unitId: string, parentId: string, on: LocalDate): Promise<TreeJob> {
  return runPlanned(deps, caller, async (store) => {
    const unit = await requireUnit(store, caller.tenant, unitId);
    const parent = await requireUnit(store, caller.tenant, parentId);
    checkMove(unit, parent, on, today(deps));
    const { changes, rewrites } = await rehomePlan(store, caller.tenant, [{ root: unit, newParent: parent }], on);
    const oldParent = unit.parentId ? await requireUnit(store, caller.tenant, unit.parentId) : null;
    if (oldParent) changes.push(inPlace(oldParent, {}, [unit.id]));
    return {
      kind: 'move', unitId: unit.id, changes, rewrites, carries: [],
      summary: `Chuyển "${unit.name}" (${changes.length - 1} đơn vị) về trực thuộc "${parent.name}" từ ngày ${formatVietnameseDate(on)}`,
      audited: [{ unitId: unit.id, action: 'unit.move', after: { parentId: parent.id, fromParentId: unit.parentId, units: changes.length - 1 } }],
    };
  }, on);
}

/**
 * Merges `sourceIds` into the unit `successorId` on `on` (hợp nhất): the sources' children move
 * under the successor with their subtrees, the members of source cells are carried to it, the
 * sources end that day with the successor as their successor. Found the successor first if it is new.
 */
export async function mergeUnits(deps: ServiceDeps, caller: Caller, successorId: string, sourceIds: readonly string[], on: LocalDate): Promise<TreeJob> {
  const successor = await unitInScope(deps.store, caller, successorId, 'unit.move');
  const sources = await Promise.all([...new Set(sourceIds)].map((id) => unitInScope(deps.store, caller, id, 'unit.move')));
  for (const s of sources) assertStrictlyBelow(caller, s);
  return runPlanned(deps, caller, async (store) => {
    const t = await requireUnit(store, caller.tenant, successor.id);
    const ss = await Promise.all(sources.map((s) => requireUnit(store, caller.tenant, s.id)));
    if (ss.length === 0) throw new DomainError('MERGE_INVALID', 'Chưa chọn đơn vị nào để hợp nhất.');
    if (t.closedOn || ss.some((s) => s.closedOn)) throw new DomainError('UNIT_CLOSED', 'Đơn vị hợp nhất hoặc đơn vị kế thừa đã giải thể.');
    for (const s of ss) {
      if (s.id === t.id || isInSubtree(t, s)) throw new DomainError('MERGE_INVALID', `Đơn vị kế thừa "${t.name}" không được là "${s.name}" hoặc thuộc cây của nó.`);
      if (s.parentId === null) throw new DomainError('MERGE_INVALID', 'Không hợp nhất được đơn vị gốc (tỉnh): dùng lệnh hợp nhất tỉnh.');
      for (const other of ss) if (other.id !== s.id && isInSubtree(other, s)) throw new DomainError('MERGE_INVALID', `"${other.name}" thuộc cây của "${s.name}".`);
    }
    const children = new Map<string, StoredUnit[]>();
    for (const s of ss) children.set(s.id, await listChildren(store, caller.tenant, s.id));
    const moving = [...children.values()].flat();
    checkEventDate(on, today(deps), [t, ...ss, ...moving]);
    if (!existsOn(t, on)) throw new DomainError('EVENT_BEFORE_LAST', `Ngày ${formatVietnameseDate(on)} "${t.name}" chưa thành lập: thành lập đơn vị kế thừa từ ngày đó trước.`);
    for (const c of moving) {
      if (!canContain(t.kind, c.kind)) throw new DomainError('KIND_NOT_ALLOWED', `${unitKindLabels[c.kind]} "${c.name}" không trực thuộc được ${unitKindLabels[t.kind]} "${t.name}".`);
    }
    const carries: Carry[] = [];
    for (const s of ss) {
      if (!isCell(s.kind) || s.memberCount === 0) continue;
      if (!isCell(t.kind)) throw new DomainError('KIND_NOT_ALLOWED', `"${s.name}" còn đảng viên: chỉ hợp nhất được vào một chi bộ.`);
      carries.push({ fromCellId: s.id, toCellId: t.id, memberIds: null, via: 'merge' });
    }
    const { changes, rewrites } = await rehomePlan(store, caller.tenant, moving.map((c) => ({ root: c, newParent: t })), on);
    for (const s of ss) changes.push(inPlace(s, { closedOn: on, successorIds: [...(s.successorIds ?? []), t.id] }, children.get(s.id)!.map((c) => c.id)));
    changes.push(inPlace(t, { predecessorIds: [...new Set([...(t.predecessorIds ?? []), ...ss.map((s) => s.id)])] }));
    return {
      kind: 'merge', unitId: t.id, changes, rewrites, carries,
      summary: `Hợp nhất ${names(ss)} vào "${t.name}" từ ngày ${formatVietnameseDate(on)}`,
      audited: [
        { unitId: t.id, action: 'unit.merge', after: { sourceIds: ss.map((s) => s.id), units: changes.length } },
        ...ss.map((s) => ({ unitId: s.id, action: 'unit.mergedInto', after: { successorId: t.id } })),
      ],
    };
  }, on);
}

export interface SplitPart {
  unitId: string;
  childIds?: string[] | undefined;
  memberIds?: string[] | undefined;
}

/**
 * Splits `sourceId` on `on` (chia tách) into existing successors: every child and, for a cell,
 * every member is given to exactly one successor; the source ends that day.
 */
export async function splitUnit(deps: ServiceDeps, caller: Caller, sourceId: string, parts: readonly SplitPart[], on: LocalDate): Promise<TreeJob> {
  const source = await unitInScope(deps.store, caller, sourceId, 'unit.move');
  assertStrictlyBelow(caller, source);
  for (const p of parts) assertInScope(caller, await requireUnit(deps.store, caller.tenant, p.unitId), 'unit.move');
  return runPlanned(deps, caller, async (store) => {
    const s = await requireUnit(store, caller.tenant, source.id);
    const ts = await Promise.all(parts.map((p) => requireUnit(store, caller.tenant, p.unitId)));
    if (ts.length < 2 || new Set(ts.map((t) => t.id)).size !== ts.length) throw new DomainError('SPLIT_INVALID', 'Chia tách cần ít nhất hai đơn vị kế thừa khác nhau.');
    if (s.closedOn || ts.some((t) => t.closedOn)) throw new DomainError('UNIT_CLOSED', 'Đơn vị chia tách hoặc đơn vị kế thừa đã giải thể.');
    for (const t of ts) if (t.id === s.id || isInSubtree(t, s)) throw new DomainError('SPLIT_INVALID', `Đơn vị kế thừa "${t.name}" không được thuộc cây của "${s.name}".`);
    const children = await listChildren(store, caller.tenant, s.id);
    const members = isCell(s.kind) ? await listUnitMembers(store, caller.tenant, s.id) : [];
    const childTo = new Map<string, string>();
    const memberTo = new Map<string, string>();
    parts.forEach((p, i) => {
      for (const c of p.childIds ?? []) childTo.set(c, childTo.has(c) ? '!' : ts[i]!.id);
      for (const m of p.memberIds ?? []) memberTo.set(m, memberTo.has(m) ? '!' : ts[i]!.id);
    });
    const unassigned = [...children.filter((c) => !childTo.has(c.id) || childTo.get(c.id) === '!').map((c) => c.id), ...members.filter((m) => !memberTo.has(m.id) || memberTo.get(m.id) === '!').map((m) => m.id)];
    const unknown = [...[...childTo.keys()].filter((id) => !children.some((c) => c.id === id)), ...[...memberTo.keys()].filter((id) => !members.some((m) => m.id === id))];
    if (unassigned.length > 0 || unknown.length > 0) {
      throw new DomainError('SPLIT_UNASSIGNED', `Mỗi đơn vị trực thuộc và mỗi đảng viên của "${s.name}" phải giao cho đúng một đơn vị kế thừa.`, { unassigned, unknown });
    }
    checkEventDate(on, today(deps), [s, ...ts, ...children]);
    for (const t of ts) if (!existsOn(t, on)) throw new DomainError('EVENT_BEFORE_LAST', `Ngày ${formatVietnameseDate(on)} "${t.name}" chưa thành lập.`);
    const byId = new Map(ts.map((t) => [t.id, t]));
    for (const c of children) {
      const t = byId.get(childTo.get(c.id)!)!;
      if (!canContain(t.kind, c.kind)) throw new DomainError('KIND_NOT_ALLOWED', `${unitKindLabels[c.kind]} "${c.name}" không trực thuộc được ${unitKindLabels[t.kind]} "${t.name}".`);
    }
    const carries: Carry[] = [];
    for (const t of ts) {
      const ids = members.filter((m) => memberTo.get(m.id) === t.id).map((m) => m.id);
      if (ids.length === 0) continue;
      if (!isCell(t.kind)) throw new DomainError('KIND_NOT_ALLOWED', `Đảng viên chỉ giao được cho chi bộ; "${t.name}" không phải chi bộ.`);
      carries.push({ fromCellId: s.id, toCellId: t.id, memberIds: ids, via: 'split' });
    }
    const { changes, rewrites } = await rehomePlan(store, caller.tenant, children.map((c) => ({ root: c, newParent: byId.get(childTo.get(c.id)!)! })), on);
    changes.push(inPlace(s, { closedOn: on, successorIds: [...new Set([...(s.successorIds ?? []), ...ts.map((t) => t.id)])] }, children.map((c) => c.id)));
    for (const t of ts) changes.push(inPlace(t, { predecessorIds: [...new Set([...(t.predecessorIds ?? []), s.id])] }));
    return {
      kind: 'split', unitId: s.id, changes, rewrites, carries,
      summary: `Chia tách "${s.name}" thành ${names(ts)} từ ngày ${formatVietnameseDate(on)}`,
      audited: [
        { unitId: s.id, action: 'unit.split', after: { successorIds: ts.map((t) => t.id) } },
        ...ts.map((t) => ({ unitId: t.id, action: 'unit.splitFrom', after: { sourceId: s.id } })),
      ],
    };
  }, on);
}

/** A tree job, seen from a unit in the caller's scope (the progress page polls it). */
export async function readTreeJob(deps: ServiceDeps, caller: Caller, unitId: string, jobId: string): Promise<TreeJob> {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const job = await getTreeJob(deps.store, caller.tenant, jobId);
  if (!job || job.unitId !== unit.id) throw new DomainError('TREE_JOB_NOT_FOUND', 'Không tìm thấy thao tác cây đơn vị.');
  return job;
}
