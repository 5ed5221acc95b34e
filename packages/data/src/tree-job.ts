import { z } from 'zod';
import { LocalDate, StintVia, UnitSpan } from '@kd/domain';
import { Actor } from './audit';
import { Rewrite } from './tree-pointer';

/** One unit's change in a tree job: the structural attributes it has from the flip on. */
export const UnitChange = z.object({
  unitId: z.string(),
  set: z.object({
    parentId: z.string().nullable(),
    path: z.array(z.string()),
    spans: z.array(UnitSpan).optional(),
    closedOn: LocalDate.nullable().optional(),
    successorIds: z.array(z.string()).optional(),
    predecessorIds: z.array(z.string()).optional(),
  }),
  /** Children the unit gives up (sources of a merge or split, a moved unit's old parent). */
  formerChildIds: z.array(z.string()).optional(),
});
export type UnitChange = z.infer<typeof UnitChange>;

/** Members a merge or split carries from a cell to its successor, on the event's date. */
export const Carry = z.object({
  fromCellId: z.string(),
  toCellId: z.string(),
  /** Null: every member of the cell (a merge); else the members given to this successor (a split). */
  memberIds: z.array(z.string()).nullable(),
  via: StintVia,
});
export type Carry = z.infer<typeof Carry>;

export const treeJobKinds = ['move', 'merge', 'split'] as const;
export const treeJobPhases = ['stage', 'flip', 'settle', 'members', 'finish', 'done'] as const;

/**
 * A tree job (docs/tree-history.md, "Any size"): the plan (unit changes in numbered steps, the
 * subtrees moved, the members carried), where it stands (`phase`, `cursor`), and its lease.
 */
export const TreeJob = z.object({
  id: z.string(),
  tenant: z.string(),
  kind: z.enum(treeJobKinds),
  /** The unit the job is about (moved, merged into, split): its page links the job, its scope guards it. */
  unitId: z.string(),
  on: LocalDate,
  /** In Vietnamese, for the progress page and the audit trail. */
  summary: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  phase: z.enum(treeJobPhases),
  cursor: z.number().int().nonnegative(),
  steps: z.number().int().nonnegative(),
  /** The tree generation the job writes; readers see it once the pointer flips to it. */
  generation: z.number().int().positive(),
  rewrites: z.array(Rewrite),
  carries: z.array(Carry),
  /** Units whose audit trail records the event (sources, successors, the moved unit). */
  audited: z.array(z.object({ unitId: z.string(), action: z.string(), after: z.record(z.string(), z.unknown()) })),
  units: z.number().int().nonnegative(),
  progress: z.object({
    unitsStaged: z.number().int().nonnegative().default(0),
    unitsSettled: z.number().int().nonnegative().default(0),
    membersCarried: z.number().int().nonnegative().default(0),
    itemsWritten: z.number().int().nonnegative().default(0),
    runs: z.number().int().nonnegative().default(0),
  }),
  createdAt: z.string(),
  createdBy: Actor,
  flippedAt: z.string().nullable().default(null),
  finishedAt: z.string().nullable().default(null),
  updatedAt: z.string(),
  leaseOwner: z.string().nullable().default(null),
  leaseUntil: z.string().nullable().default(null),
  error: z.string().nullable().default(null),
});
export type TreeJob = z.infer<typeof TreeJob>;

/** Unit changes per step item: a step is written whole or not at all, and is a unit of progress. */
export const UNITS_PER_STEP = 50;
