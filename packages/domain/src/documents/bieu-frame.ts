import type { LocalDate } from '../local-date';
import type { UnitKind } from '../unit-kind';
import { PARTY_NAME, placeAndDate } from './party-header';

/**
 * What surrounds a report table (Biểu 1, 2, 4, 5) when it is printed as an official party
 * document (HD 36-HD/VPTW on the format of the party's documents): top left the committee above
 * and the issuing committee in capitals, a star and the number line; top right the party's name
 * and the place and date; below the table the signature block.
 */
export interface BieuFrame {
  /** Lines of the top left block; `bold` marks the issuing committee. */
  issuer: { text: string; bold?: boolean }[];
  /** "ĐẢNG CỘNG SẢN VIỆT NAM", printed bold and underlined. */
  party: string;
  placeAndDate: string;
  /** Left the person who drew up the table, right the committee that signs for the unit. */
  signatures: { title: string; role?: string; hint: string }[];
}

export interface BieuFrameInput {
  /** The committee directly above the unit (null at the top of the tree). */
  upperCommittee: string | null;
  unitName: string;
  kind: UnitKind;
  place: string;
  date: LocalDate;
}

/**
 * The body that signs "thay mặt" for a unit of each kind. This system's reading: a committee above
 * the base level signs through its standing committee, a base committee through its committee, a
 * cell through its cell committee (the sources name the signer per document, not per kind).
 */
const signingBody: Record<UnitKind, string> = {
  province: 'BAN THƯỜNG VỤ',
  bloc: 'BAN THƯỜNG VỤ',
  baseCommittee: 'ĐẢNG ỦY',
  subCommittee: 'ĐẢNG ỦY BỘ PHẬN',
  baseCell: 'CHI ỦY',
  cell: 'CHI ỦY',
  group: 'TỔ ĐẢNG',
};

/**
 * The number line of a report ("Số    -BC/ĐU"): the number is written by hand when the report
 * is registered; the issuer's abbreviation follows the usual short forms of committees' names
 * (Tỉnh ủy TU, Thành ủy ThU, Huyện ủy HU, Thị ủy TU, Đảng ủy ĐU, Chi bộ CB) — this system's reading.
 */
export function bieuNumberLine(unitName: string): string {
  const name = unitName.normalize('NFC');
  const code = /^Thành ủy/u.test(name)
    ? 'ThU'
    : /^(Tỉnh ủy|Thị ủy)/u.test(name)
      ? 'TU'
      : /^Huyện ủy/u.test(name)
        ? 'HU'
        : /^Chi bộ/u.test(name)
          ? 'CB'
          : 'ĐU';
  return `Số        -BC/${code}`;
}

export function bieuFrame(input: BieuFrameInput): BieuFrame {
  const upper = input.upperCommittee && input.upperCommittee !== input.unitName ? [{ text: input.upperCommittee.toLocaleUpperCase('vi') }] : [];
  return {
    issuer: [...upper, { text: input.unitName.toLocaleUpperCase('vi'), bold: true }, { text: '*' }, { text: bieuNumberLine(input.unitName) }],
    party: PARTY_NAME,
    placeAndDate: placeAndDate(input.place, input.date),
    signatures: [
      { title: 'NGƯỜI LẬP BIỂU', hint: '(Ký, ghi rõ họ tên)' },
      { title: `T/M ${signingBody[input.kind]}`, role: 'BÍ THƯ', hint: '(Ký tên, đóng dấu)' },
    ],
  };
}
