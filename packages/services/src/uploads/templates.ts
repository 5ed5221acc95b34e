import { resultsColumnsFor, rulebookFor, type Caller } from '@kd/domain';
import { filesModule } from '../files-module';
import { readResults, listUnitMembers, listChildren, requireCampaign } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';

/** Ids keep letters, digits, dots and dashes in a file name. */
const safeName = (s: string) => s.replace(/[^\w.-]+/g, '_');

/** The roster template of a cell, pre-filled with its members and their groups. */
export async function rosterTemplateFile(deps: ServiceDeps, caller: Caller, unitId: string): Promise<{ bytes: Buffer; fileName: string }> {
  const unit = await unitInScope(deps.store, caller, unitId, 'member.read');
  const [members, children] = await Promise.all([listUnitMembers(deps.store, caller.tenant, unit.id), listChildren(deps.store, caller.tenant, unit.id)]);
  const groups = new Map(children.filter((u) => u.kind === 'group').map((g) => [g.id, g.name]));
  const bytes = await (await filesModule()).rosterTemplate({
    unitName: unit.name,
    members: members.map((m) => ({ ...m, groupName: m.groupId ? (groups.get(m.groupId) ?? null) : null })),
  });
  return { bytes, fileName: `danh-sach-dang-vien-${safeName(unit.id)}.xlsx` };
}

/**
 * The results template of a cell's year, with the columns of the year's rulebook (the 100-point
 * ones under r2025), pre-filled from the roster and the current results (the scores of the
 * members' scoring sheets included).
 */
export async function resultsTemplateFile(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<{ bytes: Buffer; fileName: string }> {
  const unit = await unitInScope(deps.store, caller, unitId, 'member.read');
  const settings = await requireCampaign(deps.store, caller.tenant, year);
  const [members, results] = await Promise.all([listUnitMembers(deps.store, caller.tenant, unit.id), readResults(deps.store, caller.tenant, unit.id, year)]);
  const existing = new Map([...results.values()].map((row) => [row.memberId, row.facts]));
  const bytes = await (await filesModule()).resultsTemplate({ unitName: unit.name, year, members, existing, columns: resultsColumnsFor(rulebookFor(settings)).template });
  return { bytes, fileName: `ket-qua-kiem-diem-${year}-${safeName(unit.id)}.xlsx` };
}
