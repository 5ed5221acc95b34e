import { XLSX_CONTENT_TYPE } from '@kd/domain';
import { fileErrors } from './file-errors';

export { XLSX_CONTENT_TYPE };

/**
 * Media types accepted for an upload. Browsers label a .csv `application/vnd.ms-excel` on
 * Windows and some clients send `application/octet-stream`, so the bytes decide the format.
 */
const accepted = new Set([XLSX_CONTENT_TYPE, 'text/csv', 'application/csv', 'text/x-csv', 'text/plain', 'application/vnd.ms-excel', 'application/octet-stream']);

/** The bare media type, or UNSUPPORTED_TYPE (415). */
export function checkContentType(contentType: string | undefined): string {
  const media = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!accepted.has(media)) throw fileErrors.unsupportedType(contentType);
  return media;
}

export type SpreadsheetFormat = 'xlsx' | 'csv';

/** Decides the format from the first bytes: a zip is an xlsx, an OLE file is an old .xls. */
export function sniffFormat(head: Uint8Array, media: string): SpreadsheetFormat {
  if (head[0] === 0x50 && head[1] === 0x4b) return 'xlsx';
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw fileErrors.unreadable('đây là tệp .xls cũ hoặc tệp có đặt mật khẩu; hãy lưu lại thành .xlsx (không mật khẩu) rồi tải lên.');
  }
  if (media === XLSX_CONTENT_TYPE) throw fileErrors.unreadable('tệp không phải là tệp Excel .xlsx.');
  return 'csv';
}
