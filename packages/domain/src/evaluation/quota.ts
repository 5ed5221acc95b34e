/**
 * R-QUOTA-01 arithmetic. The ratio is a whole percent so the cap is exact integer arithmetic:
 * 0.29 × 100 in floating point is 28.999…, which floor() would turn into 28.
 * "không vượt quá" reads as floor ([INF], docs/rulebooks.md, "Interpretations"); other roundings are for overlays.
 */
export type Rounding = 'floor' | 'round' | 'ceil';

export function quotaCap(good: number, ratioPercent: number, rounding: Rounding = 'floor'): number {
  const scaled = good * Math.round(ratioPercent * 1000); // percent with 3 decimals, as an integer
  const denominator = 100_000;
  const whole = Math.floor(scaled / denominator);
  const remainder = scaled - whole * denominator;
  if (rounding === 'floor' || remainder === 0) return whole;
  if (rounding === 'ceil') return whole + 1;
  return remainder * 2 >= denominator ? whole + 1 : whole;
}
