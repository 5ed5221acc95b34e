import { isRatedCollective } from '../evaluation/collective-scope';
import type { MemberFacts } from '../member-facts';
import type { Rating } from '../rating';
import { zeroCounts, type RollupCounts } from '../rollup/counts';
import type { ResolvedRulebook } from '../rulebook/schema';
import type { UnitKind } from '../unit-kind';
import type { ImportedCollective, ImportedRowMark } from './past-result';

export interface ImportedYearInput {
  rulebook: ResolvedRulebook;
  unit: { kind: UnitKind };
  /** The organisation's imported rating (`collective.decided`), and its imported own result if any. */
  collective: { decided: Rating | null };
  importedCollective: ImportedCollective | null;
  /** The imported rows of the unit's year (a cell's members of that year). */
  rows: ReadonlyMap<string, { facts: MemberFacts; imported?: ImportedRowMark | null | undefined }>;
}

/**
 * A unit's own roll-up contribution for a year whose results were imported: the members are the
 * rows of that year (not today's roster), each counted by its imported rating or reason; the
 * organisation by its imported rating. Nothing is re-evaluated: the imported record is final.
 * Imported dossiers count as approved (they were decided outside the system). Pure.
 */
export function importedContribution(input: ImportedYearInput): { counts: RollupCounts; collectiveFinal: Rating | null } {
  const counts = zeroCounts();
  for (const { facts, imported } of input.rows.values()) {
    counts.members.total++;
    if (facts.decided) {
      counts.members.rated++;
      counts.members[facts.decided]++;
    } else {
      counts.members[imported?.notRatedReason ?? 'pending']++;
    }
    if (facts.discipline) counts.members.disciplined++;
  }
  if (!isRatedCollective(input.rulebook, input.unit.kind)) return { counts, collectiveFinal: null };
  counts.units.total = 1;
  const decided = input.importedCollective ? input.collective.decided : null;
  if (decided) {
    counts.units.rated = 1;
    counts.units[decided] = 1;
  } else {
    counts.units.notRated = 1;
  }
  counts.workflow.approved = 1;
  return { counts, collectiveFinal: decided };
}
