import { memberCheckReads } from '../evaluation/check-reads';
import { isMemberCheck } from '../rulebook/check-vocabulary';
import type { ResolvedRulebook } from '../rulebook/schema';
import type { ColumnDef } from './column';
import { resultsColumns, scoreColumns, taskColumns, type ResultsKey } from './results-columns';

/** What a results row records whatever the rules read: who, what people proposed and decided, notes. */
const recorded: ReadonlySet<ResultsKey> = new Set<ResultsKey>(['memberId', 'fullName', 'selfProposed', 'groupProposed', 'decided', 'votesFor', 'note', 'residenceComment', 'selfScore']);

export interface ResultsColumnSet {
  /** Headers an upload accepts; any other header is refused as unknown (HEADER_UNKNOWN). */
  readonly accepted: readonly ColumnDef<ResultsKey>[];
  /** Accepted columns whose cells are read; the others are accepted and ignored. */
  readonly read: readonly ColumnDef<ResultsKey>[];
  /** What the template prints, in order: the columns read. */
  readonly template: readonly ColumnDef<ResultsKey>[];
}

/**
 * The results columns under a rulebook (the results file of every year, and the 100-point columns), from what its enabled rules read:
 * - a 100-point column is accepted when a rule reads it (the task columns under r2023 and r2025, the two
 *   scores under r2025 only), and the member's own score wherever the scores are;
 * - under a scored regime, a earlier column no rule reads (absences and silences under r2025) is
 *   accepted and ignored, so one file can serve two years; earlier regimes read every earlier column,
 *   as their files always did.
 * Pure; an overlay that adds a rule (attendance under r2025, say) brings its columns back.
 *
 * @example resultsColumnsFor(resolveRulebook('r2025')).read.map((c) => c.header)
 */
export function resultsColumnsFor(rulebook: ResolvedRulebook): ResultsColumnSet {
  const reads = new Set<string>(
    rulebook.rules.flatMap((r) => (r.enabled && isMemberCheck(r.check) ? memberCheckReads[r.check] : [])),
  );
  const scored = reads.has('generalScore') || reads.has('taskScore');
  const extras = [...taskColumns, ...scoreColumns].filter((c) => reads.has(c.key) || (scored && recorded.has(c.key)));
  // 100-point columns sit after the task share, where a reader of the template looks for them.
  const at = resultsColumns.findIndex((c) => c.key === 'taskCompletionPercent') + 1;
  const accepted = [...resultsColumns.slice(0, at), ...extras, ...resultsColumns.slice(at)];
  const read = scored ? accepted.filter((c) => recorded.has(c.key) || reads.has(c.key)) : accepted;
  return { accepted, read, template: read };
}
