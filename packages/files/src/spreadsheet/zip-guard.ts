import { Readable, Transform, type TransformCallback } from 'node:stream';
import yauzl from 'yauzl';
import { fileErrors } from './file-errors';
import { MAX_DEFLATE_RATIO, MAX_INFLATED_BYTES, MAX_ZIP_ENTRIES } from './limits';
import { type XmlPartKind, guardedXml } from './xml-guard';

/** An opened xlsx container whose entries are inflated only through a byte budget. */
export interface GuardedZip {
  has(name: string): boolean;
  names(): string[];
  /**
   * Inflates the entries once, discarding the bytes, so that a size lie is caught at native
   * inflate speed before the slower XML parse ever starts.
   */
  verify(names: readonly string[]): Promise<void>;
  /**
   * The entry as UTF-8 text chunks, decoded across chunk boundaries and checked by an XmlGuard
   * for `part` (at most `maxChars` characters in all) before any parser sees them.
   */
  openText(name: string, part: XmlPartKind, maxChars?: number): Promise<Readable>;
  close(): void;
}

/**
 * Opens a zip held in memory after checking its central directory: entry count, declared
 * sizes and compression ratios. Declared sizes can lie, so every inflated byte is also counted
 * against one budget for the whole archive (and yauzl checks each entry against its declared
 * size); passing it aborts the read at once.
 */
export async function openGuardedZip(buffer: Buffer): Promise<GuardedZip> {
  const zip = await fromBuffer(buffer);
  if (zip.entryCount > MAX_ZIP_ENTRIES) {
    zip.close();
    throw fileErrors.unreadable('tệp nén có quá nhiều thành phần.');
  }
  const entries = await readEntries(zip).catch((error: unknown) => {
    zip.close();
    throw error;
  });
  let declared = 0;
  for (const e of entries.values()) {
    if (e.isEncrypted()) throw fileErrors.unreadable('tệp có đặt mật khẩu.');
    declared += e.uncompressedSize;
    if (e.compressedSize > 0 && e.uncompressedSize / e.compressedSize > MAX_DEFLATE_RATIO) {
      throw fileErrors.inflatesTooLarge({ entry: e.fileName });
    }
  }
  if (declared > MAX_INFLATED_BYTES) throw fileErrors.inflatesTooLarge();

  const budget = { left: MAX_INFLATED_BYTES };
  const open: Readable[] = [];
  return {
    has: (name) => entries.has(name),
    names: () => [...entries.keys()],
    async verify(list) {
      const check = { left: MAX_INFLATED_BYTES };
      for (const name of list) {
        const entry = entries.get(name);
        if (!entry) continue;
        const raw = await zip.openReadStreamPromise(entry);
        open.push(raw);
        try {
          for await (const chunk of raw as AsyncIterable<Buffer>) {
            check.left -= chunk.byteLength;
            if (check.left < 0) throw fileErrors.inflatesTooLarge();
          }
        } catch (error) {
          throw error instanceof Error && error.name === 'DomainError' ? error : fileErrors.unreadable('tệp nén bị hỏng (kích thước khai báo sai).', error);
        } finally {
          raw.destroy();
        }
      }
    },
    async openText(name, part, maxChars) {
      const entry = entries.get(name);
      if (!entry) throw fileErrors.unreadable(`thiếu thành phần ${name}.`);
      const raw = await zip.openReadStreamPromise(entry);
      const counted = raw.pipe(byteBudget(budget));
      raw.on('error', (err) => counted.destroy(err));
      counted.setEncoding('utf8');
      const guarded = Readable.from(guardedXml(counted as AsyncIterable<string>, part, maxChars));
      open.push(raw, counted, guarded);
      return guarded;
    },
    close() {
      for (const s of open) s.destroy();
      zip.close();
    },
  };
}

function byteBudget(budget: { left: number }): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      budget.left -= chunk.byteLength;
      if (budget.left < 0) done(fileErrors.inflatesTooLarge());
      else done(null, chunk);
    },
  });
}

function fromBuffer(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (err, zip) => {
      if (err || !zip) reject(fileErrors.unreadable('tệp không phải là tệp Excel .xlsx hợp lệ.', err));
      else resolve(zip);
    });
  });
}

function readEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (err: unknown) => reject(fileErrors.unreadable('tệp nén bị hỏng.', err)));
    zip.readEntry();
  });
}
