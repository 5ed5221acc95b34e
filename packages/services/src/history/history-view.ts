import { IMPORTED_LABEL, pastMemberColumns, pastUnitColumns, isRatedCollective, rulebookFor, isCell, type Caller } from '@kd/domain';
import { listCampaigns, listHistoryImports, listSubtree, listUnitMembers } from '@kd/data';
import { filesModule } from '../files-module';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';
import { pastYearSettings } from './past-campaign';

/** The campaigns of the tenant as the history page lists them, with the imports made in the caller's subtree. */
export async function pastYears(deps: ServiceDeps, caller: Caller, unitId: string) {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const [campaigns, imports, subtree] = await Promise.all([
    listCampaigns(deps.store, caller.tenant),
    listHistoryImports(deps.store, caller.tenant),
    listSubtree(deps.store, caller.tenant, unit, { includeClosed: true }),
  ]);
  const inScope = new Set(subtree.map((u) => u.id));
  return {
    unit,
    years: campaigns.map((c) => ({
      year: c.year,
      rulebookId: c.rulebookId,
      state: c.closedAt === null ? ('open' as const) : ('closed' as const),
      importedOnly: c.importedOnly === true,
      label: c.importedOnly ? IMPORTED_LABEL : null,
    })).reverse(),
    imports: imports.filter((i) => inScope.has(i.unitId)).reverse(),
  };
}

/** A unit as a template names it: by name where no other unit of the subtree has it, else by id. */
function unitLabel(units: readonly { id: string; name: string }[]): (u: { id: string; name: string }) => string {
  const count = new Map<string, number>();
  for (const u of units) count.set(u.name.toLocaleLowerCase('vi'), (count.get(u.name.toLocaleLowerCase('vi')) ?? 0) + 1);
  return (u) => (count.get(u.name.toLocaleLowerCase('vi')) === 1 ? u.name : u.id);
}

const safe = (s: string) => s.replace(/[^\w.-]+/g, '_');

/** The template of past members' results, pre-filled with today's members and cells of the subtree (a start: cells may have changed since). */
export async function pastMembersTemplate(deps: ServiceDeps, caller: Caller, unitId: string): Promise<{ bytes: Buffer; fileName: string }> {
  const unit = await unitInScope(deps.store, caller, unitId, 'campaign.manage');
  const subtree = await listSubtree(deps.store, caller.tenant, unit);
  const label = unitLabel(subtree);
  const rows: Record<string, unknown>[] = [];
  for (const cell of subtree.filter((u) => isCell(u.kind))) {
    for (const m of await listUnitMembers(deps.store, caller.tenant, cell.id)) rows.push({ memberId: m.id, fullName: m.fullName, unit: label(cell) });
  }
  const bytes = await (await filesModule()).writeTemplate({ sheetName: 'Kết quả đảng viên', title: `Kết quả xếp loại đảng viên các năm trước — ${unit.name}`, columns: pastMemberColumns, rows });
  return { bytes, fileName: `ket-qua-dang-vien-nam-truoc-${safe(unit.id)}.xlsx` };
}

/** The template of past organisations' results, pre-filled with today's organisations of the subtree. */
export async function pastUnitsTemplate(deps: ServiceDeps, caller: Caller, unitId: string, year: number): Promise<{ bytes: Buffer; fileName: string }> {
  const unit = await unitInScope(deps.store, caller, unitId, 'campaign.manage');
  const rulebook = rulebookFor(pastYearSettings(year));
  const subtree = await listSubtree(deps.store, caller.tenant, unit);
  const label = unitLabel(subtree);
  const units = subtree.filter((u) => isRatedCollective(rulebook, u.kind));
  const bytes = await (await filesModule()).writeTemplate({
    sheetName: 'Kết quả tổ chức đảng', title: `Kết quả xếp loại tổ chức đảng năm ${year} — ${unit.name}`, columns: pastUnitColumns,
    rows: units.map((u) => ({ unit: label(u) })),
  });
  return { bytes, fileName: `ket-qua-to-chuc-dang-${year}-${safe(unit.id)}.xlsx` };
}
