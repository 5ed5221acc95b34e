import { Member, ownContribution, zeroCounts, existsOn, placementOn, spanOn, isBaseOrganisation, isCell, isRatedCollective, type LocalDate, type Rating, type UnitKind } from '@kd/domain';
import type { Dossier, ResultRow, OwnRecord, StoredUnit, TableReader } from '@kd/data';
import type { RollupYear } from './campaigns';

/**
 * A unit's own contribution as the table says now, with its placement in the campaign's tree.
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
 * The party organisations directly under `unit` on `day`: its children then, whether they are
 * still there or have moved, merged or closed since (the unit's `formerChildIds`).
 */
export async function childrenOn(reader: TableReader, unit: StoredUnit, day: LocalDate): Promise<StoredUnit[]> {
  const [current, former] = await Promise.all([
    reader.children(unit.id),
    Promise.all((unit.formerChildIds ?? []).map((id) => reader.unit(id))),
  ]);
  const all = new Map<string, StoredUnit>();
  for (const c of [...current, ...former]) if (c) all.set(c.id, c);
  return [...all.values()].filter((c) => existsOn(c, day) && spanOn(c, day).parentId === unit.id);
}

/**
 * Recomputes a unit's own contribution for a campaign from the table, against the campaign's tree:
 * the unit's place, name and roster on the campaign's rating date (docs/tree-history.md). A unit
 * that is not in that tree (closed before it, founded after it) contributes nothing; its roll-up
 * items mark it with `closedOn` (its end, or its founding date). A unit no longer in the table
 * contributes nothing and keeps the placement it had (`previous`).
 */
export async function computeOwn(
  reader: TableReader,
  year: RollupYear,
  unitId: string,
  previous?: { name: string; kind: UnitKind; parentId: string | null; path: string[]; baseOrgId: string | null },
): Promise<ComputedOwn> {
  const y = year.campaign.year;
  const day = year.campaign.ratingDate;
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
  const placement = await placementOn((id) => reader.unit(id), unit, day);
  const absentOn = placement.exists ? null : (unit.closedOn !== null && unit.closedOn <= day ? unit.closedOn : (unit.foundedOn ?? day));
  // The kinds rated as collectives are the rulebook's (r2025 adds the committees above base organisations).
  const rated = (kind: UnitKind) => isRatedCollective(year.context.rulebook, kind);
  const dossier = rated(unit.kind) || isCell(unit.kind) ? await reader.dossier(unitId, y) : null;
  const [rows, roster, childRatings, baseOrgId] = await Promise.all([
    isCell(unit.kind) ? reader.rows(unitId, y, dossier?.currentVersion ?? null) : Promise.resolve(new Map<string, ResultRow>()),
    isCell(unit.kind) ? reader.rosterOn(unitId, day) : Promise.resolve([] as Member[]),
    rated(unit.kind) && !isCell(unit.kind)
      ? childrenOn(reader, unit, day).then(async (children) => {
          const organisations = children.filter((c) => rated(c.kind));
          const dossiers = await reader.dossiers(organisations.map((c) => c.id), y);
          return organisations.map((c) => ({ rating: decidedOf(dossiers.get(c.id)), disciplined: dossiers.get(c.id)?.collective.disciplined ?? false }));
        })
      : Promise.resolve([] as { rating: Rating | null; disciplined: boolean }[]),
    baseOrgOf(reader, placement.path),
  ]);
  const own = ownContribution({
    campaign: year.context,
    unit: { ...unit, closedOn: absentOn },
    dossier,
    roster,
    rows,
    childCollectiveRatings: childRatings.map((c) => c.rating),
    subordinateDisciplined: childRatings.some((c) => c.disciplined),
  });
  return {
    unitId,
    name: placement.name,
    kind: unit.kind,
    parentId: placement.parentId,
    path: placement.path,
    closedOn: absentOn,
    baseOrgId,
    counts: own.counts,
    collectiveDecided: absentOn ? null : decidedOf(dossier),
    quotaExceptionPercent: isBaseOrganisation(unit.kind) && !absentOn ? (dossier?.quotaException?.percent ?? null) : null,
    collectiveDisciplined: !absentOn && (dossier?.collective.disciplined ?? false),
  };
}
