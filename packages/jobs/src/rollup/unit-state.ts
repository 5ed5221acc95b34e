import { Member, ownContribution, zeroCounts, isBaseOrganisation, isCell, isRatedCollective, type Rating, type UnitKind } from '@kd/domain';
import type { Dossier, ResultRow, OwnRecord, TableReader } from '@kd/data';
import type { RollupYear } from './campaigns';

/**
 * A unit's own contribution as the table says now, with its placement in the live tree.
 * `counts.quotaSum` is zero here; a base organisation's is derived from its subtree when written.
 */
export type ComputedOwn = OwnRecord;

export function decidedOf(dossier: Pick<Dossier, 'collective' | 'adjustedCollective'> | null | undefined): Rating | null {
  return dossier?.adjustedCollective?.rating ?? dossier?.collective.decided ?? null;
}

/** The base organisation on a path (the first one from the root), given the kinds along it. */
export async function baseOrgOf(reader: TableReader, path: readonly string[]): Promise<string | null> {
  const units = await Promise.all(path.map((id) => reader.unit(id)));
  return units.find((u) => u && isBaseOrganisation(u.kind))?.id ?? null;
}

/**
 * Recomputes a unit's own contribution for an open campaign from the table. A unit no longer in
 * the table contributes nothing and keeps the placement it had (`previous`).
 */
export async function computeOwn(
  reader: TableReader,
  year: RollupYear,
  unitId: string,
  previous?: { name: string; kind: UnitKind; parentId: string | null; path: string[]; baseOrgId: string | null },
): Promise<ComputedOwn> {
  const y = year.campaign.year;
  const unit = await reader.unit(unitId);
  if (!unit) {
    return {
      unitId,
      name: previous?.name ?? unitId,
      kind: previous?.kind ?? 'cell',
      parentId: previous?.parentId ?? null,
      path: previous?.path ?? [unitId],
      closedOn: null,
      baseOrgId: previous?.baseOrgId ?? null,
      counts: zeroCounts(),
      collectiveDecided: null,
      quotaExceptionPercent: null,
      collectiveDisciplined: false,
    };
  }
  // The kinds rated as collectives are the rulebook's (r2025 adds the committees above base organisations).
  const rated = (kind: UnitKind) => isRatedCollective(year.context.rulebook, kind);
  const dossier = rated(unit.kind) || isCell(unit.kind) ? await reader.dossier(unitId, y) : null;
  const [rows, roster, childRatings, baseOrgId] = await Promise.all([
    isCell(unit.kind) ? reader.rows(unitId, y, dossier?.currentVersion ?? null) : Promise.resolve(new Map<string, ResultRow>()),
    isCell(unit.kind) ? reader.roster(unitId) : Promise.resolve([] as Member[]),
    rated(unit.kind) && !isCell(unit.kind)
      ? reader.children(unitId).then(async (children) => {
          const open = children.filter((c) => !c.closedOn && rated(c.kind));
          const dossiers = await reader.dossiers(open.map((c) => c.id), y);
          return open.map((c) => ({ rating: decidedOf(dossiers.get(c.id)), disciplined: dossiers.get(c.id)?.collective.disciplined ?? false }));
        })
      : Promise.resolve([] as { rating: Rating | null; disciplined: boolean }[]),
    baseOrgOf(reader, unit.path),
  ]);
  const own = ownContribution({
    campaign: year.context,
    unit,
    dossier,
    roster,
    rows,
    childCollectiveRatings: childRatings.map((c) => c.rating),
    subordinateDisciplined: childRatings.some((c) => c.disciplined),
  });
  return {
    unitId,
    name: unit.name,
    kind: unit.kind,
    parentId: unit.parentId,
    path: unit.path,
    closedOn: unit.closedOn,
    baseOrgId,
    counts: own.counts,
    collectiveDecided: unit.closedOn ? null : decidedOf(dossier),
    quotaExceptionPercent: isBaseOrganisation(unit.kind) && !unit.closedOn ? (dossier?.quotaException?.percent ?? null) : null,
    collectiveDisciplined: !unit.closedOn && (dossier?.collective.disciplined ?? false),
  };
}
