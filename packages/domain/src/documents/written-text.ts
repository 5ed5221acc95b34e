import { paragraph, text, type Block } from './model';

/** Someone's text, one justified paragraph per line; blank lines dropped; no text leaves `fill` dotted lines to write by hand. */
export function writtenText(value: string | null | undefined, fill: number): Block[] {
  const lines = (value ?? '')
    .normalize('NFC')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length === 0) return [{ kind: 'fillLines', count: fill }];
  return lines.map((l) => paragraph([text(l)], { align: 'justify', indent: true }));
}

/** The lines of a text for a signature block's body. */
export function textLines(value: string | null | undefined): string[] {
  return (value ?? '')
    .normalize('NFC')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** "Trà Vinh, ngày …… tháng …… năm 2020": a date left for the writer to fill. */
export function blankPlaceAndDate(place: string, year: number): string {
  return `${place}, ngày …… tháng …… năm ${year}`;
}
