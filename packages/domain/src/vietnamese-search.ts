import { splitName } from './vietnamese-name';

/**
 * Searching Vietnamese names as people type them: with or without diacritics, composed (NFC) or
 * decomposed (NFD), any case — "nguyen van an", "NGUYỄN VĂN AN" and the NFD form of "Nguyễn Văn
 * An" all fold to "nguyen van an"; đ folds to d.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

// Letter-forming marks (ă â ê ô ơ ư) make letters of their own in the alphabet; tone marks order
// words that are otherwise equal: none, huyền, hỏi, ngã, sắc, nặng (as Intl.Collator('vi') does).
const LETTER_MARKS: Record<string, string> = { '\u0306': '1', '\u0302': '2', '\u031b': '3' };
const TONE_MARKS: Record<string, string> = { '\u0300': '1', '\u0309': '2', '\u0303': '3', '\u0301': '4', '\u0323': '5' };

function collationParts(word: string): { letters: string; tones: string } {
  let letters = '';
  let tones = '';
  for (const ch of word.normalize('NFC').toLowerCase()) {
    const [base = '', ...marks] = ch === 'đ' ? ['d', 'đ'] : [...ch.normalize('NFD')];
    const variant = ch === 'đ' ? '1' : (marks.map((m) => LETTER_MARKS[m]).find(Boolean) ?? '0');
    letters += /[a-z]/.test(base) ? base + variant : base;
    tones += marks.map((m) => TONE_MARKS[m]).find(Boolean) ?? '0';
  }
  return { letters, tones };
}

/**
 * A sort key whose plain (byte) order is the Vietnamese order of names — given name first, then
 * the rest; letters before tones — so that a stored index lists names as people expect to read
 * them, page after page. Ties are broken by whatever the caller appends (the member's id).
 */
export function vietnameseNameSortKey(fullName: string): string {
  const { given, rest } = splitName(fullName);
  const g = collationParts(given);
  const r = collationParts(rest);
  return `${g.letters}!${r.letters}!${g.tones}${r.tones}`;
}
