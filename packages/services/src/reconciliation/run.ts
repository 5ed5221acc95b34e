import { randomUUID } from 'node:crypto';
import { DomainError, foldText, memberStatus, readCentralRows, reconcile, isCell, type Caller, type OurMember, type ReconciliationEntry, type RowError } from '@kd/domain';
import { getCellMapping, getHeaderMapping, getRun, listIdentities, listRunEntries, listRuns, listSubtree, listUnitMembers, putRun, type RunEntry, type RunSummary, type Store, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { actorOf } from '../actor';
import { unitInScope } from '../access/scope';
import { tableOf } from '../uploads/upload-target';
import type { UploadSource } from '../uploads/upload-answer';
import { hasherOf } from './national-id-keys';

/** Our members of a subtree as reconciliation compares them, with their identity records. */
export async function ourMembers(store: Store, tenant: string, subtree: readonly StoredUnit[]): Promise<OurMember[]> {
  const [identities, lists] = await Promise.all([
    listIdentities(store, tenant),
    Promise.all(subtree.filter((u) => isCell(u.kind)).map((u) => listUnitMembers(store, tenant, u.id))),
  ]);
  return lists.flat().map((m) => {
    const i = identities.get(m.id);
    return {
      memberId: m.id, unitId: m.unitId, fullName: m.fullName, birthDate: m.birthDate, admittedOn: m.admittedOn, status: memberStatus(m),
      partyCardNumber: i?.partyCardNumber ?? null, nationalIdHash: i?.nationalIdHash ?? null, nationalIdLast4: i?.nationalIdLast4 ?? null,
    };
  });
}

function stored(entry: ReconciliationEntry, n: number): RunEntry {
  const ours = entry.kind === 'onlyThere' ? null : (({ nationalIdHash: _h, ...rest }) => rest)(entry.member);
  const central = entry.kind === 'onlyHere' ? null : entry.central;
  return {
    n, kind: entry.kind, ours, central,
    centralUnitId: entry.kind === 'onlyHere' ? null : entry.unitId,
    matchedBy: entry.kind === 'differs' ? entry.matchedBy : null,
    differences: entry.kind === 'differs' ? entry.differences : [],
    note: entry.kind === 'onlyThere' ? entry.note : null,
    decision: null, decidedAt: null, decidedBy: null, applied: [],
  };
}

/**
 * Compares the members of a unit's subtree with an export of the central database (docs/reconciliation.md)
 * and keeps the result as a run whose entries are decided one by one. Rows with errors are left
 * out of the comparison and listed; national ids are hashed as the file is read.
 */
export async function runReconciliation(deps: ServiceDeps, caller: Caller, unitId: string, source: UploadSource): Promise<{ summary: RunSummary; entries: RunEntry[]; errors: RowError[] }> {
  const unit = await unitInScope(deps.store, caller, unitId, 'member.reconcile');
  const hash = await hasherOf(deps.nationalIdKeys, caller.tenant);
  const [mapping, cells, subtree] = await Promise.all([
    getHeaderMapping(deps.store, caller.tenant),
    getCellMapping(deps.store, caller.tenant),
    listSubtree(deps.store, caller.tenant, unit),
  ]);
  const table = await tableOf(source);
  const central = readCentralRows(table, mapping.value, hash);
  const inScope = new Set(subtree.map((u) => u.id));
  const result = reconcile({
    ours: await ourMembers(deps.store, caller.tenant, subtree),
    central: central.records,
    fields: central.fields,
    cellMapping: new Map(cells.value.map((e) => [foldText(e.centralName), e.unitId] as const)),
    inScope: (id) => inScope.has(id),
  });
  const entries = result.entries.map((e, i) => stored(e, i + 1));
  const count = (kind: RunEntry['kind']) => entries.filter((e) => e.kind === kind).length;
  const summary: RunSummary = {
    runId: randomUUID(), unitId: unit.id, at: deps.clock().toISOString(), actor: actorOf(caller),
    fileRows: central.total, accepted: central.records.length, errorCount: central.errorCount,
    matched: result.matched, same: result.same, onlyHere: count('onlyHere'), onlyThere: count('onlyThere'), differing: count('differs'),
    outsideScope: result.outsideScope, unmappedCells: result.unmappedCells, fields: central.fields,
  };
  await putRun(deps.store, caller.tenant, summary, entries);
  return { summary, entries, errors: central.errors };
}

/** A run of the unit (404 RUN_NOT_FOUND for a run of another unit or tenant). */
export async function runOf(deps: ServiceDeps, caller: Caller, unitId: string, runId: string): Promise<{ unit: StoredUnit; summary: RunSummary }> {
  const unit = await unitInScope(deps.store, caller, unitId, 'member.reconcile');
  const summary = /^[\w-]{1,64}$/.test(runId) ? await getRun(deps.store, caller.tenant, runId) : undefined;
  if (!summary || summary.unitId !== unit.id) throw new DomainError('RUN_NOT_FOUND', 'Không tìm thấy lần đối chiếu này.');
  return { unit, summary };
}

export async function readRun(deps: ServiceDeps, caller: Caller, unitId: string, runId: string) {
  const { unit, summary } = await runOf(deps, caller, unitId, runId);
  return { unit, summary, entries: await listRunEntries(deps.store, caller.tenant, runId) };
}

export async function runsOf(deps: ServiceDeps, caller: Caller, unitId: string) {
  const unit = await unitInScope(deps.store, caller, unitId, 'member.reconcile');
  return { unit, runs: await listRuns(deps.store, caller.tenant, unit.id) };
}
