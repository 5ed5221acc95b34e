import { z } from 'zod';
import { parts, type LocalDate } from '../local-date';
import { text, type Block } from './model';

export const PARTY_NAME = 'ĐẢNG CỘNG SẢN VIỆT NAM';

const upperText = z
  .string()
  .transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1).max(200));

/** Who issues the document: the committee above and the unit itself, printed in capitals. */
export const PartyHeaderInput = z.object({
  upperCommittee: upperText,
  unitName: upperText,
});
export type PartyHeaderInput = z.infer<typeof PartyHeaderInput>;

/** "Trà Vinh, ngày 05 tháng 01 năm 2022": day and month with two digits, as party documents print them. */
export function placeAndDate(place: string, date: LocalDate): string {
  const { year, month, day } = parts(date);
  return `${place}, ngày ${String(day).padStart(2, '0')} tháng ${String(month).padStart(2, '0')} năm ${year}`;
}

/**
 * The usual two-column header: left the upper committee, the unit in bold and a star; right the
 * party's name, underlined, and the place and date in italics.
 */
export function partyHeaderBlock(header: PartyHeaderInput, place: string, date: LocalDate): Block {
  return {
    kind: 'partyHeader',
    left: [text(header.upperCommittee.toLocaleUpperCase('vi')), text(header.unitName.toLocaleUpperCase('vi'), { bold: true }), text('*')],
    right: [text(PARTY_NAME, { bold: true, underline: true }), text(''), text(placeAndDate(place, date), { italic: true })],
  };
}
