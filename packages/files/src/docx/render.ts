import {
  AlignmentType,
  BorderStyle,
  Document,
  LeaderType,
  Packer,
  PageBreak,
  PageOrientation,
  Paragraph,
  Tab,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { Align, Block, DocumentModel, Run, SignatureBlock, TableCell as ModelCell, TableColumn } from '@kd/domain';
import { A4, BODY_SIZE, CONTENT_WIDTH, FONT, INDENT, MARGINS, SMALL_SIZE } from './page';

/**
 * Renders a document model as a Word file: A4, Times New Roman, the party header as a borderless
 * two-column table, bordered data tables, signatures on the right (or side by side).
 * @example await writeFile('ban-tu-kiem-diem.docx', await renderDocx(buildSelfReview(input)))
 */
export async function renderDocx(model: DocumentModel): Promise<Buffer> {
  const doc = new Document({
    creator: 'Kiểm điểm',
    title: model.title,
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY_SIZE, language: { value: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 60, line: 276 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
            margin: { ...MARGINS, header: 567, footer: 567, gutter: 0 },
          },
        },
        children: model.blocks.flatMap(renderBlock),
      },
    ],
  });
  return Packer.toBuffer(doc);
}

const alignments: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

function run(r: Run, size?: number): TextRun {
  return new TextRun({
    text: r.text,
    bold: r.bold ?? false,
    italics: r.italic ?? false,
    ...(r.underline ? { underline: { type: 'single' as const } } : {}),
    ...(size ? { size } : {}),
  });
}

function renderBlock(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'partyHeader':
      return [partyHeader(block.left, block.right), new Paragraph({ children: [] })];
    case 'title':
      return block.lines.map(
        (line, i) =>
          new Paragraph({
            alignment: AlignmentType.CENTER,
            keepNext: true,
            spacing: { before: i === 0 ? 240 : 0, after: i === block.lines.length - 1 ? 200 : 0 },
            children: [run(line)],
          }),
      );
    case 'heading':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: INDENT },
          keepNext: true,
          spacing: { before: block.level === 1 ? 160 : 80, after: 60 },
          children: [run({ text: block.number ? `${block.number}. ${block.text}` : block.text, bold: true })],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: alignments[block.align ?? 'justify'],
          ...(block.indent ? { indent: { firstLine: INDENT } } : {}),
          children: block.runs.map((r) => run(r)),
        }),
      ];
    case 'fillLines':
      return Array.from({ length: Math.max(1, block.count) }, (_, i) => dottedLine(i === 0 ? (block.lead ?? []) : []));
    case 'table':
      return [dataTable(block.columns, block.rows), new Paragraph({ children: [] })];
    case 'signatures':
      return [signatures(block.blocks)];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** A line of dots to the right margin, drawn by a dot-leader tab so it always reaches the margin. */
function dottedLine(lead: Run[]): Paragraph {
  const children: ParagraphChild[] = [...lead.map((r) => run(r)), new TextRun({ children: [new Tab()] })];
  return new Paragraph({
    ...(lead.length > 0 ? { indent: { firstLine: INDENT } } : {}),
    tabStops: [{ type: TabStopType.RIGHT, position: CONTENT_WIDTH, leader: LeaderType.DOT }],
    children,
  });
}

const NO_BORDERS = TableBorders.NONE;
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const ALL_BORDERS = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };

function layoutTable(widths: number[], rows: TableRow[], borders: typeof NO_BORDERS | typeof ALL_BORDERS): Table {
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    rows,
  });
}

function centredLines(lines: Run[], size?: number): Paragraph[] {
  return lines.map((l) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0 }, children: [run(l, size)] }));
}

/** Left: issuing committee (13 pt); right: party name and place/date (14 pt). No borders, as printed. */
function partyHeader(left: Run[], right: Run[]): Table {
  const widths = [Math.round(CONTENT_WIDTH * 0.44), CONTENT_WIDTH - Math.round(CONTENT_WIDTH * 0.44)];
  const cell = (children: Paragraph[], width: number) => new TableCell({ width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, children });
  return layoutTable(widths, [new TableRow({ children: [cell(centredLines(left, SMALL_SIZE), widths[0]!), cell(centredLines(right), widths[1]!)] })], NO_BORDERS);
}

function scaledWidths(relative: number[]): number[] {
  const total = relative.reduce((a, b) => a + b, 0) || 1;
  const widths = relative.map((w) => Math.floor((w / total) * CONTENT_WIDTH));
  widths[widths.length - 1]! += CONTENT_WIDTH - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function dataTable(columns: TableColumn[], rows: ModelCell[][]): Table {
  const widths = scaledWidths(columns.map((c) => c.width));
  const margins = { top: 40, bottom: 40, left: 60, right: 60 };
  const cell = (c: ModelCell, width: number, align: Align) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins,
      verticalAlign: VerticalAlign.CENTER,
      ...(c.colSpan && c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
      children: [
        new Paragraph({
          alignment: alignments[c.align ?? align],
          spacing: { after: 0, line: 240 },
          children: [run({ text: c.text, bold: c.bold ?? false, italic: c.italic ?? false }, SMALL_SIZE)],
        }),
      ],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell({ text: c.header, bold: true }, widths[i]!, 'center')),
  });
  const body = rows.map((r) => {
    let col = 0;
    const children = r.map((c) => {
      const span = c.colSpan ?? 1;
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      const align = columns[col]?.align ?? 'left';
      col += span;
      return cell(c, width, align);
    });
    return new TableRow({ cantSplit: true, children });
  });
  return layoutTable(widths, [header, ...body], ALL_BORDERS);
}

/**
 * One block: on the right half, as under a letter; several: side by side. A block's own text (a
 * committee's comment) is justified under its title; blank lines leave room to sign.
 */
function signatures(blocks: SignatureBlock[]): Table {
  const cells = blocks.length === 1 ? [null, blocks[0]!] : blocks;
  const widths = scaledWidths(cells.map(() => 1));
  const children = cells.map((b, i) => {
    const centred = (l: Run, first = false) =>
      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: first ? 200 : 0, after: 0 }, children: [run(l)] });
    const paragraphs = b
      ? [
          ...[
            ...(b.onBehalfOf ? [{ text: b.onBehalfOf, bold: true }] : []),
            { text: b.title, bold: true },
            ...(b.hint ? [{ text: b.hint, italic: true }] : []),
          ].map((l, j) => centred(l, j === 0)),
          ...signatureBody(b, widths[i]!),
          ...(b.signer ?? []).map((l) => centred({ text: l, bold: true })),
          ...[{ text: '' }, { text: '' }, { text: '' }, { text: b.name ?? '', bold: true }].map((l) => centred(l)),
        ]
      : [centred({ text: '' }, true)];
    return new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, borders: NO_BORDERS, children: paragraphs });
  });
  return layoutTable(widths, [new TableRow({ cantSplit: true, children })], NO_BORDERS);
}

/** The text written in a signature block, or dotted lines across the block's width to write it by hand. */
function signatureBody(b: SignatureBlock, width: number): Paragraph[] {
  const lines = (b.body ?? []).filter((l) => l.trim().length > 0);
  if (lines.length > 0) {
    return lines.map((l) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { after: 0 }, children: [run({ text: l })] }));
  }
  // Cell margins (108 twips each side by default) keep the leader inside the cell.
  return Array.from(
    { length: b.fillLines ?? 0 },
    () =>
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: Math.max(0, width - 216), leader: LeaderType.DOT }],
        spacing: { after: 0 },
        children: [new TextRun({ children: [new Tab()] })],
      }),
  );
}
