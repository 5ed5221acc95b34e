import { constants, crc32, deflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';

/** One zip entry: its deflated bytes, with sizes that may be declared falsely on purpose. */
export interface RawEntry {
  name: string;
  deflated: Buffer;
  crc: number;
  size: number;
  declaredSize?: number;
}

export function deflatedEntry(name: string, content: string | Buffer): RawEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return { name, deflated: deflateRawSync(bytes, { level: 9 }), crc: crc32(bytes), size: bytes.byteLength };
}

/**
 * `prefix`, then `repeat` MiB of `byte`, then `suffix`, deflated without ever holding the inflated
 * data: one MiB is compressed with a sync flush (a byte-aligned, non-final block) and that segment
 * is repeated, which any inflater reads as the MiB repeated.
 */
export function repeatedEntry(name: string, prefix: string, byte: number, repeat: number, suffix = ''): RawEntry {
  const mib = Buffer.alloc(1 << 20, byte);
  const head = Buffer.from(prefix, 'utf8');
  const tail = Buffer.from(suffix, 'utf8');
  const headSegment = deflateRawSync(head, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const segment = deflateRawSync(mib, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const final = deflateRawSync(tail, { level: 9 });
  let crc = crc32(head);
  for (let i = 0; i < repeat; i++) crc = crc32(mib, crc);
  crc = crc32(tail, crc);
  const deflated = Buffer.concat([headSegment, ...Array.from({ length: repeat }, () => segment), final]);
  return { name, deflated, crc, size: head.byteLength + repeat * (1 << 20) + tail.byteLength };
}

/**
 * Like repeatedEntry, with `unit` (a piece of XML) repeated to fill about `repeat` MiB: a
 * million tiny strings, rows or styles from a few kilobytes on disk.
 */
export function patternEntry(name: string, prefix: string, unit: string, repeat: number, suffix = ''): RawEntry {
  const one = Buffer.from(unit, 'utf8');
  const segmentBytes = Buffer.concat(Array.from({ length: Math.max(1, Math.floor((1 << 20) / one.byteLength)) }, () => one));
  const head = Buffer.from(prefix, 'utf8');
  const tail = Buffer.from(suffix, 'utf8');
  const headSegment = deflateRawSync(head, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const segment = deflateRawSync(segmentBytes, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const final = deflateRawSync(tail, { level: 9 });
  let crc = crc32(head);
  for (let i = 0; i < repeat; i++) crc = crc32(segmentBytes, crc);
  crc = crc32(tail, crc);
  const deflated = Buffer.concat([headSegment, ...Array.from({ length: repeat }, () => segment), final]);
  return { name, deflated, crc, size: head.byteLength + repeat * segmentBytes.byteLength + tail.byteLength };
}

/** A zip file (store-less, deflate only) from raw entries, central directory included. */
export function buildZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const size = e.declaredSize ?? e.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.deflated.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    locals.push(local, name, e.deflated);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.deflated.byteLength, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.byteLength + e.deflated.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts an xlsx needs besides its sheet. */
export function workbookParts(): RawEntry[] {
  return [
    deflatedEntry('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>'),
    deflatedEntry('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    deflatedEntry('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
  ];
}

export const SHEET_PREFIX = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>';

/** One entry of a zip as UTF-8 text (to check what a writer really put in a file). */
export function zipEntryText(zip: Buffer, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (err, file) => {
      if (err || !file) return reject(err ?? new Error('not a zip'));
      file.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== name) return file.readEntry();
        file.openReadStream(entry, async (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const parts: Buffer[] = [];
          for await (const c of stream) parts.push(c as Buffer);
          file.close();
          resolve(Buffer.concat(parts).toString('utf8'));
        });
      });
      file.on('end', () => reject(new Error(`${name} not in the zip`)));
      file.readEntry();
    });
  });
}
