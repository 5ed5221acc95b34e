import { z } from 'zod';
import { foldVietnamese, type Caller, type Member } from '@kd/domain';
import { listSubtree, searchMemberNames, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';
import { encodeCursor, positionOf } from '../cursor';

export const SearchQuery = z.object({
  q: z.string().max(100).default(''),
  cursor: z.string().max(4000).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export type SearchQuery = z.input<typeof SearchQuery>;

const SearchPositionSchema = z.object({ after: z.string().max(600) });

export interface SearchResult {
  root: StoredUnit;
  q: string;
  /** Members whose name (diacritics or not) contains the text, or whose id begins with it: a page, in Vietnamese name order. */
  members: { member: Member; unit: StoredUnit | undefined }[];
  /** Units of the subtree whose name contains the text (first page only), in tree order. */
  units: StoredUnit[];
  /** The subtree by id: where each member's cell and each unit belong. */
  tree: Map<string, StoredUnit>;
  cursor: string | null;
}

/**
 * Search under a unit the caller may read: members by name, typed with or without diacritics, or
 * by id; units by name. Members come from the tenant's member-name index, filtered by DynamoDB and
 * paged by position (the search reads only that index, never every unit's roster); the units are
 * the subtree the unit page reads anyway (one Query), filtered here.
 */
export async function search(deps: ServiceDeps, caller: Caller, unitId: string, query: SearchQuery): Promise<SearchResult> {
  const { q, cursor, limit } = SearchQuery.parse(query);
  const root = await unitInScope(deps.store, caller, unitId, 'unit.read');
  const text = q.normalize('NFC').trim();
  const folded = foldVietnamese(text);
  if (folded === '') return { root, q: text, members: [], units: [], tree: new Map(), cursor: null };
  const subtree = await listSubtree(deps.store, caller.tenant, root);
  const byId = new Map(subtree.map((u) => [u.id, u]));
  const position = positionOf(deps, caller.tenant, `search:${root.id}:${folded}`, cursor, SearchPositionSchema);
  const page = await searchMemberNames(deps.store, caller.tenant, {
    folded,
    // An id is one word: as typed, or in capitals (ids are written in capitals).
    ...(/^\S+$/.test(text) ? { idPrefixes: [text, text.toUpperCase()] } : {}),
    limit,
    after: position?.after ?? null,
    accept: (m) => byId.has(m.unitId),
  });
  const units = position ? [] : subtree.filter((u) => u.id !== root.id && foldVietnamese(u.name).includes(folded)).slice(0, limit);
  return {
    root,
    q: text,
    members: page.members.map((member) => ({ member, unit: byId.get(member.unitId) })),
    units,
    tree: byId,
    cursor: page.next ? encodeCursor(deps, caller.tenant, `search:${root.id}:${folded}`, { after: page.next }) : null,
  };
}
