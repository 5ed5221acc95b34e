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

/** Two split names in Vietnamese order: the given names, then the rest. */
function compareSplitNames(x: { given: string; rest: string }, y: { given: string; rest: string }): number {
  return collator().compare(x.given, y.given) || collator().compare(x.rest, y.rest);
}

export function compareVietnameseNames(a: string, b: string): number {
  return compareSplitNames(splitName(a), splitName(b));
}

/**
 * `items` in Vietnamese name order (compareVietnameseNames), ties by `tie`: each name is split once,
 * not once per comparison (a unit's 2,000 members take about 22,000 comparisons).
 */
export function sortByVietnameseName<T>(items: readonly T[], name: (item: T) => string, tie: (a: T, b: T) => number = () => 0): T[] {
  return items
    .map((item) => ({ item, ...splitName(name(item)) }))
    .sort((x, y) => compareSplitNames(x, y) || tie(x.item, y.item))
    .map((x) => x.item);
}

export function compareText(a: string, b: string): number {
  return collator().compare(a, b);
}
