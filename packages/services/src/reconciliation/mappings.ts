import { CellMappingEntry, DomainError, HeaderMapping, foldText, isCell, type Caller } from '@kd/domain';
import { getCellMapping, getHeaderMapping, listAllUnits, saveCellMapping, saveHeaderMapping } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { changeBy } from '../actor';
import { unitInScope } from '../access/scope';

/** The province's header mapping and cell mapping (docs/reconciliation.md), with their versions. */
export async function reconciliationMappings(deps: ServiceDeps, caller: Caller, unitId: string) {
  await unitInScope(deps.store, caller, unitId, 'member.reconcile');
  const [headers, cells] = await Promise.all([getHeaderMapping(deps.store, caller.tenant), getCellMapping(deps.store, caller.tenant)]);
  return { headers, cells };
}

export async function setHeaderMapping(deps: ServiceDeps, caller: Caller, unitId: string, value: HeaderMapping, version: number) {
  const unit = await unitInScope(deps.store, caller, unitId, 'member.reconcile');
  await saveHeaderMapping(deps.store, caller.tenant, HeaderMapping.parse(value), version, { ...changeBy(deps, caller), unitId: unit.id });
  return getHeaderMapping(deps.store, caller.tenant);
}

/** Replaces the cell mapping: each central cell name once, each pointing at a cell of the tenant. */
export async function setCellMapping(deps: ServiceDeps, caller: Caller, unitId: string, entries: CellMappingEntry[], version: number) {
  const unit = await unitInScope(deps.store, caller, unitId, 'member.reconcile');
  const parsed = entries.map((e) => CellMappingEntry.parse(e));
  const units = new Map((await listAllUnits(deps.store, caller.tenant)).map((u) => [u.id, u] as const));
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const e of parsed) {
    const u = units.get(e.unitId);
    if (!u || !isCell(u.kind)) problems.push(`"${e.centralName}" → "${e.unitId}": không phải chi bộ của tỉnh`);
    if (seen.has(foldText(e.centralName))) problems.push(`"${e.centralName}" có hai lần`);
    seen.add(foldText(e.centralName));
  }
  if (problems.length > 0) throw new DomainError('CELL_MAPPING_INVALID', `Bảng ánh xạ chi bộ có lỗi: ${problems.slice(0, 10).join('; ')}.`, { problems });
  await saveCellMapping(deps.store, caller.tenant, parsed, version, { ...changeBy(deps, caller), unitId: unit.id });
  return getCellMapping(deps.store, caller.tenant);
}
