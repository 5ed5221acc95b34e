import ExcelJS from 'exceljs';
import { formatVietnameseDateTime, type BieuFrame, type ReportTable } from '@kd/domain';

/**
 * Writes a report table (Biểu 1, 2, 4, 5) as an .xlsx: title rows, numbered Vietnamese headings,
 * counts as numbers, shares as numbers formatted as percentages (Excel in Vietnamese shows 91,2%).
 * Text cells are plain strings, never formulas, whatever they start with. With a frame it prints
 * as an official document: A4, the party header, the place and date, the signature block.
 */
export const PERCENT = '[$-42A]0.0 %';
/** Counts with the Vietnamese thousands separator (2.927), as the pages print them. */
export const COUNT = '[$-42A]#,##0';

/** Party documents are set in Times New Roman (HD 36-HD/VPTW). */
const FONT = 'Times New Roman';
const A4 = 9;
const thin = { style: 'thin' as const };

/** Column widths that fit A4 landscape at a readable size: headings wrap, numbers stay narrow. */
function widths(table: ReportTable): number[] {
  return table.headers.map((_, i) => {
    if (i === 0) return 6;
    if (i === 1) return 30;
    const text = table.rows.some((row) => typeof row[i] === 'string' && (row[i] as string).length > 0);
    return text ? 16 : 9;
  });
}

/** How many lines a text takes in a column of `width` characters (a rough, safe estimate for row heights). */
function linesIn(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 0.9) - 1);
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

function merged(sheet: ExcelJS.Worksheet, row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font>, horizontal: 'center' | 'left' = 'center') {
  if (to > from) sheet.mergeCells(row, from, row, to);
  const cell = sheet.getCell(row, from);
  cell.value = text;
  cell.font = { name: FONT, size: 12, ...font };
  cell.alignment = { horizontal, vertical: 'middle', wrapText: true };
}

/** The party header: issuer on the left half, the party's name and the place and date on the right. */
function writeHeader(sheet: ExcelJS.Worksheet, frame: BieuFrame, columns: number): number {
  const leftEnd = Math.max(2, Math.floor(columns * 0.45));
  const rightStart = Math.min(columns, leftEnd + 2);
  const right: { text: string; font: Partial<ExcelJS.Font> }[] = [
    { text: frame.party, font: { bold: true, underline: true, size: 13 } },
    { text: '', font: {} },
    { text: frame.placeAndDate, font: { italic: true } },
  ];
  const lines = Math.max(frame.issuer.length, right.length);
  for (let i = 0; i < lines; i++) {
    const left = frame.issuer[i];
    if (left) merged(sheet, i + 1, 1, leftEnd, left.text, { bold: left.bold ?? false, size: 12 });
    const r = right[i];
    if (r && r.text) merged(sheet, i + 1, rightStart, columns, r.text, r.font);
    sheet.getRow(i + 1).height = 18;
  }
  return lines + 1;
}

/** Two signature blocks side by side under the table, with room to sign. */
function writeSignatures(sheet: ExcelJS.Worksheet, frame: BieuFrame, columns: number, from: number) {
  const half = Math.floor(columns / 2);
  const spans: [number, number][] = [[1, half], [half + 1, columns]];
  frame.signatures.forEach((s, i) => {
    const [a, b] = spans[i] ?? spans[1]!;
    const lines = [{ text: s.title, font: { bold: true } }, ...(s.role ? [{ text: s.role, font: { bold: true } }] : []), { text: s.hint, font: { italic: true } }];
    lines.forEach((line, k) => merged(sheet, from + k, a, b, line.text, line.font));
  });
}

export async function reportTableXlsx(table: ReportTable, generatedAt: Date, frame?: BieuFrame): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kiểm điểm';
  const columns = table.headers.length;
  const sheet = workbook.addWorksheet(table.title.split(' — ')[0]!, {
    pageSetup: {
      paperSize: A4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  const colWidths = widths(table);
  colWidths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));

  let r = frame ? writeHeader(sheet, frame, columns) + 1 : 1;
  merged(sheet, r, 1, columns, table.title, { bold: true, size: 14 });
  sheet.getRow(r).height = 22;
  merged(sheet, r + 1, 1, columns, table.subtitle, {});
  merged(sheet, r + 2, 1, columns, `Số liệu đến: ${formatVietnameseDateTime(generatedAt)}`, { italic: true, size: 11 });
  const headerRow = r + 4;
  const header = sheet.getRow(headerRow);
  header.values = table.headers;
  header.font = { name: FONT, bold: true, size: 11 };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.height = Math.max(...table.headers.map((h, i) => linesIn(h, colWidths[i]!))) * 14 + 6;

  table.rows.forEach((cells, index) => {
    const row = sheet.getRow(headerRow + 1 + index);
    // exceljs writes a string as a string cell (a formula needs an explicit {formula}).
    row.values = cells.map((cell) => (typeof cell === 'object' ? cell.share : cell));
    row.font = { name: FONT, size: 11, bold: table.emphasised.includes(index) };
    row.alignment = { vertical: 'middle', wrapText: true };
    cells.forEach((cell, i) => {
      // Vietnamese locale tag: 91,2% in any spreadsheet program, whatever its own locale.
      if (typeof cell === 'object') row.getCell(i + 1).numFmt = PERCENT;
      if (typeof cell === 'number') row.getCell(i + 1).numFmt = COUNT;
    });
    row.height = Math.max(1, ...cells.map((c, i) => (typeof c === 'string' ? linesIn(c, colWidths[i]!) : 1))) * 15 + 2;
  });
  const last = headerRow + table.rows.length;
  for (let n = headerRow; n <= last; n++) {
    for (let c = 1; c <= columns; c++) sheet.getCell(n, c).border = { top: thin, left: thin, bottom: thin, right: thin };
  }
  if (frame) writeSignatures(sheet, frame, columns, last + 2);
  // The headings repeat on every printed page.
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

