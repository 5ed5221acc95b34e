import { z } from 'zod';
import { LocalDate } from './local-date';
import { Sector, UnitKind } from './unit-kind';
import { UnitRef, UnitSpan } from './tree/unit-history';

export const UnitName = z.string().transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' ')).pipe(z.string().min(1).max(200));

/**
 * A node of the party tree. `path` lists the ids from the root (the province) down to this unit,
 * itself included: the subtree of U is every unit whose path starts with U's path.
 */
export const Unit = z.object({
  id: z.string().min(1),
  name: UnitName,
  kind: UnitKind,
  parentId: z.string().nullable(),
  path: z.array(z.string()).min(1),
  foundedOn: LocalDate.nullable().default(null),
  closedOn: LocalDate.nullable().default(null),
  sector: Sector.nullable().default(null),
  version: z.number().int().nonnegative().default(1),
  /** Its periods in the tree (docs/tree-history.md); absent for units recorded before dates were kept. */
  spans: z.array(UnitSpan).optional(),
  /** Units that merged or split into this one, and those it merged or split into (same province). */
  predecessorIds: z.array(z.string()).optional(),
  successorIds: z.array(z.string()).optional(),
  /** The units of former provinces it continues (a province merge). */
  lineage: z.array(UnitRef).optional(),
});
export type Unit = z.infer<typeof Unit>;

export function isInSubtree(unit: Pick<Unit, 'path'>, root: Pick<Unit, 'id'>): boolean {
  return unit.path.includes(root.id);
}
