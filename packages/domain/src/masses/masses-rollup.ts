import type { MassesComment } from './comment';
import { addMassesCounts, zeroMassesCounts, type MassesCounts } from './masses-counts';
import type { MassesSettings } from './masses-settings';
import { isHeld, type MassesSession } from './masses-session';
import type { RemediationItem } from './remediation-item';
import { countWorkplaces, massesOf, subtreeWorkplaces, type Workplace } from './workplace';

/** What one unit holds for the year: its own workplace (not one it shares from above), sessions, comments, remediation items. */
export interface MassesOwnInput {
  workplace: Workplace | null;
  sessions: readonly MassesSession[];
  comments: readonly MassesComment[];
  remediationItems: readonly RemediationItem[];
}

/**
 * A unit's own contribution to Biểu 5. A member counts once per unit: self-criticised if present
 * at any of its held sessions (a make-up session included), absent if listed but present at none.
 * Comments and remediation items count whatever the session's state (comments are only taken at a
 * recorded session). Overdue items are not counted: that depends on the day the report is read.
 */
export function ownMassesContribution(input: MassesOwnInput, settings: MassesSettings): MassesCounts {
  const c = zeroMassesCounts();
  if (input.workplace) {
    c.units = 1;
    c.unitsRequired = massesOf(input.workplace.staff, settings).sessionRequired ? 1 : 0;
  }
  const present = new Set<string>();
  const listed = new Set<string>();
  for (const s of input.sessions) {
    if (!isHeld(s) || !s.record) continue;
    c.sessionsHeld++;
    if (s.state === 'complete') c.sessionsComplete++;
    c.massesPresent += s.record.massesPresent;
    for (const m of s.record.members) {
      listed.add(m.memberId);
      if (m.present) present.add(m.memberId);
    }
  }
  c.membersSelfCriticised = present.size;
  c.membersAbsent = [...listed].filter((id) => !present.has(id)).length;
  for (const k of input.comments) {
    c.comments.total++;
    c.comments[k.channel]++;
    if (k.dissenting) c.comments.dissenting++;
    c.comments[k.responsibility ?? 'unclassified']++;
  }
  c.remediation.items = input.remediationItems.length;
  c.remediation.done = input.remediationItems.filter((r) => r.status === 'done').length;
  return c;
}

export interface MassesTreeUnit {
  id: string;
  parentId: string | null;
}

/**
 * Every unit's roll-up as the stored items hold it: own contribution plus the roll-ups of its
 * children, built bottom-up. Reading one unit's Biểu 5 with its children is then children + 1 items.
 */
export function massesSubtreeSums(units: readonly MassesTreeUnit[], owns: ReadonlyMap<string, MassesCounts>): Map<string, MassesCounts> {
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parentId !== null) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const sums = new Map<string, MassesCounts>();
  const visit = (id: string): MassesCounts => {
    const known = sums.get(id);
    if (known) return known;
    const sum = (children.get(id) ?? []).reduce((acc, child) => addMassesCounts(acc, visit(child)), owns.get(id) ?? zeroMassesCounts());
    sums.set(id, sum);
    return sum;
  };
  for (const u of units) visit(u.id);
  return sums;
}

/** Everything stored for a year, as a recount reads it. */
export interface MassesYearData {
  units: readonly { id: string; path: readonly string[] }[];
  workplaces: readonly Workplace[];
  sessions: readonly MassesSession[];
  comments: readonly MassesComment[];
  remediationItems: readonly RemediationItem[];
}

/**
 * Biểu 5 of a subtree counted from scratch over the raw records, without own contributions: what
 * the additive roll-up must equal after any sequence of writes.
 */
export function recountMasses(rootId: string, data: MassesYearData, settings: MassesSettings): MassesCounts {
  const inSubtree = new Set(data.units.filter((u) => u.path.includes(rootId)).map((u) => u.id));
  const c = zeroMassesCounts();
  const workplaces = countWorkplaces(subtreeWorkplaces(data.units, rootId, data.workplaces), settings);
  c.units = workplaces.units;
  c.unitsRequired = workplaces.unitsRequired;
  const presentByUnit = new Set<string>();
  const listedByUnit = new Set<string>();
  for (const s of data.sessions) {
    if (!inSubtree.has(s.unitId) || s.state === 'planned' || !s.record) continue;
    c.sessionsHeld++;
    c.sessionsComplete += s.state === 'complete' ? 1 : 0;
    c.massesPresent += s.record.massesPresent;
    for (const m of s.record.members) {
      listedByUnit.add(`${s.unitId}\u0000${m.memberId}`);
      if (m.present) presentByUnit.add(`${s.unitId}\u0000${m.memberId}`);
    }
  }
  c.membersSelfCriticised = presentByUnit.size;
  c.membersAbsent = [...listedByUnit].filter((k) => !presentByUnit.has(k)).length;
  const comments = data.comments.filter((k) => inSubtree.has(k.unitId));
  c.comments.total = comments.length;
  c.comments.written = comments.filter((k) => k.channel === 'written').length;
  c.comments.oral = comments.filter((k) => k.channel === 'oral').length;
  c.comments.dissenting = comments.filter((k) => k.dissenting).length;
  c.comments.collective = comments.filter((k) => k.responsibility === 'collective').length;
  c.comments.individual = comments.filter((k) => k.responsibility === 'individual').length;
  c.comments.unclassified = comments.filter((k) => k.responsibility === null).length;
  const items = data.remediationItems.filter((r) => inSubtree.has(r.unitId));
  c.remediation.items = items.length;
  c.remediation.done = items.filter((r) => r.status === 'done').length;
  return c;
}

/** The own inputs of every unit of a year's data (the storage layer groups its items the same way). */
export function massesOwnInputs(data: MassesYearData): Map<string, MassesOwnInput> {
  type Own = { workplace: Workplace | null; sessions: MassesSession[]; comments: MassesComment[]; remediationItems: RemediationItem[] };
  const out = new Map<string, Own>(data.units.map((u) => [u.id, { workplace: null, sessions: [], comments: [], remediationItems: [] }]));
  for (const w of data.workplaces) {
    const own = out.get(w.unitId);
    if (own) own.workplace = w;
  }
  for (const s of data.sessions) out.get(s.unitId)?.sessions.push(s);
  for (const k of data.comments) out.get(k.unitId)?.comments.push(k);
  for (const r of data.remediationItems) out.get(r.unitId)?.remediationItems.push(r);
  return out;
}

/** `GET …/masses-rollup`: one unit's Biểu 5 with a row per child. */
export interface MassesRollupRow extends MassesCounts {
  unitId: string;
  name?: string;
}
export interface MassesRollupResponse extends MassesRollupRow {
  year: number;
  children: MassesRollupRow[];
}

export function massesRollupResponse(input: {
  year: number;
  unit: { unitId: string; name?: string; counts: MassesCounts };
  children: readonly { unitId: string; name?: string; counts: MassesCounts }[];
}): MassesRollupResponse {
  const row = (r: { unitId: string; name?: string; counts: MassesCounts }): MassesRollupRow => ({
    unitId: r.unitId,
    ...(r.name !== undefined ? { name: r.name } : {}),
    ...r.counts,
    comments: { ...r.counts.comments },
    remediation: { ...r.counts.remediation },
  });
  return { ...row(input.unit), year: input.year, children: input.children.map(row) };
}
