import type { Rating } from '../rating';

/** What one year's record says about a member or an organisation. */
export interface YearOutcome {
  /** The final rating; null when not rated that year. */
  rating: Rating | null;
  /** The year's result came from an import of earlier years' results. */
  imported: boolean;
}

/** Ratings by evaluation year; a year absent from the map has no record at all. */
export type RatingHistory = ReadonlyMap<number, YearOutcome>;

export interface Streak {
  holds: boolean;
  /** The years counted, most recent first. */
  years: number[];
  /** Years without a rating passed over (only when they do not break the chain). */
  passedOver: number[];
  /** Counted years that came from imported results. */
  importedYears: number[];
}

/**
 * Whether `level` was the rating in `endYear` and in the years before it, `length` years in all.
 * A year with no record, or rated otherwise, breaks the run; a year on record without a rating
 * breaks it too unless `notRatedBreaksChain` is false, in which case it is passed over (neither
 * counted nor breaking). The end year itself must carry the level. Pure.
 *
 * @example streakOf(history, 2021, 5, 'excellent', true) // { holds: true, years: [2021, 2020, 2019, 2018, 2017], … }
 */
export function streakOf(history: RatingHistory, endYear: number, length: number, level: Rating, notRatedBreaksChain: boolean): Streak {
  const years: number[] = [];
  const passedOver: number[] = [];
  const importedYears: number[] = [];
  const fail = (): Streak => ({ holds: false, years, passedOver, importedYears });
  if (history.get(endYear)?.rating !== level) return fail();
  // A run can pass over at most as many unrated years as a member can plausibly be exempt; the
  // bound only keeps the walk finite.
  for (let year = endYear; year > endYear - length - 20; year--) {
    const outcome = history.get(year);
    if (!outcome) return fail();
    if (outcome.rating === level) {
      years.push(year);
      if (outcome.imported) importedYears.push(year);
      if (years.length === length) return { holds: true, years, passedOver, importedYears };
    } else if (outcome.rating === null && !notRatedBreaksChain) {
      passedOver.push(year);
    } else {
      return fail();
    }
  }
  return fail();
}
