import parseSax from 'exceljs/lib/utils/parse-sax.js';
import { fileErrors } from './file-errors';
import { MAX_CELL_CHARS, MAX_SHARED_STRINGS, MAX_TEXT_CHARS, MAX_XML_TOKEN_CHARS } from './limits';

/**
 * A shared string longer than an Excel cell: only its length is kept, so that the cell using
 * it can be named in the refusal.
 */
export class OverlongText {
  constructor(readonly length: number) {}
}

export type SharedString = string | OverlongText;

/**
 * Reads xl/sharedStrings.xml into plain strings (rich-text runs joined, phonetic guides left
 * out). exceljs's own reader keeps every run as an object, of any length. Here a string longer
 * than an Excel cell keeps only its length (the sheet's cell that uses it is refused), one
 * longer than any escaped cell could be is refused at once (SST index only), and so is a table
 * past MAX_SHARED_STRINGS strings or MAX_TEXT_CHARS characters. The text arriving here has
 * passed the XmlGuard, so no single run inside the parser was longer either.
 */
export async function readSharedStrings(xml: AsyncIterable<string>): Promise<SharedString[]> {
  const strings: SharedString[] = [];
  let total = 0;
  let inItem = false;
  let inText = false;
  let phonetic = 0;
  let parts: string[] = [];
  let length = 0;
  for await (const events of parseSax(xml)) {
    for (const event of events) {
      if (event.eventType === 'text') {
        if (!inText) continue;
        length += event.value.length;
        if (length > MAX_XML_TOKEN_CHARS) throw fileErrors.cellTooLong({ sharedString: strings.length });
        if (length <= MAX_CELL_CHARS) parts.push(event.value);
        continue;
      }
      const name = localName(event.value.name);
      if (event.eventType === 'opentag') {
        if (name === 'si') {
          inItem = true;
          parts = [];
          length = 0;
        } else if (name === 'rPh') phonetic += 1;
        else if (name === 't') inText = inItem && phonetic === 0;
        continue;
      }
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic -= 1;
      else if (name === 'si' && inItem) {
        inItem = false;
        total += length;
        strings.push(length > MAX_CELL_CHARS ? new OverlongText(length) : parts.join(''));
        parts = [];
        if (total > MAX_TEXT_CHARS) throw fileErrors.tooMuchText('sharedStrings');
        if (strings.length > MAX_SHARED_STRINGS) throw fileErrors.tooMuchText('sharedStrings', { limitStrings: MAX_SHARED_STRINGS });
      }
    }
  }
  return strings;
}

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}
