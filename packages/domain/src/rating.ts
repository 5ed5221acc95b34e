import { z } from 'zod';

/** Quality levels, best first (glossary: excellent > good > complete > incomplete). */
export const ratings = ['excellent', 'good', 'complete', 'incomplete'] as const;
export const Rating = z.enum(ratings);
export type Rating = z.infer<typeof Rating>;

/** Full Vietnamese names, as printed on forms and pages. */
export const ratingLabels: Record<Rating, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  complete: 'Hoàn thành nhiệm vụ',
  incomplete: 'Không hoàn thành nhiệm vụ',
};

/** Short forms used in tables (HTXSNV …). */
export const ratingAbbreviations: Record<Rating, readonly string[]> = {
  excellent: ['HTXSNV', 'HTXS'],
  good: ['HTTNV', 'HTT'],
  complete: ['HTNV'],
  incomplete: ['KHTNV'],
};

const rank: Record<Rating, number> = { excellent: 4, good: 3, complete: 2, incomplete: 1 };

/** Positive when a is better than b. */
export function compareRatings(a: Rating, b: Rating): number {
  return rank[a] - rank[b];
}

export function lowerOf(a: Rating, b: Rating): Rating {
  return compareRatings(a, b) <= 0 ? a : b;
}

export function isAbove(a: Rating, b: Rating): boolean {
  return compareRatings(a, b) > 0;
}

function fold(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}

const byText = new Map<string, Rating>();
for (const r of ratings) {
  byText.set(fold(ratingLabels[r]), r);
  for (const a of ratingAbbreviations[r]) byText.set(fold(a), r);
}

/** Reads a rating from its Vietnamese name or abbreviation (docs/spreadsheets.md); undefined if unknown. */
export function parseRating(text: string): Rating | undefined {
  return byText.get(fold(text));
}
