import { fileErrors } from './file-errors';
import { EXCEL_COLUMNS, MAX_ROW_XML_CHARS, MAX_XML_TOKEN_CHARS } from './limits';

/** Which part is being read: a sheet and the shared strings get errors naming the cell. */
export type XmlPartKind = 'sheet' | 'sharedStrings' | 'other';

type State = 'text' | 'open' | 'tag' | 'comment' | 'cdata' | 'pi';

const TERMINATOR: Partial<Record<State, string>> = { comment: '-->', cdata: ']]>', pi: '?>' };
/** Enough of a start tag to read its name and `r` attribute. */
const TAG_KEEP = 160;

/**
 * Watches the text of one xlsx part on its way to the XML parser, so that no single piece of it
 * grows past a bound inside the parser. The parser (saxes, under exceljs) keeps a text run, a tag,
 * a comment or a CDATA section whole until it ends, and exceljs keeps a row whole until `</row>`:
 * a 60 MB shared string inflated from 60 KB would otherwise sit in memory several times over.
 * Here each such token may hold at most MAX_XML_TOKEN_CHARS characters (a 32,767-character cell
 * fits, escaped), a `<row>` at most MAX_ROW_XML_CHARS, and the part at most `maxChars`. exceljs
 * also keeps every `<col>` of a sheet as an object: more than Excel's 16,384 columns is refused.
 * A DOCTYPE (never in an xlsx; the door to entity expansion) is refused outright.
 */
export class XmlGuard {
  private pos = 0;
  private state: State = 'text';
  private tokenStart = 0;
  private head = '';
  private tag = '';
  private tagStart = 0;
  private quote = '';
  private lastTagChar = '';
  private tail = '';
  private rowStart = -1;
  private rowRef: string | undefined;
  private cellRef: string | undefined;
  private inCell = false;
  private sharedString = -1;
  private columnEntries = 0;

  constructor(
    private readonly part: XmlPartKind,
    private readonly maxChars = Number.POSITIVE_INFINITY,
  ) {}

  /** Checks one chunk; throws a DomainError the moment a bound is passed. */
  feed(chunk: string): void {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      switch (this.state) {
        case 'text': {
          const lt = chunk.indexOf('<', i);
          if (lt < 0) {
            this.pos += n - i;
            i = n;
            break;
          }
          this.pos += lt - i;
          this.checkToken();
          i = lt + 1;
          this.pos += 1;
          this.state = 'open';
          this.head = '';
          this.tokenStart = this.pos - 1;
          break;
        }
        case 'open':
          i = this.classify(chunk, i);
          break;
        case 'tag':
          i = this.scanTag(chunk, i);
          break;
        default:
          i = this.skipTo(chunk, i, TERMINATOR[this.state] ?? '>');
      }
    }
    this.checkToken();
    this.checkRow();
    if (this.pos > this.maxChars) throw fileErrors.inflatesTooLarge({ part: this.part });
  }

  /** After `<`: a comment, CDATA, processing instruction, DOCTYPE, or a tag. */
  private classify(chunk: string, i: number): number {
    const c = chunk[i] ?? '';
    if (this.head === '' && c !== '!' && c !== '?') {
      this.state = 'tag';
      this.tag = '';
      this.quote = '';
      this.lastTagChar = '';
      this.tagStart = this.tokenStart;
      return i;
    }
    this.head += c;
    this.pos += 1;
    if (this.head === '?') return this.enter('pi', i + 1);
    if (this.head === '!--') return this.enter('comment', i + 1);
    if (this.head === '![CDATA[') return this.enter('cdata', i + 1);
    if (this.head.toUpperCase().startsWith('!DOCTYPE')) throw fileErrors.unreadable('tệp chứa khai báo DOCTYPE, điều không có trong tệp Excel.');
    if (this.head.length >= 8) throw fileErrors.unreadable('tệp chứa khai báo XML lạ.');
    return i + 1;
  }

  private enter(state: State, i: number): number {
    this.state = state;
    this.tail = '';
    return i;
  }

  /** Inside `<…>`: a `>` in a quoted attribute value does not end the tag. */
  private scanTag(chunk: string, i: number): number {
    const n = chunk.length;
    let j = i;
    for (; j < n; j++) {
      const c = chunk[j] as string;
      if (this.quote) {
        if (c === this.quote) this.quote = '';
      } else if (c === '"' || c === "'") {
        this.quote = c;
      } else if (c === '>') {
        break;
      } else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') {
        this.lastTagChar = c;
      }
    }
    if (this.tag.length < TAG_KEEP) this.tag += chunk.slice(i, Math.min(j, i + TAG_KEEP - this.tag.length));
    this.pos += j - i;
    if (j >= n) return n;
    this.pos += 1;
    this.checkToken();
    this.endTag();
    this.state = 'text';
    this.tokenStart = this.pos;
    return j + 1;
  }

  /** Comments, CDATA and processing instructions run to their terminator, across chunks. */
  private skipTo(chunk: string, i: number, terminator: string): number {
    const seen = this.tail + chunk.slice(i);
    const at = seen.indexOf(terminator);
    if (at < 0) {
      this.pos += chunk.length - i;
      this.tail = seen.slice(-(terminator.length - 1));
      return chunk.length;
    }
    const consumed = at + terminator.length - this.tail.length;
    this.pos += consumed;
    this.checkToken();
    this.state = 'text';
    this.tail = '';
    this.tokenStart = this.pos;
    return i + consumed;
  }

  private endTag(): void {
    const closing = this.tag.startsWith('/');
    const name = TAG_NAME.exec(this.tag)?.[1] ?? '';
    const local = name.slice(name.indexOf(':') + 1);
    if (closing) {
      if (local === 'row') this.rowStart = -1;
      if (local === 'c' || local === 'si') this.inCell = false;
      return;
    }
    const selfClosing = this.lastTagChar === '/';
    if (local === 'row' && !selfClosing && this.rowStart < 0) {
      this.rowStart = this.tagStart;
      this.rowRef = rAttribute(this.tag);
      this.cellRef = undefined;
    } else if (local === 'c') {
      this.cellRef = rAttribute(this.tag);
      this.inCell = !selfClosing;
    } else if (local === 'col' && this.part === 'sheet') {
      this.columnEntries += 1;
      if (this.columnEntries > EXCEL_COLUMNS) throw fileErrors.unreadable('trang tính khai báo nhiều cột hơn Excel cho phép.');
    } else if (local === 'si') {
      this.sharedString += 1;
      this.inCell = !selfClosing;
    }
  }

  private checkToken(): void {
    if (this.pos - this.tokenStart <= MAX_XML_TOKEN_CHARS) return;
    const isText = this.state === 'text' || this.state === 'cdata';
    if (isText && this.inCell && this.part === 'sheet') throw fileErrors.cellTooLong(cellPlace(this.cellRef, this.rowRef));
    if (isText && this.inCell && this.part === 'sharedStrings') throw fileErrors.cellTooLong({ sharedString: this.sharedString });
    throw fileErrors.unreadable('tệp chứa một đoạn XML dài bất thường.');
  }

  private checkRow(): void {
    if (this.rowStart >= 0 && this.pos - this.rowStart > MAX_ROW_XML_CHARS) throw fileErrors.rowTooLarge(this.rowRef === undefined ? undefined : Number(this.rowRef));
  }
}

const TAG_NAME = /^\/?\s*([^\s/>]+)/;
/** The `r` attribute (a row's number, a cell's reference): the one attribute the guard reads. */
const R_ATTRIBUTE = /\sr\s*=\s*["']([^"']*)["']/;

function rAttribute(tag: string): string | undefined {
  return R_ATTRIBUTE.exec(tag)?.[1];
}

/** `B7` (or the row alone) as the row and column letter an error names. */
function cellPlace(cellRef: string | undefined, rowRef: string | undefined): { row?: number; cell?: string } {
  const ref = cellRef && /^([A-Z]{1,3})(\d+)$/.exec(cellRef);
  if (ref) return { row: Number(ref[2]), cell: cellRef };
  return rowRef === undefined ? {} : { row: Number(rowRef) };
}

/** The guard around a stream of text chunks. */
export async function* guardedXml(chunks: AsyncIterable<string>, part: XmlPartKind, maxChars?: number): AsyncGenerator<string> {
  const guard = new XmlGuard(part, maxChars);
  for await (const chunk of chunks) {
    guard.feed(chunk);
    yield chunk;
  }
}
