/** exceljs 4.4's SAX driver (saxes, events gathered per chunk), used by its own readers. */
declare module 'exceljs/lib/utils/parse-sax.js' {
  export interface SaxNode {
    name: string;
    attributes: Record<string, string>;
    isSelfClosing?: boolean;
  }
  export type SaxEvent = { eventType: 'opentag' | 'closetag'; value: SaxNode } | { eventType: 'text'; value: string };
  export default function parseSax(iterable: AsyncIterable<string | Uint8Array>): AsyncGenerator<SaxEvent[]>;
}
