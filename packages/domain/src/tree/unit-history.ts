import { z } from 'zod';
import { LocalDate } from '../local-date';

/**
 * One period of a unit's life in the tree: from `from` (inclusive) until the next period's `from`,
 * the unit sat under `parentId` with `name`. The first period starts when the unit began
 * (`from` null: before any recorded date). Paths are not kept per period: the path on a day is the
 * chain of parents on that day (`pathOn`), so moving a bloc dates one event, on the bloc.
 */
export const UnitSpan = z.object({
  from: LocalDate.nullable(),
  parentId: z.string().nullable(),
  name: z.string().min(1),
});
export type UnitSpan = z.infer<typeof UnitSpan>;

/** A unit in another province, named by a province merge (`lineage`). */
export const UnitRef = z.object({ tenant: z.string().min(1), unitId: z.string().min(1) });
export type UnitRef = z.infer<typeof UnitRef>;

/** What the history needs of a unit: its current state and its recorded periods, if any. */
export interface DatedUnit {
  id: string;
  name: string;
  parentId: string | null;
  foundedOn: LocalDate | null;
  closedOn: LocalDate | null;
  spans?: readonly UnitSpan[] | undefined;
}

/**
 * The unit's periods, oldest first. A unit recorded before dates were kept has one period, from
 * its founding, in its current place: that is where it always was as far as the table knows.
 */
export function spansOf(unit: DatedUnit): readonly UnitSpan[] {
  if (unit.spans && unit.spans.length > 0) return unit.spans;
  return [{ from: unit.foundedOn, parentId: unit.parentId, name: unit.name }];
}

/**
 * A unit exists from the day it began (`foundedOn`) up to the day before it ended: `closedOn` is
 * the date of the event that ended it (a close, a merge into a successor, a split), the day its
 * successors begin.
 */
export function existsOn(unit: Pick<DatedUnit, 'foundedOn' | 'closedOn'>, day: LocalDate): boolean {
  return (unit.foundedOn === null || unit.foundedOn <= day) && (unit.closedOn === null || day < unit.closedOn);
}

/** The period holding `day`; before the first recorded period, the first one (the unit's earliest place). */
export function spanOn(unit: DatedUnit, day: LocalDate): UnitSpan {
  const spans = spansOf(unit);
  let found = spans[0]!;
  for (const span of spans) if (span.from === null || span.from <= day) found = span;
  return found;
}

/** The date of the unit's latest recorded event (founding, a period's start, its end); null if none is dated. */
export function lastEventOn(unit: DatedUnit): LocalDate | null {
  const dates = [unit.foundedOn, unit.closedOn, ...spansOf(unit).map((s) => s.from)].filter((d): d is LocalDate => d !== null);
  return dates.sort().at(-1) ?? null;
}

/** The periods after a change dated `on`: the period starting that day replaced, later ones impossible (events are in date order). */
export function withSpan(unit: DatedUnit, on: LocalDate, change: Partial<Pick<UnitSpan, 'parentId' | 'name'>>): UnitSpan[] {
  const spans = spansOf(unit).filter((s) => s.from === null || s.from < on);
  const current = spans.at(-1) ?? { from: unit.foundedOn, parentId: unit.parentId, name: unit.name };
  return [...spans, { from: on, parentId: change.parentId === undefined ? current.parentId : change.parentId, name: change.name ?? current.name }];
}
