import { matchHeaders, rosterColumns, validateRosterRows, type Caller, type RosterKey } from '@kd/domain';
import { commitRoster, membersElsewhere, planRoster, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { changeBy } from '../actor';
import { unitInScope } from '../access/scope';
import { assertCellUpload, tableOf } from './upload-target';
import { refusedForErrors, type Outcome, type RosterAnswer, type UploadSource } from './upload-answer';
import { withUploadSlot } from './upload-slots';

/**
 * A roster upload (docs/spreadsheets.md): adds and updates the cell's members, creates the groups
 * it names, never removes anyone, and lists the members the file left out.
 */
export async function uploadRoster(deps: ServiceDeps, caller: Caller, unitId: string, source: UploadSource, dryRun: boolean): Promise<Outcome<RosterAnswer>> {
  const unit = await unitInScope(deps.store, caller, unitId, 'member.write');
  assertCellUpload(unit, 'Danh sách đảng viên chỉ tải lên cho chi bộ.');
  return withUploadSlot(deps.uploadSlots, caller.tenant, () => readAndCommit(deps, caller, unit, source, dryRun));
}

async function readAndCommit(deps: ServiceDeps, caller: Caller, unit: StoredUnit, source: UploadSource, dryRun: boolean): Promise<Outcome<RosterAnswer>> {
  const table = await tableOf(source);
  const indexOf = matchHeaders(table.headers, rosterColumns);
  const columns = new Set<RosterKey>(indexOf.keys());
  const idIndex = indexOf.get('id');
  const ids = table.rows.map((r) => (idIndex === undefined ? null : r.cells[idIndex])).filter((v): v is string => typeof v === 'string').map((s) => s.trim());
  const validation = validateRosterRows(table, { unitId: unit.id, membersElsewhere: await membersElsewhere(deps.store, caller.tenant, unit.id, ids) });
  const plan = await planRoster(deps.store, caller.tenant, unit, validation.rows.map((r) => r.member), columns);
  const answer: RosterAnswer = {
    rows: validation.total,
    accepted: validation.rows.length,
    committed: false,
    version: null,
    unchanged: plan.created.length + plan.updated.length + plan.groupsCreated.length === 0,
    errorCount: validation.errorCount,
    errors: validation.errors,
    violations: [],
    evaluations: [],
    members: {
      created: plan.created.length,
      updated: plan.updated.length,
      unchanged: plan.unchanged,
      notInFile: plan.notInFile.map((m) => ({ id: m.id, fullName: m.fullName })),
    },
    groupsCreated: plan.groupsCreated.map((g) => ({ id: g.id, name: g.name })),
  };
  if (dryRun) return { refused: false, answer };
  if (validation.errorCount > 0) return refusedForErrors(answer, 'đảng viên');
  await commitRoster(deps.store, caller.tenant, unit, plan, changeBy(deps, caller));
  return { refused: false, answer: { ...answer, committed: true } };
}
