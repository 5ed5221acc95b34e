import ExcelJS from 'exceljs';
import { formatVietnameseDateTime, type ReportTable } from '@kd/domain';

/**
 * Writes a report table (Biểu 1, Biểu 2) as an .xlsx: title rows, numbered Vietnamese headings,
 * counts as numbers, shares as numbers formatted as percentages (Excel in Vietnamese shows 91,2%).
 * Text cells are plain strings, never formulas, whatever they start with.
 */
export const PERCENT = '[$-42A]0.0%';

export async function reportTableXlsx(table: ReportTable, generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kiểm điểm';
  const sheet = workbook.addWorksheet(table.title.split(' — ')[0]!, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.addRow([table.title]).font = { bold: true, size: 13 };
  sheet.addRow([table.subtitle]);
  sheet.addRow([`Số liệu đến: ${formatVietnameseDateTime(generatedAt)}`]);
  sheet.addRow([]);
  const header = sheet.addRow(table.headers);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  table.rows.forEach((cells, index) => {
    const row = sheet.addRow(
      cells.map((cell) => {
        if (typeof cell === 'object') return cell.share;
        // exceljs writes a string as a string cell (a formula needs an explicit {formula}).
        return cell;
      }),
    );
    cells.forEach((cell, i) => {
      // Vietnamese locale tag: 91,2% in any spreadsheet program, whatever its own locale.
      if (typeof cell === 'object') row.getCell(i + 1).numFmt = PERCENT;
    });
    if (table.emphasised.includes(index)) row.font = { bold: true };
  });
  // Headings on one line (each column as wide as its heading): they print, and read back, whole.
  sheet.columns.forEach((column, i) => {
    column.width = i === 1 ? 40 : Math.max(8, Math.ceil((table.headers[i]?.length ?? 8) * 1.05) + 2);
  });
  const thin = { style: 'thin' as const };
  for (let r = 5; r <= sheet.rowCount; r++) {
    sheet.getRow(r).eachCell({ includeEmpty: true }, (cell) => {
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
