import type { LocalDate } from '../local-date';
import { existsOn, spanOn, type DatedUnit } from './unit-history';

/** A unit's place in the tree on one day. */
export interface PlacementOn {
  parentId: string | null;
  /** Ids from the province down, the unit itself last. */
  path: string[];
  name: string;
  exists: boolean;
}

/** Deep enough for any party tree; a longer chain is a cycle in bad data and is cut. */
const MAX_DEPTH = 32;

/**
 * The unit's place on `day`, walking its parents as they were that day. `unitOf` looks units up
 * (a map, or a cached reader); a parent the table no longer has ends the path there.
 */
export async function placementOn(
  unitOf: (id: string) => DatedUnit | undefined | Promise<DatedUnit | undefined>,
  unit: DatedUnit,
  day: LocalDate,
): Promise<PlacementOn> {
  const span = spanOn(unit, day);
  const path = [unit.id];
  let parentId = span.parentId;
  while (parentId !== null && path.length < MAX_DEPTH && !path.includes(parentId)) {
    path.unshift(parentId);
    const parent = await unitOf(parentId);
    if (!parent) break;
    parentId = spanOn(parent, day).parentId;
  }
  return { parentId: span.parentId, path, name: span.name, exists: existsOn(unit, day) };
}

/** Synchronous form over a map of every unit (the reconcile and the recount hold the whole tree). */
export function placementsOn(units: ReadonlyMap<string, DatedUnit>, day: LocalDate): Map<string, PlacementOn> {
  const result = new Map<string, PlacementOn>();
  const pathOf = (unit: DatedUnit, seen: Set<string>): string[] => {
    const known = result.get(unit.id);
    if (known) return known.path;
    const span = spanOn(unit, day);
    const parent = span.parentId === null ? undefined : units.get(span.parentId);
    const path = parent && !seen.has(parent.id) && seen.size < MAX_DEPTH ? [...pathOf(parent, new Set([...seen, unit.id])), unit.id] : span.parentId === null ? [unit.id] : [span.parentId, unit.id];
    result.set(unit.id, { parentId: span.parentId, path, name: span.name, exists: existsOn(unit, day) });
    return path;
  };
  for (const unit of units.values()) pathOf(unit, new Set());
  return result;
}
