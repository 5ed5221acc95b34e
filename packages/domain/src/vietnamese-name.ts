/**
 * Vietnamese name order: by given name (the last word), then the rest, each compared by
 * `Intl.Collator('vi')` — An, Anh, Ánh, Ăn, Ân, Bình, Dũng, Đức.
 */
let viCollator: Intl.Collator | undefined;
// Made on first use: building it loads ICU's Vietnamese data (about 20 ms), which a cold start
// that sorts nothing need not pay.
const collator = () => (viCollator ??= new Intl.Collator('vi'));

export function normaliseName(fullName: string): string {
  return fullName.normalize('NFC').trim().replace(/\s+/g, ' ');
}

export function splitName(fullName: string): { given: string; rest: string } {
  const words = normaliseName(fullName).split(' ');
  const given = words.pop() ?? '';
  return { given, rest: words.join(' ') };
}

export function compareVietnameseNames(a: string, b: string): number {
  const x = splitName(a);
  const y = splitName(b);
  return collator().compare(x.given, y.given) || collator().compare(x.rest, y.rest);
}

/**
 * `items` in Vietnamese name order (compareVietnameseNames), ties by `tie`: each name is split once,
 * not once per comparison (a unit's 2,000 members take about 22,000 comparisons).
 */
export function sortByVietnameseName<T>(items: readonly T[], name: (item: T) => string, tie: (a: T, b: T) => number = () => 0): T[] {
  const c = collator();
  return items
    .map((item) => ({ item, ...splitName(name(item)) }))
    .sort((x, y) => c.compare(x.given, y.given) || c.compare(x.rest, y.rest) || tie(x.item, y.item))
    .map((x) => x.item);
}

export function compareText(a: string, b: string): number {
  return collator().compare(a, b);
}
