import { withSpan, type LocalDate } from '@kd/domain';
import { listSubtree, type Rewrite, type Store, type StoredUnit, type UnitChange } from '@kd/data';

/** A subtree to re-hang under a new parent. */
export interface Rehome {
  root: StoredUnit;
  newParent: Pick<StoredUnit, 'id' | 'path'>;
}

/**
 * The unit changes and moved subtrees of re-hanging subtrees on `on`: each root gets a new period
 * under its new parent (the dated event), every unit below only a new path (its parents are the
 * same; docs/tree-history.md). Reads each subtree once, closed units included.
 */
export async function rehomePlan(store: Store, tenant: string, moves: readonly Rehome[], on: LocalDate): Promise<{ changes: UnitChange[]; rewrites: Rewrite[] }> {
  const changes: UnitChange[] = [];
  const rewrites: Rewrite[] = [];
  for (const { root, newParent } of moves) {
    const subtree = await listSubtree(store, tenant, root, { includeClosed: true });
    const keep = root.path.length - 1;
    for (const u of subtree) {
      const isRoot = u.id === root.id;
      changes.push({
        unitId: u.id,
        set: {
          parentId: isRoot ? newParent.id : u.parentId,
          path: [...newParent.path, ...u.path.slice(keep)],
          ...(isRoot ? { spans: withSpan(u, on, { parentId: newParent.id }) } : {}),
        },
      });
    }
    rewrites.push({ rootId: root.id, oldPath: root.path, newPath: [...newParent.path, root.id], oldParentId: root.parentId, newParentId: newParent.id });
  }
  return { changes, rewrites };
}

/** A unit that stays where it is but gets new attributes (closed, linked): its placement is restated. */
export function inPlace(unit: StoredUnit, set: Omit<UnitChange['set'], 'parentId' | 'path'>, formerChildIds?: string[]): UnitChange {
  return { unitId: unit.id, set: { parentId: unit.parentId, path: unit.path, ...set }, ...(formerChildIds && formerChildIds.length > 0 ? { formerChildIds } : {}) };
}
