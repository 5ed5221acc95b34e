import type { Table } from '@kd/domain';
import { type SpreadsheetInput, chunksOf, collect, peek } from './byte-source';
import { checkContentType, sniffFormat } from './content-type';
import { readCsv } from './csv-reader';
import { asFileError, fileErrors } from './file-errors';
import { readXlsx } from './xlsx-reader';

/**
 * Reads an uploaded spreadsheet (docs/uploads.md): the first visible sheet of an .xlsx or a .csv,
 * header in row 1, blank rows dropped, row numbers as Excel shows them, text in Unicode NFC
 * (TCVN3 and VNI converted). Throws only DomainError: UNSUPPORTED_TYPE (415), FILE_TOO_LARGE /
 * TOO_MANY_ROWS / ROW_TOO_LARGE / TOO_MUCH_TEXT (413), FILE_UNREADABLE, FILE_ENCODING,
 * LEGACY_ENCODING, CELL_TOO_LONG, ONLY_HIDDEN_SHEETS, FILE_EMPTY, NO_ROWS (400); see
 * docs/uploads.md. A stream is read only as far as needed and destroyed on refusal.
 *
 * @example
 * const table = await readTable({ bytes: body }, request.headers.get('content-type'));
 * const { rows, errors } = validateResultsRows(table, { roster });
 */
export async function readTable(input: SpreadsheetInput, contentType: string | undefined | null): Promise<Table> {
  try {
    const media = checkContentType(contentType ?? undefined);
    const { head, rest } = await peek(chunksOf(input), 8);
    if (head.byteLength === 0) throw fileErrors.empty();
    // xlsx needs random access to the zip's central directory, so it is held (≤ 5 MB); CSV streams.
    if (sniffFormat(head, media) === 'xlsx') return await readXlsx(await collect(rest));
    return await readCsv(rest);
  } catch (error) {
    if ('stream' in input) destroyStream(input.stream);
    throw asFileError(error);
  }
}

/** Stops a Node stream (destroy) or a web stream (cancel) so that nothing more is read. */
function destroyStream(stream: NodeJS.ReadableStream): void {
  const s = stream as NodeJS.ReadableStream & { destroy?: () => void; cancel?: () => Promise<void> };
  if (typeof s.destroy === 'function') s.destroy();
  else if (typeof s.cancel === 'function') s.cancel().catch(() => undefined);
}
