import iconv from 'iconv-lite';
import { fileErrors } from './file-errors';
import { SNIFF_BYTES } from './limits';
import { peek } from './byte-source';
import { type CsvEncoding, chooseCsvEncoding } from './legacy-detect';
import { tcvn3FromBytes, vniFromText, vniMayContinue, cp1252FromBytes } from './legacy-encoding';

/**
 * Decodes a CSV's bytes to text. UTF-8 with or without BOM is the contract; a UTF-16 BOM is
 * honoured; a file whose first 64 KB are not valid UTF-8 is read as Windows-1258 (what
 * Vietnamese Windows writes for "CSV (Comma delimited)"), or as TCVN3 or VNI when those read as
 * Vietnamese and Windows-1258 does not (LEGACY_ENCODING when that is not clear-cut). A file
 * that starts as valid UTF-8 and breaks later is refused with FILE_ENCODING rather than guessed
 * at. `found.encoding` tells the caller which was used, before the first text is yielded.
 */
export async function* decodeCsvText(chunks: AsyncIterable<Uint8Array>, found: { encoding?: string } = {}): AsyncGenerator<string> {
  const { head, rest } = await peek(chunks[Symbol.asyncIterator](), SNIFF_BYTES);
  const { decoder, encoding } = pickDecoder(head);
  found.encoding = encoding;
  let checked = false;
  for await (const chunk of rest) {
    const text = decoder.write(chunk);
    if (!checked && text.length > 0) {
      checked = true;
      if (looksBinary(text)) throw fileErrors.unreadable('tệp không phải là bảng tính (.xlsx hoặc .csv).');
    }
    if (text) yield text;
  }
  const tail = decoder.end();
  if (!checked && looksBinary(tail)) throw fileErrors.unreadable('tệp không phải là bảng tính (.xlsx hoặc .csv).');
  if (tail) yield tail;
}

interface TextDecoding {
  write(bytes: Uint8Array): string;
  end(): string;
}

function pickDecoder(head: Uint8Array): { decoder: TextDecoding; encoding: string } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { decoder: utf8(3), encoding: 'utf8' };
  if (head[0] === 0xff && head[1] === 0xfe) return { decoder: legacy('utf16le', 2), encoding: 'utf16le' };
  if (head[0] === 0xfe && head[1] === 0xff) return { decoder: legacy('utf16be', 2), encoding: 'utf16be' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, SNIFF_BYTES), { stream: true });
    return { decoder: utf8(0), encoding: 'utf8' };
  } catch {
    // Binary data is refused as such after decoding, whatever it would read as.
    if (looksBinary(Buffer.from(head.subarray(0, 8192)).toString('latin1'))) return { decoder: legacy('windows1258', 0), encoding: 'windows1258' };
    const choice = chooseCsvEncoding(head.subarray(0, SNIFF_BYTES));
    if ('refuse' in choice) throw fileErrors.legacyEncoding(choice.refuse);
    return { decoder: eightBit(choice.encoding), encoding: choice.encoding };
  }
}

function eightBit(encoding: CsvEncoding): TextDecoding {
  if (encoding === 'windows1258') return legacy('windows1258', 0);
  if (encoding === 'TCVN3') return { write: (bytes) => tcvn3FromBytes(bytes), end: () => '' };
  // A VNI letter is two bytes; one that may go on in the next chunk waits for it.
  let held = '';
  return {
    write(bytes) {
      const text = held + cp1252FromBytes(bytes);
      const last = text.at(-1) ?? '';
      held = vniMayContinue(last) ? last : '';
      return vniFromText(held ? text.slice(0, -1) : text);
    },
    end: () => vniFromText(held),
  };
}

function utf8(skip: number): TextDecoding {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let toSkip = skip;
  const guard = (f: () => string) => {
    try {
      return f();
    } catch {
      throw fileErrors.encoding();
    }
  };
  return {
    write(bytes) {
      const b = toSkip > 0 ? bytes.subarray(toSkip) : bytes;
      toSkip = Math.max(0, toSkip - bytes.byteLength);
      return guard(() => decoder.decode(b, { stream: true }));
    },
    end: () => guard(() => decoder.decode()),
  };
}

function legacy(encoding: string, skip: number): TextDecoding {
  const decoder = iconv.getDecoder(encoding, { stripBOM: false });
  let toSkip = skip;
  return {
    write(bytes) {
      const b = toSkip > 0 ? bytes.subarray(toSkip) : bytes;
      toSkip = Math.max(0, toSkip - bytes.byteLength);
      return decoder.write(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
    },
    end: () => decoder.end() ?? '',
  };
}

/** NULs and other C0 controls never occur in a spreadsheet's text; they mean binary data. */
function looksBinary(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text.slice(0, 8192));
}
