import iconv from 'iconv-lite';

/**
 * TCVN3 (VN3) as published in TCVN 5712:1993: the 7 capitals and 67 lower-case letters with
 * marks, by byte. Written out here by hand so that the reader (which takes iconv-lite's table)
 * is checked against an independent copy.
 */
export const VN3: Readonly<Record<number, string>> = {
  0xa1: 'Ă', 0xa2: 'Â', 0xa3: 'Ê', 0xa4: 'Ô', 0xa5: 'Ơ', 0xa6: 'Ư', 0xa7: 'Đ',
  0xa8: 'ă', 0xa9: 'â', 0xaa: 'ê', 0xab: 'ô', 0xac: 'ơ', 0xad: 'ư', 0xae: 'đ',
  0xb5: 'à', 0xb6: 'ả', 0xb7: 'ã', 0xb8: 'á', 0xb9: 'ạ',
  0xbb: 'ằ', 0xbc: 'ẳ', 0xbd: 'ẵ', 0xbe: 'ắ', 0xc6: 'ặ',
  0xc7: 'ầ', 0xc8: 'ẩ', 0xc9: 'ẫ', 0xca: 'ấ', 0xcb: 'ậ',
  0xcc: 'è', 0xce: 'ẻ', 0xcf: 'ẽ', 0xd0: 'é', 0xd1: 'ẹ',
  0xd2: 'ề', 0xd3: 'ể', 0xd4: 'ễ', 0xd5: 'ế', 0xd6: 'ệ',
  0xd7: 'ì', 0xd8: 'ỉ', 0xdc: 'ĩ', 0xdd: 'í', 0xde: 'ị',
  0xdf: 'ò', 0xe1: 'ỏ', 0xe2: 'õ', 0xe3: 'ó', 0xe4: 'ọ',
  0xe5: 'ồ', 0xe6: 'ổ', 0xe7: 'ỗ', 0xe8: 'ố', 0xe9: 'ộ',
  0xea: 'ờ', 0xeb: 'ở', 0xec: 'ỡ', 0xed: 'ớ', 0xee: 'ợ',
  0xef: 'ù', 0xf1: 'ủ', 0xf2: 'ũ', 0xf3: 'ú', 0xf4: 'ụ',
  0xf5: 'ừ', 0xf6: 'ử', 0xf7: 'ữ', 0xf8: 'ứ', 0xf9: 'ự',
  0xfa: 'ỳ', 0xfb: 'ỷ', 0xfc: 'ỹ', 0xfd: 'ý', 0xfe: 'ỵ',
};
const VN3_BYTE = new Map(Object.entries(VN3).map(([b, c]) => [c, Number(b)]));

/** Unicode to TCVN3 bytes as an ABC keyboard writes them: capitals with tones use the lower-case codes. */
export function toTcvn3(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const b = VN3_BYTE.get(ch) ?? VN3_BYTE.get(ch.toLowerCase()) ?? (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : undefined);
    if (b === undefined) throw new Error(`not in TCVN3: ${ch}`);
    out.push(b);
  }
  return Buffer.from(out);
}

const TONES: Record<string, number> = { '\u0301': 0, '\u0300': 1, '\u0309': 2, '\u0303': 3, '\u0323': 4 };
/**
 * Unicode to VNI-Windows text (the Windows-1252 characters its bytes show as), composed from
 * VNI's rules rather than from a table: base letter, then one mark byte (tone; circumflex or
 * breve, alone or with a tone), ô/ö for ơ/ư, ñ for đ, one byte for i with a tone and for ỵ.
 */
export function toVniText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const upper = ch !== ch.toLowerCase();
    const [base = '', ...marks] = [...ch.toLowerCase().normalize('NFD')];
    const toneMark = marks.find((m) => m in TONES);
    const tone = toneMark === undefined ? -1 : (TONES[toneMark] as number);
    const modifier = marks.find((m) => !(m in TONES));
    let v: string;
    if (base === 'đ') v = 'ñ';
    else if (base === 'i' && tone >= 0) v = 'íìæóò'[tone] as string;
    else if (base === 'y' && tone === 4) v = 'î';
    else if (modifier === '\u0302') v = base + 'âáàåãä'[tone + 1];
    else if (modifier === '\u0306') v = base + 'êéèúüë'[tone + 1];
    else if (modifier === '\u031b') v = (base === 'o' ? 'ô' : 'ö') + (tone >= 0 ? 'ùøûõï'[tone] : '');
    else if (marks.length === 0 || tone >= 0) v = base + (tone >= 0 ? 'ùøûõï'[tone] : '');
    else throw new Error(`not in VNI: ${ch}`);
    out += upper ? v.toUpperCase() : v;
  }
  return out;
}

export const toVni = (text: string) => iconv.encode(toVniText(text), 'windows1252');

/**
 * Syllables that between them hold every vowel (a ă â e ê i o ô ơ u ư y) under every tone, and
 * đ; grouped three by three into names.
 */
const SYLLABLES = (
  'an hoàng ánh hải mã phạm văn hằng thắng thẳng mẵn đặng ân trần tuấn cẩm lẫm thận xe bè bé trẻ vẽ mẹ ' +
  'lê điền tiến thể nguyễn việt minh bình chí chỉ sĩ thị hoa hòa nhó thỏ võ ngọc ngô hồ quốc tổng đỗ lộc ' +
  'sơn thời lớn nở vỡ lợi thu tùng phú thủy vũ lụa như từ đức sử hữu lực duy huỳnh lý kỷ mỹ đào kỵ đinh thành'
).split(' ');
const title = (s: string) => (s[0] as string).toUpperCase() + s.slice(1);
export const NAMES: readonly string[] = Array.from({ length: Math.ceil(SYLLABLES.length / 3) }, (_, i) =>
  SYLLABLES.slice(i * 3, i * 3 + 3).map(title).join(' '),
);
