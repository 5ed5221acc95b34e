import ExcelJS from 'exceljs';
import { formatVietnameseDateTime } from '@kd/domain';

/** A document of titled tables (the rewards list, the corrections sent up): what the .xlsx prints. */
export interface SectionsDocument {
  title: string;
  subtitle: string;
  sections: readonly { heading: string; headers: readonly string[]; rows: readonly (readonly string[])[] }[];
  notes: readonly string[];
}

/**
 * One sheet: the title, the time of the data, then each section's heading and table (bordered,
 * headings bold, text wrapped), then the notes. Every cell is written as text, never as a formula,
 * whatever it starts with; landscape, fitted to the page width for printing.
 */
export async function sectionsXlsx(doc: SectionsDocument, generatedAt: Date, sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kiểm điểm';
  const sheet = workbook.addWorksheet(sheetName.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31), {
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  const width = Math.max(...doc.sections.map((s) => s.headers.length), 1);
  sheet.columns = Array.from({ length: width }, (_, i) => ({ width: i === 0 ? 6 : i === width - 1 ? 60 : 26 }));
  sheet.addRow([doc.title]).font = { bold: true, size: 13 };
  sheet.addRow([doc.subtitle]);
  sheet.addRow([`Số liệu đến: ${formatVietnameseDateTime(generatedAt)}`]);
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  for (const section of doc.sections) {
    sheet.addRow([]);
    sheet.addRow([section.heading]).font = { bold: true };
    const header = sheet.addRow([...section.headers]);
    header.font = { bold: true };
    header.eachCell((cell) => (cell.border = border));
    if (section.rows.length === 0) sheet.addRow(['', 'Không có.']);
    for (const cells of section.rows) {
      const row = sheet.addRow([...cells]);
      row.alignment = { wrapText: true, vertical: 'top' };
      row.eachCell((cell) => (cell.border = border));
    }
  }
  sheet.addRow([]);
  for (const note of doc.notes) {
    const row = sheet.addRow([note]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = Math.max(15, Math.ceil(note.length / 140) * 15);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
