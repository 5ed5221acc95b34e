import type { Rating } from '../rating';

/** How a column's cells are read and written (docs/spreadsheets.md, "Values"). */
export type ColumnType = 'text' | 'date' | 'int' | 'number' | 'bool' | 'rating' | 'enum';

export interface EnumOption {
  value: string;
  /** The Vietnamese text offered in the template's drop-down list. */
  label: string;
}

interface ColumnBase<K extends string> {
  key: K;
  /** The header exactly as the contract writes it; templates print it, uploads match it. */
  header: string;
  /** Other spellings accepted in uploads (Vietnamese i/y variants: kỳ/kì, tỷ/tỉ). */
  aliases?: readonly string[];
  required: boolean;
  /** One line for the instructions sheet. */
  help: string;
  width?: number;
}

export type ColumnDef<K extends string = string> = ColumnBase<K> &
  (
    | { type: 'text'; maxLength: number }
    | { type: 'date' }
    | { type: 'int'; min: number; max?: number }
    | { type: 'number'; min: number; max: number }
    | { type: 'bool' }
    | { type: 'rating' }
    | { type: 'enum'; options: readonly EnumOption[]; parse: (text: string) => string | undefined }
  );

/** A parsed cell: text, a `YYYY-MM-DD` date, a number, a boolean, a rating or enum code; null when empty. */
export type ParsedValue = string | number | boolean | Rating | null;

/** Matches headers and aliases: trimmed, NFC, spaces collapsed, case-folded (docs/spreadsheets.md). */
export function foldHeader(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}
