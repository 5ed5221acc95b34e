import { bieu1, bieu2, bieu4Of, bieuFrame, bieu5, vietnamDateOf, type BieuFrame, type Caller, type ReportTable, type UnitKind } from '@kd/domain';
import { getUnits } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { filesModule } from '../files-module';
import { placeOf } from '../campaigns/documents';
import { loadMassesRollup } from '../masses/masses-rollup';
import { rewardCounts } from '../rewards/reward-list';
import { loadRollup } from './read-rollup';

export const bieuNumbers = [1, 2, 4, 5] as const;
export type BieuNumber = (typeof bieuNumbers)[number];

/**
 * The official frame of a unit's Biểu: the committee above it and its own name as the campaign's
 * tree has them (path), the place from the province's name, dated the day it is drawn up.
 */
async function frameOf(deps: ServiceDeps, caller: Caller, unit: { name: string; kind: UnitKind; path: readonly string[] }): Promise<BieuFrame> {
  const parentId = unit.path.length > 1 ? unit.path[unit.path.length - 2]! : null;
  const rootId = unit.path[0]!;
  const found = await getUnits(deps.store, caller.tenant, [rootId, ...(parentId ? [parentId] : [])]);
  const root = found.get(rootId)?.name ?? unit.name;
  return bieuFrame({
    upperCommittee: parentId ? (found.get(parentId)?.name ?? null) : null,
    unitName: unit.name,
    kind: unit.kind,
    place: placeOf(root),
    date: vietnamDateOf(deps.clock()),
  });
}

/** Biểu 1, 2, 4 or 5 of a unit for a campaign, as an .xlsx that prints on A4 as an official document. */
export async function bieuXlsx(deps: ServiceDeps, caller: Caller, year: number, unitId: string, n: BieuNumber): Promise<{ bytes: Buffer; fileName: string }> {
  let table: ReportTable;
  let unit: { unitId: string; name: string; kind: UnitKind; path: readonly string[] };
  if (n === 5) {
    const masses = await loadMassesRollup(deps, caller, year, unitId);
    const rollup = await loadRollup(deps.store, caller, year, masses.unitId).catch(() => null);
    table = bieu5(masses);
    unit = { unitId: masses.unitId, name: masses.name, kind: rollup?.kind ?? 'bloc', path: rollup?.path ?? [masses.unitId] };
  } else {
    const rollup = await loadRollup(deps.store, caller, year, unitId);
    // Column 18 of Biểu 2: the members the rewards list proposes, counted per unit (docs/api.md, "Rewards").
    table = n === 1 ? bieu1(rollup) : n === 2 ? bieu2(rollup, await rewardCounts(deps, caller, year, rollup.unitId)) : bieu4Of(rollup);
    unit = rollup;
  }
  const bytes = await (await filesModule()).reportTableXlsx(table, deps.clock(), await frameOf(deps, caller, unit));
  return { bytes, fileName: `bieu-${n}-${unit.unitId}-${year}.xlsx` };
}
