import iconv from 'iconv-lite';
import { fileErrors } from './file-errors';
import { SNIFF_BYTES } from './limits';
import { peek } from './byte-source';

/**
 * Decodes a CSV's bytes to text. UTF-8 with or without BOM is the contract; a UTF-16 BOM is
 * honoured; a file whose first 64 KB are not valid UTF-8 is read as Windows-1258 (what
 * Vietnamese Windows writes for "CSV (Comma delimited)"). A file that starts as valid UTF-8
 * and breaks later is refused with FILE_ENCODING rather than guessed at.
 */
export async function* decodeCsvText(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const { head, rest } = await peek(chunks[Symbol.asyncIterator](), SNIFF_BYTES);
  const decoder = pickDecoder(head);
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

function pickDecoder(head: Uint8Array): TextDecoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return utf8(3);
  if (head[0] === 0xff && head[1] === 0xfe) return legacy('utf16le', 2);
  if (head[0] === 0xfe && head[1] === 0xff) return legacy('utf16be', 2);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, SNIFF_BYTES), { stream: true });
    return utf8(0);
  } catch {
    return legacy('windows1258', 0);
  }
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
