import iconv from 'iconv-lite';

/**
 * Bytes that VN3 defines: 7 capitals (Ă Â Ê Ô Ơ Ư Đ) and the 67 lower-case letters with marks.
 * iconv-lite's `tcvn` is the full TCVN 5712 (VN1), which also puts upper-case letters with tones
 * in 0x01–0x17, 0x80–0x9F and some gaps; VN3 leaves those alone (the .VnTimeH fonts draw the
 * lower-case codes as capitals), so only these bytes are read as letters.
 */
const VN3_RANGES: readonly [number, number][] = [
  [0xa1, 0xae],
  [0xb5, 0xb9],
  [0xbb, 0xbe],
  [0xc6, 0xcc],
  [0xce, 0xd8],
  [0xdc, 0xdf],
  [0xe1, 0xef],
  [0xf1, 0xfe],
];
const isVn3 = (b: number) => VN3_RANGES.some(([lo, hi]) => b >= lo && b <= hi);

/** Byte → text for a TCVN3 file: VN3 letters from iconv-lite's table, every other byte as Windows-1252. */
const TCVN3_CHARS: readonly string[] = Array.from({ length: 256 }, (_, b) => iconv.decode(Buffer.from([b]), isVn3(b) ? 'tcvn' : 'windows1252'));
const CP1252_CHARS: readonly string[] = Array.from({ length: 256 }, (_, b) => iconv.decode(Buffer.from([b]), 'windows1252'));

export function tcvn3FromBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += TCVN3_CHARS[b];
  return out;
}

export function cp1252FromBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += CP1252_CHARS[b];
  return out;
}

/**
 * VNI-Windows: a letter is its base followed by one mark byte (shown in Latin-1 as ù ø û õ ï for
 * the tones, â / ê for circumflex / breve, á à å ã ä for circumflex with a tone, é è ú ü ë for
 * breve with a tone), except for a few one-byte letters (ô ơ, ö ư, ñ đ, í ì æ ó ò for the i's,
 * î ỵ). Lower case here; upper case is the same with both bytes upper-cased.
 */
const VNI_LOWER: Record<string, string> = {
  aù: 'á', aø: 'à', aû: 'ả', aõ: 'ã', aï: 'ạ',
  aê: 'ă', aé: 'ắ', aè: 'ằ', aú: 'ẳ', aü: 'ẵ', aë: 'ặ',
  aâ: 'â', aá: 'ấ', aà: 'ầ', aå: 'ẩ', aã: 'ẫ', aä: 'ậ',
  eù: 'é', eø: 'è', eû: 'ẻ', eõ: 'ẽ', eï: 'ẹ',
  eâ: 'ê', eá: 'ế', eà: 'ề', eå: 'ể', eã: 'ễ', eä: 'ệ',
  í: 'í', ì: 'ì', æ: 'ỉ', ó: 'ĩ', ò: 'ị',
  où: 'ó', oø: 'ò', oû: 'ỏ', oõ: 'õ', oï: 'ọ',
  oâ: 'ô', oá: 'ố', oà: 'ồ', oå: 'ổ', oã: 'ỗ', oä: 'ộ',
  ô: 'ơ', ôù: 'ớ', ôø: 'ờ', ôû: 'ở', ôõ: 'ỡ', ôï: 'ợ',
  uù: 'ú', uø: 'ù', uû: 'ủ', uõ: 'ũ', uï: 'ụ',
  ö: 'ư', öù: 'ứ', öø: 'ừ', öû: 'ử', öõ: 'ữ', öï: 'ự',
  yù: 'ý', yø: 'ỳ', yû: 'ỷ', yõ: 'ỹ', î: 'ỵ',
  ñ: 'đ',
};

/** Every sequence, with its upper-case forms (an upper-case base with a lower-case mark too). */
const VNI: ReadonlyMap<string, string> = new Map(
  Object.entries(VNI_LOWER).flatMap(([seq, letter]) => {
    const forms: [string, string][] = [[seq, letter], [seq.toUpperCase(), letter.toUpperCase()]];
    if (seq.length === 2) forms.push([(seq[0] as string).toUpperCase() + seq[1], letter.toUpperCase()]);
    return forms;
  }),
);
/** Characters that may start a two-character VNI sequence. */
const VNI_BASES = new Set([...VNI.keys()].filter((k) => k.length === 2).map((k) => k[0] as string));

/** VNI text as Windows shows it (Windows-1252 characters) to Unicode. */
export function vniFromText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const pair = VNI_BASES.has(c) ? VNI.get(c + (text[i + 1] ?? '')) : undefined;
    if (pair) {
      out += pair;
      i += 1;
    } else {
      out += VNI.get(c) ?? c;
    }
  }
  return out;
}

/** Whether a VNI chunk ending in `c` may continue into the next chunk (hold `c` back). */
export function vniMayContinue(c: string): boolean {
  return VNI_BASES.has(c);
}

/**
 * The bytes behind text that came from a legacy file read as Windows-1252, Windows-1258 or
 * Latin-1 (each character back to its byte), or undefined when a character is in none of them:
 * then the text is real Unicode, not a misread legacy file.
 */
export function legacyBytes(text: string): Uint8Array | undefined {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const b = BYTE_OF.get(text[i] as string);
    if (b === undefined) return undefined;
    out[i] = b;
  }
  return out;
}

const BYTE_OF: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  for (const encoding of ['latin1', 'windows1258', 'windows1252']) {
    for (let b = 0; b < 256; b++) {
      const c = iconv.decode(Buffer.from([b]), encoding);
      if (c.length === 1 && c !== '\ufffd') map.set(c, b);
    }
  }
  return map;
})();
