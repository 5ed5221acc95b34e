import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { Store } from './client';
import { keys } from './keys';

/** A subtree a job moves: its root's ids path before and after (docs/tree-history.md). */
export const Rewrite = z.object({
  rootId: z.string(),
  oldPath: z.array(z.string()),
  newPath: z.array(z.string()),
  oldParentId: z.string().nullable(),
  newParentId: z.string().nullable(),
});
export type Rewrite = z.infer<typeof Rewrite>;

/**
 * The tenant's tree pointer. Readers see units in `generation`: a unit's staged placement counts once
 * its generation is reached, a unit born in a later generation does not exist yet. While a job
 * settles (`settling`), some units still sit in the indexes under their old path: listings add them
 * from the moved subtrees, so a reader sees the whole tree after the flip, never half of it.
 */
export const TreePointer = z.object({
  generation: z.number().int().nonnegative().default(0),
  lockedBy: z.string().nullable().default(null),
  lockedAt: z.string().nullable().default(null),
  settling: z.object({ generation: z.number().int(), rewrites: z.array(Rewrite) }).nullable().default(null),
});
export type TreePointer = z.infer<typeof TreePointer>;

export async function readPointer(store: Store, tenant: string): Promise<TreePointer> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.treePointer(tenant), ConsistentRead: true }));
  return TreePointer.parse(out.Item ?? {});
}

/** In a structural change's transaction: the tree is not held by a job (409 TREE_BUSY otherwise). */
export function treeUnlocked(store: Store, tenant: string) {
  return {
    ConditionCheck: {
      TableName: store.tableName,
      Key: keys.treePointer(tenant),
      ConditionExpression: 'attribute_not_exists(lockedBy) OR lockedBy = :none',
      ExpressionAttributeValues: { ':none': null },
    },
  };
}

/** What a job stages on a unit item: the attributes it will have from `generation` on. */
export interface Staged {
  generation: number;
  set: Record<string, unknown>;
}

/** Whether an item needs the pointer to be read (a job staged it). */
export function needsPointer(item: Record<string, unknown>): boolean {
  return item.staged !== undefined;
}

/** The unit item as readers of `generation` see it: its staged attributes apply once their generation is reached. */
export function resolveItem(item: Record<string, unknown>, generation: number): Record<string, unknown> | undefined {
  const staged = item.staged as Staged | undefined;
  if (staged && staged.generation <= generation) return { ...item, ...staged.set };
  return item;
}
