/**
 * A printable document as plain data: what the content builders produce and the Word renderer
 * (packages/files/src/docx) consumes. It says what is on the page and what is emphasised, not how
 * a file format encodes it.
 */
export type Run = { text: string; bold?: boolean; italic?: boolean; underline?: boolean };
export type Align = 'left' | 'center' | 'right' | 'justify';

export type TableCell = { text: string; align?: Align; bold?: boolean; italic?: boolean; colSpan?: number };
export type TableColumn = { header: string; /** relative width */ width: number; align?: Align };

/**
 * A place to sign: "T/M CHI BỘ" / "BÍ THƯ" / "(Ký, ghi rõ họ tên)" / space / the name. A block may
 * carry text written above the signature (a committee's comment: `body`, one paragraph per line, or
 * `fillLines` dotted lines when there is none) and the signing body's lines under it (`signer`,
 * e.g. "ĐẢNG BỘ …" / "CHI BỘ …").
 */
export type SignatureBlock = {
  onBehalfOf?: string;
  title: string;
  hint?: string;
  name?: string;
  body?: string[];
  fillLines?: number;
  signer?: string[];
};

export type Block =
  /** The two-column header of a party document: issuing body on the left, party name and place/date on the right. */
  | { kind: 'partyHeader'; left: Run[]; right: Run[] }
  /** Centred bold lines: the document's name, its year, its form code. */
  | { kind: 'title'; lines: Run[] }
  | { kind: 'heading'; level: 1 | 2 | 3; number?: string; text: string }
  | { kind: 'paragraph'; runs: Run[]; align?: Align; indent?: boolean }
  /** Dotted lines to fill by hand; `lead` starts the first line (e.g. "Ngày sinh:"). */
  | { kind: 'fillLines'; count: number; lead?: Run[] }
  | { kind: 'table'; columns: TableColumn[]; rows: TableCell[][] }
  /** One block sits on the right half; two or more share the width. */
  | { kind: 'signatures'; blocks: SignatureBlock[] }
  | { kind: 'pageBreak' };

export type DocumentModel = { title: string; blocks: Block[] };

export const text = (t: string, emphasis: Omit<Run, 'text'> = {}): Run => ({ text: t, ...emphasis });
export const paragraph = (runs: Run[] | string, options: { align?: Align; indent?: boolean } = {}): Block => ({
  kind: 'paragraph',
  runs: typeof runs === 'string' ? [text(runs)] : runs,
  ...options,
});

/** `1.2. Heading` as printed, so tests and pages search the same text. */
export function headingText(b: { number?: string; text: string }): string {
  return b.number ? `${b.number}. ${b.text}` : b.text;
}

/** Every string in the model in NFC: documents must not mix composed and decomposed Vietnamese. */
export function toNfc<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((v) => toNfc(v)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNfc(v)])) as T;
  }
  return value;
}

/** All visible text of a model, one string per block (tests and search use it). */
export function plainText(model: DocumentModel): string[] {
  return model.blocks.map(blockText);
}

function blockText(b: Block): string {
  switch (b.kind) {
    case 'partyHeader':
      return [...b.left, ...b.right].map((r) => r.text).join('\n');
    case 'title':
      return b.lines.map((r) => r.text).join('\n');
    case 'heading':
      return headingText(b);
    case 'paragraph':
      return b.runs.map((r) => r.text).join('');
    case 'fillLines':
      return (b.lead ?? []).map((r) => r.text).join('');
    case 'table':
      return [b.columns.map((c) => c.header), ...b.rows.map((r) => r.map((c) => c.text))].map((r) => r.join(' | ')).join('\n');
    case 'signatures':
      return b.blocks.map((s) => [s.onBehalfOf, s.title, s.hint, ...(s.body ?? []), ...(s.signer ?? []), s.name].filter(Boolean).join('\n')).join('\n');
    case 'pageBreak':
      return '';
  }
}
