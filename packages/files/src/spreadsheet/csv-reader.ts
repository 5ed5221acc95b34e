import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { Table } from '@kd/domain';
import { fileErrors } from './file-errors';
import { decodeCsvText } from './csv-decode';
import { TableBuilder } from './table-builder';

const SEPARATORS = [',', ';', '\t'] as const;

/**
 * Reads a CSV as a stream: decoded, split into records and counted as it arrives, so that a
 * file over the row limit fails at row 20,002 however long it is.
 */
export async function readCsv(chunks: AsyncIterable<Uint8Array>): Promise<Table> {
  const found: { encoding?: string } = {};
  const text = decodeCsvText(chunks, found);
  const first = await firstLine(text);
  const source = Readable.from(first.rest, { objectMode: false });
  const parser = parse({
    delimiter: first.separator,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: 1_000_000,
  });
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);
  const table = new TableBuilder({ fromTcvn3: found.encoding === 'TCVN3' });
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      table.add(row, record);
    }
  } catch (error) {
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('CSV_')) {
      throw fileErrors.unreadable(`tệp CSV sai cấu trúc ở dòng ${row + 1}.`, error);
    }
    throw error;
  } finally {
    source.destroy();
    parser.destroy();
  }
  return table.finish();
}

/**
 * Finds the separator from the header row (Vietnamese-locale Excel writes semicolons), honouring
 * Excel's own `sep=;` first line, and hands back the text still to be parsed.
 */
async function firstLine(text: AsyncGenerator<string>): Promise<{ separator: string; rest: AsyncIterable<string> }> {
  let head = '';
  let next = await text.next();
  while (!next.done) {
    head += next.value;
    if (head.includes('\n') || head.length > 65_536) break;
    next = await text.next();
  }
  const lineEnd = head.indexOf('\n');
  const line = (lineEnd < 0 ? head : head.slice(0, lineEnd)).replace(/\r$/, '');
  const explicit = /^sep=(.)$/i.exec(line);
  const separator = explicit?.[1] ?? guessSeparator(line);
  const start = explicit ? (lineEnd < 0 ? '' : head.slice(lineEnd + 1)) : head;
  async function* rest(): AsyncGenerator<string> {
    if (start) yield start;
    if (next.done) return;
    for await (const chunk of text) yield chunk;
  }
  return { separator, rest: rest() };
}

function guessSeparator(line: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: string = ',';
  for (const s of SEPARATORS) if ((counts.get(s) ?? 0) > (counts.get(best) ?? 0)) best = s;
  return best;
}
