/** Vietnamese number formatting for pages and documents: 1.234 and 91,2 %. */
export function formatCount(n: number): string {
  return n.toLocaleString('vi-VN');
}

/** `part` as a percentage of `whole` with one decimal (91,2 %); an empty denominator gives "—". */
export function formatPercent(part: number, whole: number): string {
  if (whole === 0) return '—';
  const tenths = Math.round((part * 1000) / whole);
  return `${Math.floor(tenths / 10)},${tenths % 10} %`;
}

/** The share as a fraction (for spreadsheet cells formatted as percentages); null without a denominator. */
export function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
