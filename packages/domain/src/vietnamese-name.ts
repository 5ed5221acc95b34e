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

export function compareText(a: string, b: string): number {
  return collator().compare(a, b);
}
