import type { Milestone, MilestoneEvent } from '../campaign';
import { deadlineText, isOnTime, milestoneWindow } from '../deadline';
import type { UnitKind } from '../unit-kind';

/** When each event was recorded for one unit (ISO instants); absent: not yet. */
export type UnitEvents = Partial<Record<MilestoneEvent, string>>;

export interface MilestoneStatus {
  readonly milestone: Milestone;
  readonly deadline: string;
  /** The unit is one of the milestone's actors. */
  readonly applies: boolean;
  readonly completedAt: string | null;
  /** Null while not completed. */
  readonly onTime: boolean | null;
  /** Not completed and the deadline has passed at `now`. */
  readonly overdue: boolean;
}

/** Where a unit stands on each milestone of the campaign at `now` (glossary: completion = when the event was recorded). */
export function milestoneStatuses(milestones: readonly Milestone[], kind: UnitKind | null, events: UnitEvents, now: Date): MilestoneStatus[] {
  return milestones.map((milestone) => {
    const applies = kind !== null && milestone.actorKinds.includes(kind);
    const completedAt = applies ? (events[milestone.event] ?? null) : null;
    return {
      milestone,
      deadline: deadlineText(milestone),
      applies,
      completedAt,
      onTime: completedAt === null ? null : isOnTime(milestone, new Date(completedAt)),
      overdue: applies && completedAt === null && now.getTime() >= milestoneWindow(milestone).due.getTime(),
    };
  });
}

/**
 * When the milestone "dossier submitted" was met: the first submission. A return for correction
 * does not undo it, and a resubmission does not make the unit late. (Dossiers written before
 * `firstSubmittedAt` existed fall back to their `submittedAt` unless still in draft.)
 */
export function firstSubmissionAt(d: { state: string; submittedAt: string | null; firstSubmittedAt?: string | null }): string | null {
  return d.firstSubmittedAt ?? (d.state === 'draft' ? null : d.submittedAt);
}

/**
 * A cell's events from its dossier and its recorded items. The cell's results are decided when the
 * cell meeting is recorded (POST …/cell-meeting); a dossier submitted without that record carries
 * the decisions, so its first submission stands in.
 */
export function cellEvents(input: {
  recorded: UnitEvents;
  state: 'draft' | 'submitted' | 'returned' | 'approved';
  submittedAt: string | null;
  firstSubmittedAt: string | null;
}): UnitEvents {
  const submitted = firstSubmissionAt(input);
  const decided = input.recorded.cellResultsDecided ?? submitted ?? undefined;
  return {
    ...input.recorded,
    ...(decided ? { cellResultsDecided: decided } : {}),
    ...(submitted ? { dossierSubmitted: submitted } : {}),
  };
}

/** The upper level's appraisal is done when every dossier it appraises is approved: at the last approval. */
export function appraisalDoneAt(dossiers: readonly { state: string; appraisedAt: string | null }[]): string | null {
  if (dossiers.length === 0 || dossiers.some((d) => d.state !== 'approved' || d.appraisedAt === null)) return null;
  return dossiers.map((d) => d.appraisedAt as string).sort().at(-1) ?? null;
}
