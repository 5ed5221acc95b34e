/**
 * Points come with decimals (2,5; 27,9): sums go through thousandths so that 0.1 + 0.2 adds up
 * to 0.3 and a group of 30 checks equal to 30.
 */
export function sumPoints(values: readonly number[]): number {
  return values.reduce((s, v) => s + Math.round(v * 1000), 0) / 1000;
}

/** 27.5 → "27,5". */
export function scoreText(n: number): string {
  return String(Math.round(n * 1000) / 1000).replace('.', ',');
}
