import { fileErrors } from './file-errors';
import { MAX_FILE_BYTES } from './limits';

/** An upload body: bytes already in memory, or a stream read as it arrives. */
export type SpreadsheetInput = { bytes: Uint8Array } | { stream: NodeJS.ReadableStream };

const SLICE = 64 * 1024;

/**
 * The input's bytes in chunks, refusing past MAX_FILE_BYTES as soon as the count passes it
 * (a stream is never read further than that).
 */
export async function* chunksOf(input: SpreadsheetInput): AsyncGenerator<Uint8Array> {
  if ('bytes' in input) {
    if (input.bytes.byteLength > MAX_FILE_BYTES) throw fileErrors.tooLarge();
    // Slices let the CSV reader stop early without decoding what it will never use.
    for (let i = 0; i < input.bytes.byteLength; i += SLICE) yield input.bytes.subarray(i, i + SLICE);
    return;
  }
  let total = 0;
  for await (const chunk of input.stream as AsyncIterable<Uint8Array | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    total += bytes.byteLength;
    if (total > MAX_FILE_BYTES) throw fileErrors.tooLarge();
    if (bytes.byteLength > 0) yield bytes;
  }
}

/** Reads the first `n` bytes (fewer at the end) and gives them back with the rest still to come. */
export async function peek(chunks: AsyncIterator<Uint8Array>, n: number): Promise<{ head: Uint8Array; rest: AsyncIterable<Uint8Array> }> {
  const parts: Uint8Array[] = [];
  let size = 0;
  while (size < n) {
    const next = await chunks.next();
    if (next.done) break;
    parts.push(next.value);
    size += next.value.byteLength;
  }
  const head = Buffer.concat(parts);
  async function* rest(): AsyncGenerator<Uint8Array> {
    if (head.byteLength > 0) yield head;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { head, rest: rest() };
}

export async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of chunks) parts.push(c);
  return Buffer.concat(parts);
}
