import { DomainError } from '../errors/index';
import { type ColumnDef, foldHeader } from './column';

/**
 * Which cell index holds each known column. Headers are matched after trimming, NFC and case
 * folding, in any order (docs/spreadsheets.md); blank header cells are ignored. Unknown, repeated or
 * missing required headers are file errors (400) listing the columns in `details.columns`.
 *
 * @example matchHeaders(['mã đảng viên', 'Họ và tên'], resultsColumns) // Map { memberId → 0, fullName → 1 }
 */
export function matchHeaders<K extends string>(headers: readonly string[], columns: readonly ColumnDef<K>[]): Map<K, number> {
  const byFolded = new Map<string, ColumnDef<K>>();
  for (const c of columns) for (const h of [c.header, ...(c.aliases ?? [])]) byFolded.set(foldHeader(h), c);

  const found = new Map<K, number>();
  const unknown: string[] = [];
  const repeated: string[] = [];
  headers.forEach((raw, index) => {
    const folded = foldHeader(raw);
    if (folded === '') return;
    const column = byFolded.get(folded);
    if (!column) unknown.push(raw.normalize('NFC').trim());
    else if (found.has(column.key)) repeated.push(column.header);
    else found.set(column.key, index);
  });

  if (unknown.length > 0) {
    throw new DomainError('HEADER_UNKNOWN', `Tệp có cột không được hỗ trợ: ${unknown.map(quote).join(', ')}. Hãy dùng đúng tên cột như trong tệp mẫu.`, { columns: unknown });
  }
  if (repeated.length > 0) {
    throw new DomainError('HEADER_DUPLICATE', `Tệp có cột bị lặp lại: ${repeated.map(quote).join(', ')}.`, { columns: repeated });
  }
  const missing = columns.filter((c) => c.required && !found.has(c.key)).map((c) => c.header);
  if (missing.length > 0) {
    throw new DomainError('HEADER_MISSING', `Tệp thiếu cột bắt buộc: ${missing.map(quote).join(', ')}.`, { columns: missing });
  }
  return found;
}

const quote = (s: string) => `"${s}"`;
