import { DomainError } from '@kd/domain';
import { type LegacyEncoding, legacyEncodingName } from './legacy-encoding-name';
import { MAX_CELL_CHARS, MAX_DATA_ROWS, MAX_FILE_BYTES, MAX_ROW_XML_CHARS, MAX_TEXT_CHARS } from './limits';

/** Where in the sheet a refusal points: row as Excel numbers it, column header, cell address. */
export interface CellPlace {
  row?: number;
  column?: string;
  cell?: string;
  sharedString?: number;
}

const vn = (n: number) => n.toLocaleString('vi-VN');

function placeText(p: CellPlace): string {
  const parts = [p.cell ? `ô ${p.cell}` : undefined, p.column ? `cột "${p.column}"` : undefined, p.row !== undefined && !p.cell ? `dòng ${p.row}` : undefined].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** File-level refusals (docs/uploads.md, "Hostile files"): the whole upload is rejected, nothing is validated. */
export const fileErrors = {
  tooLarge: (details?: Record<string, unknown>) =>
    new DomainError('FILE_TOO_LARGE', `Tệp quá lớn: tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB.`, { limitBytes: MAX_FILE_BYTES, ...details }),
  inflatesTooLarge: (details?: Record<string, unknown>) =>
    new DomainError('FILE_TOO_LARGE', 'Tệp quá lớn khi giải nén; hãy kiểm tra lại tệp Excel.', { reason: 'inflated', ...details }),
  tooManyRows: () =>
    new DomainError('TOO_MANY_ROWS', `Tệp có quá nhiều dòng: tối đa ${MAX_DATA_ROWS.toLocaleString('vi-VN')} dòng dữ liệu.`, { limitRows: MAX_DATA_ROWS }),
  unreadable: (reason: string, cause?: unknown) =>
    new DomainError('FILE_UNREADABLE', `Không đọc được tệp: ${reason}`, undefined, { cause }),
  encoding: () =>
    new DomainError('FILE_ENCODING', 'Tệp CSV không đúng mã UTF-8; hãy lưu lại bằng "CSV UTF-8 (Comma delimited)" hoặc dùng tệp .xlsx.'),
  empty: () => new DomainError('FILE_EMPTY', 'Tệp trống, không có dữ liệu.'),
  noRows: () => new DomainError('NO_ROWS', 'Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào.'),
  cellTooLong: (place: CellPlace, length?: number) =>
    new DomainError('CELL_TOO_LONG',
      `Một ô${placeText(place)} dài hơn ${vn(MAX_CELL_CHARS)} ký tự, giới hạn của một ô Excel; hãy rút gọn nội dung ô đó.`,
      { ...place, limitChars: MAX_CELL_CHARS, ...(length === undefined ? {} : { length }) },
    ),
  rowTooLarge: (row: number | undefined) =>
    new DomainError('ROW_TOO_LARGE',
      `Dòng${row === undefined ? '' : ` ${row}`} chứa quá nhiều dữ liệu (quá ${vn(MAX_ROW_XML_CHARS)} ký tự trong tệp); hãy kiểm tra lại tệp Excel.`,
      { ...(row === undefined ? {} : { row }), limitChars: MAX_ROW_XML_CHARS },
    ),
  tooMuchText: (part: 'sharedStrings' | 'sheet', details?: Record<string, unknown>) =>
    new DomainError('TOO_MUCH_TEXT', `Tệp chứa quá nhiều chữ (quá ${vn(MAX_TEXT_CHARS)} ký tự); một danh sách đảng viên không cần nhiều như vậy, hãy kiểm tra lại tệp.`, {
      part,
      limitChars: MAX_TEXT_CHARS,
      ...details,
    }),
  /** `alternative`: a second encoding that reads the text just as well. */
  legacyEncoding: (encoding: LegacyEncoding, place?: CellPlace, alternative?: LegacyEncoding) =>
    new DomainError('LEGACY_ENCODING',
      `Chữ trong tệp${place ? placeText(place) : ''} được gõ bằng bảng mã cũ ${legacyEncodingName[encoding]}${alternative ? ` hoặc ${legacyEncodingName[alternative]}` : ''} và không chuyển được chắc chắn sang Unicode. Hãy chuyển tệp sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey: bảng mã nguồn ${encoding}${alternative ? ` hoặc ${alternative}` : ''}, bảng mã đích Unicode) rồi tải lên lại.`,
      { encoding, ...(alternative ? { alternative } : {}), ...place },
    ),
  onlyHiddenSheets: (sheet: string, veryHidden: boolean) =>
    new DomainError('ONLY_HIDDEN_SHEETS',
      veryHidden
        ? `Trang tính đang hiển thị không có dữ liệu; dữ liệu nằm ở trang tính bị ẩn sâu "${sheet}" (Excel không cho bỏ ẩn loại này bằng chuột). Hãy chép dữ liệu sang trang tính đầu tiên đang hiển thị rồi tải lên lại.`
        : `Trang tính đang hiển thị không có dữ liệu; dữ liệu nằm ở trang tính ẩn "${sheet}". Hãy bỏ ẩn trang tính đó (chuột phải vào tên trang tính, chọn "Bỏ ẩn") và đưa nó lên làm trang tính đầu tiên, rồi tải lên lại.`,
      { sheet, state: veryHidden ? 'veryHidden' : 'hidden' },
    ),
  unsupportedType: (contentType: string | undefined) =>
    new DomainError('UNSUPPORTED_TYPE', 'Chỉ nhận tệp .xlsx hoặc .csv.', { contentType: contentType ?? null }),
};

/** Anything thrown while reading that is not already ours becomes FILE_UNREADABLE. */
export function asFileError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  return fileErrors.unreadable('tệp bị hỏng hoặc không phải bảng tính.', error);
}
