import { existsOn, spansOf, type Caller, type LocalDate, type UnitSpan } from '@kd/domain';
import { getTreeJob, getUnits, listAudit, listCampaigns, readPointer, type AuditEntry, type StoredUnit, type TreeJob } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';
import { archivedLineage, type ArchivedUnit } from '../archives/archives';

/** The audit actions that are events of the tree (docs/tree-history.md). */
const treeActions = new Set(['unit.create', 'unit.rename', 'unit.move', 'unit.close', 'unit.merge', 'unit.mergedInto', 'unit.split', 'unit.splitFrom', 'province.merge']);

/** A unit this one continues or was continued by, with the campaigns it was rated in. */
export interface LinkedUnit {
  unit: StoredUnit;
  /** Years whose rating date falls in its life: its own numbers are in those campaigns. */
  campaigns: { year: number; ratingDate: LocalDate }[];
}

export interface UnitHistory {
  periods: (UnitSpan & { parentName: string | null })[];
  events: AuditEntry[];
  predecessors: LinkedUnit[];
  successors: StoredUnit[];
  /** Units of former provinces it continues (a province merge), with their archived campaigns the caller may read. */
  archived: ArchivedUnit[];
  /** A tree job about this unit that has not finished. */
  runningJob: TreeJob | null;
}

/** Predecessors back to the first (a merge of merges), at most this many. */
const MAX_LINEAGE = 50;

/**
 * What a unit's page shows of its history: its periods (where it sat, under which name, from when),
 * the tree events in its audit trail, the units it continues and the campaigns they were rated in,
 * those that continue it, and a tree job still running on it.
 */
export async function unitHistory(deps: ServiceDeps, caller: Caller, unitId: string): Promise<UnitHistory> {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const store = deps.store;
  const [audit, campaigns, pointer] = await Promise.all([listAudit(store, caller.tenant, unit.id, { limit: 200 }), listCampaigns(store, caller.tenant), readPointer(store, caller.tenant)]);
  const spans = spansOf(unit);
  const parents = await getUnits(store, caller.tenant, spans.map((s) => s.parentId).filter((id): id is string => id !== null));
  const predecessors: StoredUnit[] = [];
  let wave = unit.predecessorIds ?? [];
  const seen = new Set([unit.id]);
  while (wave.length > 0 && predecessors.length < MAX_LINEAGE) {
    const found = await getUnits(store, caller.tenant, wave.filter((id) => !seen.has(id)));
    wave = [];
    for (const p of found.values()) {
      seen.add(p.id);
      predecessors.push(p);
      wave.push(...(p.predecessorIds ?? []));
    }
  }
  const successors = [...(await getUnits(store, caller.tenant, unit.successorIds ?? [])).values()];
  const job = pointer.lockedBy ? await getTreeJob(store, caller.tenant, pointer.lockedBy) : undefined;
  return {
    periods: spans.map((s) => ({ ...s, parentName: s.parentId ? (parents.get(s.parentId)?.name ?? s.parentId) : null })),
    events: audit.entries.filter((e) => treeActions.has(e.action)),
    predecessors: predecessors.map((p) => ({ unit: p, campaigns: campaigns.filter((c) => existsOn(p, c.ratingDate)).map((c) => ({ year: c.year, ratingDate: c.ratingDate })) })),
    successors,
    archived: await archivedLineage(deps, caller, unit),
    runningJob: job && job.state === 'running' && job.unitId === unit.id ? job : null,
  };
}
