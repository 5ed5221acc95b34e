/**
 * Whether a word is a well-formed Vietnamese syllable: an initial consonant, a vowel nucleus
 * (with its glides), a final, and at most one tone mark, with a stop final (c, ch, k, p, t)
 * only under the sắc or nặng tone. Used to tell which reading of legacy-encoded text is right:
 * the true one yields syllables, a wrong one yields letter soup.
 */
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/g;
const STOP_TONES = new Set(['\u0301', '\u0323']);

const INITIAL = 'ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx]';
/** Nuclei that may close with a consonant. */
const CLOSABLE = 'uyê|iê|yê|oa|oă|oe|oo|uâ|uê|uô|ươ|uy|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y';
/** Nuclei ending in a glide (i, y, o, u, a), which take no final. */
const OPEN = 'oai|oay|oeo|uây|uôi|ươi|ươu|iêu|yêu|uyu|uya|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|uơ|ưa|ưi|ưu';
const SYLLABLE = new RegExp(`^(?:${INITIAL})?(?:(?:${CLOSABLE})(ch|nh|ng|c|k|m|n|p|t)?|(?:${OPEN}))$`);

/** Names repeat their syllables (Nguyễn, Văn, Thị …): a bounded memo saves re-parsing them. */
const seen = new Map<string, boolean>();

export function isVietnameseSyllable(word: string): boolean {
  let known = seen.get(word);
  if (known === undefined) {
    if (seen.size >= 20_000) seen.clear();
    known = parse(word);
    seen.set(word, known);
  }
  return known;
}

function parse(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE) ?? [];
  if (tones.length > 1) return false;
  const base = decomposed.replace(TONE, '').normalize('NFC');
  const match = SYLLABLE.exec(base);
  if (!match) return false;
  const final = match[1];
  if (final && /^(c|ch|k|p|t)$/.test(final) && tones.length === 1 && !STOP_TONES.has(tones[0] as string)) return false;
  return true;
}
