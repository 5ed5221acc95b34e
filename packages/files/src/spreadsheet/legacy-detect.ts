import iconv from 'iconv-lite';
import { cp1252FromBytes, legacyBytes, tcvn3FromBytes, vniFromText } from './legacy-encoding';
import type { LegacyEncoding } from './legacy-encoding-name';
import { isVietnameseSyllable } from './vietnamese-syllable';

/**
 * Characters no Vietnamese text contains, which a legacy file read as Windows-1252/1258 shows
 * in place of letters: TCVN3's ¨ © ª « ¬ ® µ ¶ · ¸ ¹ » ¼ ½ ¾ …, VNI's ø û ï ö ñ å ä ë ü æ î …,
 * and the Latin letters Vietnamese does not use. (° ± ² ³ are left out: neither encoding puts a
 * letter there, and "37°C" is ordinary text.)
 */
const GARBAGE = '\\u0080-\\u009f\\u00a1-\\u00ae\\u00b4-\\u00bf\\u00c4-\\u00c7\\u00cb\\u00ce-\\u00d1\\u00d6-\\u00d8\\u00db\\u00dc\\u00de\\u00df\\u00e4-\\u00e7\\u00eb\\u00ee-\\u00f1\\u00f6-\\u00f8\\u00fb\\u00fc\\u00fe\\u00ff\\u0152\\u0153\\u0160\\u0161\\u0178\\u017d\\u017e\\u0192\\u02c6\\u02dc';
/** A legacy letter inside a word, or a VNI base+mark pair that Vietnamese spelling never has. */
const SUSPECT = new RegExp(`\\p{L}[${GARBAGE}]|[${GARBAGE}]\\p{L}|[aeiouyAEIOUY][ùõÙÕ]|[aeAE][âÂêÊáàãÁÀÃ]|[oO][âÂ]`, 'u');
/** Letters of Latin scripts (Vietnamese included) and combining marks, without the slow \\p{…}. */
const LETTERS = 'A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0300-\\u036f\\u1e00-\\u1eff';
const BETWEEN_TOKENS = new RegExp(`[^${LETTERS}${GARBAGE}]+`);
const WORD = new RegExp(`[${LETTERS}]+`, 'g');
const HAS_GARBAGE = new RegExp(`[${GARBAGE}]`);
const HAS_LETTER = new RegExp(`[${LETTERS}]`);

/** A reading of some text: the words with non-ASCII letters, how many are Vietnamese syllables. */
interface Reading {
  encoding: LegacyEncoding | 'windows1258' | 'asIs';
  text: string;
  words: number;
  valid: number;
  bad: number;
}

function read(encoding: Reading['encoding'], raw: string): Reading {
  const text = raw.normalize('NFC');
  let words = 0;
  let valid = 0;
  for (const token of text.split(BETWEEN_TOKENS)) {
    // ASCII words are not at stake; a lone symbol (©, ×, «) is not a word.
    if (token === '' || /^[A-Za-z]+$/.test(token) || !HAS_LETTER.test(token)) continue;
    words += 1;
    if (!HAS_GARBAGE.test(token) && isVietnameseSyllable(token)) valid += 1;
  }
  return { encoding, text, words, valid, bad: words - valid };
}

const clean = (r: Reading) => r.words > 0 && r.bad === 0;

export type CellRepair =
  | { text: string; from?: LegacyEncoding }
  | { refuse: LegacyEncoding }
  /**
   * The text may be legacy without saying so ("Tè" is Unicode and TCVN3 "Tố"; "Huúnh" is TCVN3
   * "Huỳnh"), or reads as TCVN3 and VNI alike (`both`): its column decides (LegacyCells).
   */
  | { text: string; undecided: 'column' | 'both' };

/**
 * One cell's text: as it is, or converted from TCVN3 or VNI when it is a legacy text misread as
 * Windows-1252/1258 (an .xlsx cell in a .VnTime font, a CSV re-saved as UTF-8). Text holding
 * legacy letters ("NguyÔn", "Vaên") is converted when a reading turns every word into a
 * Vietnamese syllable, and refused when it is plainly legacy yet no reading comes out clean,
 * rather than stored garbled. Text with a stray symbol or a foreign name stays as it is; so does
 * real Unicode (any character no legacy file read as Windows-1252/1258 could give), cheaply.
 */
export function repairCellText(text: string): CellRepair {
  if (!/[^\u0000-\u007f]/.test(text)) return { text };
  const bytes = legacyBytes(text);
  if (!bytes) return { text };
  if (!SUSPECT.test(text)) return { text, undecided: 'column' };
  const readings = [read('TCVN3', tcvn3Capitals(tcvn3FromBytes(bytes)))];
  // VNI puts nothing in 0xA1–0xBF, where TCVN3 has most of its letters: no VNI reading then.
  if (!/[\u00a1-\u00bf]/.test(text)) readings.push(read('VNI', vniFromText(cp1252FromBytes(bytes))));
  const fits = readings.filter(clean).sort((a, b) => b.valid - a.valid);
  if (fits.length === 2 && fits[0]?.valid === fits[1]?.valid && fits[0]?.text !== fits[1]?.text) return { text, undecided: 'both' };
  const converted = fits[0];
  if (converted) return { text: converted.text, from: converted.encoding as LegacyEncoding };
  const likely = readings.filter((r) => r.valid > 0 && r.valid > r.bad).sort((a, b) => b.valid - b.bad - (a.valid - a.bad))[0];
  if (likely && likely.valid > read('asIs', text).valid) return { refuse: likely.encoding as LegacyEncoding };
  return { text };
}

/** Whether the text as it stands is all Vietnamese syllables (or has no word at stake). */
export function readsAsIs(text: string): boolean {
  return read('asIs', text).bad === 0;
}

/**
 * `raw` read as `encoding` when that reading is all Vietnamese syllables, else undefined: for a
 * cell whose text could be either Unicode or legacy ("Ghi chó" is TCVN3 for "Ghi chú", and also
 * a Vietnamese phrase), decided by its column.
 */
export function cleanReading(raw: string, encoding: LegacyEncoding): string | undefined {
  const bytes = legacyBytes(raw);
  if (!bytes) return undefined;
  const r = encoding === 'TCVN3' ? read('TCVN3', tcvn3Capitals(tcvn3FromBytes(bytes))) : read('VNI', vniFromText(cp1252FromBytes(bytes)));
  return clean(r) && r.text !== raw.normalize('NFC') ? r.text : undefined;
}

/** Whether a text is Unicode no legacy file read as Windows-1252/1258 could have produced. */
export function isRealUnicode(text: string): boolean {
  return /[^\u0000-\u007f]/.test(text) && legacyBytes(text) === undefined;
}

export type CsvEncoding = 'windows1258' | LegacyEncoding;
export type CsvEncodingChoice = { encoding: CsvEncoding } | { refuse: LegacyEncoding };

/**
 * The encoding of a CSV that is not UTF-8, from its first bytes: Windows-1258 (what Vietnamese
 * Windows writes), TCVN3 or VNI, whichever reads as Vietnamese. A legacy reading that wins but
 * leaves more than 1 word in 20 unreadable is refused rather than guessed at. The score is
 * valid words less three times the others, so that a reading must fit, not merely be long.
 */
export function chooseCsvEncoding(head: Uint8Array): CsvEncodingChoice {
  const readings = [
    read('windows1258', iconv.decode(Buffer.from(head.buffer, head.byteOffset, head.byteLength), 'windows1258')),
    read('TCVN3', tcvn3FromBytes(head)),
    read('VNI', vniFromText(cp1252FromBytes(head))),
  ];
  const score = (r: Reading) => r.valid - 3 * r.bad;
  const [best, second] = [...readings].sort((a, b) => score(b) - score(a)) as [Reading, Reading];
  if (best.encoding === 'windows1258' || best.valid === 0) return { encoding: 'windows1258' };
  const confident = best.bad <= Math.max(1, best.words / 20) && score(best) > score(second);
  if (confident) return { encoding: best.encoding as LegacyEncoding };
  // Refused only when it plausibly is Vietnamese in that encoding; noise stays Windows-1258.
  return best.valid >= 3 && best.valid >= best.bad ? { refuse: best.encoding as LegacyEncoding } : { encoding: 'windows1258' };
}

/**
 * VN3 has no upper-case letters with tones, so TCVN3 text writes them with the lower-case codes:
 * in a .VnTimeH font (the ABC capitals) a whole text, or just the initial of a name ("ThÞ ¸nh"
 * for "Thị Ánh"). Three readings put them back (an interpretation: the font that told them
 * apart is gone):
 * - a word with two capitals, no lower-case ASCII letter and a lower-case Vietnamese one
 *   ("NGUYễN", "ĐàO") can only be .VnTimeH, and neither can a text without lower-case ASCII
 *   letters holding a word all in capitals ("XE Bè Bé"): the whole text goes to capitals;
 * - in a text of two or more words that all start with a capital but for some starting with a
 *   lower-case Vietnamese letter ("Nguyễn Thị ánh"), those initials are capitals too.
 * "Hà", "Kỷ Mỹ" (the same bytes as "KỶ MỸ") and "ở Hà Nội" stay as they are.
 */
export function tcvn3Capitals(text: string): string {
  if (!/[\u00df-\u00ff\u0103\u0111\u0129\u0169\u01a1\u01b0\u1ea1-\u1ef9]/.test(text)) return text;
  const words = [...text.matchAll(WORD)].map((m) => ({ word: m[0], at: m.index ?? 0 }));
  let lowerVietnamese = false;
  let allCapitalsWord = false;
  for (const { word } of words) {
    let capitals = 0;
    let lowerAscii = false;
    let lowerOther = false;
    for (const c of word) {
      if (c >= 'a' && c <= 'z') lowerAscii = true;
      else if (c !== c.toLowerCase()) capitals += 1;
      else if (c !== c.toUpperCase()) lowerOther = true;
    }
    if (!lowerAscii && capitals >= 2 && lowerOther) return text.toUpperCase();
    lowerVietnamese ||= lowerOther;
    allCapitalsWord ||= capitals >= 2 && !lowerAscii && !lowerOther;
  }
  if (lowerVietnamese && allCapitalsWord && !/[a-z]/.test(text)) return text.toUpperCase();
  const startsLower = (w: string) => w[0] !== undefined && w[0] > '\u007f' && w[0] !== w[0].toUpperCase();
  const startsUpper = (w: string) => w[0] !== undefined && w[0] !== w[0].toLowerCase();
  const lowered = words.filter(({ word }) => startsLower(word));
  if (words.length < 2 || lowered.length === 0 || lowered.length === words.length || !words.every(({ word }) => startsLower(word) || startsUpper(word))) return text;
  let out = text;
  for (const { word, at } of lowered) out = out.slice(0, at) + (word[0] as string).toUpperCase() + out.slice(at + 1);
  return out;
}
