import { z } from '@hono/zod-openapi';
import type { TreeJob } from '@kd/data';

/** A tree job as the API shows it: what it does and how far it is. */
export const TreeJobView = z
  .object({
    id: z.string(),
    kind: z.enum(['move', 'merge', 'split']),
    unitId: z.string(),
    on: z.string(),
    summary: z.string(),
    state: z.enum(['running', 'done', 'failed']),
    phase: z.string(),
    units: z.number().int(),
    progress: z.object({ unitsStaged: z.number().int(), unitsSettled: z.number().int(), membersCarried: z.number().int(), itemsWritten: z.number().int() }),
    /** Whether readers already see the tree after the change. */
    flipped: z.boolean(),
    createdAt: z.string(),
    finishedAt: z.string().nullable(),
    statusUrl: z.string(),
  })
  .openapi('TreeJob');
export type TreeJobView = z.infer<typeof TreeJobView>;

export function treeJobView(job: TreeJob): TreeJobView {
  const { unitsStaged, unitsSettled, membersCarried, itemsWritten } = job.progress;
  return {
    id: job.id, kind: job.kind, unitId: job.unitId, on: job.on, summary: job.summary, state: job.state, phase: job.phase, units: job.units,
    progress: { unitsStaged, unitsSettled, membersCarried, itemsWritten },
    flipped: job.flippedAt !== null,
    createdAt: job.createdAt, finishedAt: job.finishedAt,
    statusUrl: `/api/v1/units/${encodeURIComponent(job.unitId)}/tree-jobs/${encodeURIComponent(job.id)}`,
  };
}
