import ExcelJS from 'exceljs';
import { compareText, completionStatusLabels, lateUnits, formatVietnameseDateTime, tickKindLabels, type Counts, type ReportContent } from '@kd/domain';

/** Column headers of the report, also what a reader (or a test) looks for. */
export const reportSheetNames = { summary: 'Tổng hợp', units: 'Chi tiết đơn vị', late: 'Đơn vị trễ hạn' } as const;
export const summaryHeaders = ['Mốc thời gian', 'Hạn', 'Đơn vị', 'Phải thực hiện', 'Đã thực hiện', 'Đúng hạn', 'Trễ hạn', 'Quá hạn, chưa thực hiện', 'Chưa đến hạn', 'Chưa ghi nhận'] as const;
/** "Trực thuộc" is the unit directly above; the last column the board's child it sits under (a bloc in the province's report). */
export const unitHeaders = ['Mốc thời gian', 'Hạn', 'Đơn vị', 'Trực thuộc', 'Tình trạng', 'Thời điểm hoàn thành', 'Thuộc'] as const;
export const lateHeaders = [...unitHeaders, 'Số ngày chậm'] as const;

const HEADER_FILL = 'FFDDEBF7';
const TOTAL_FILL = 'FFFFF2CC';

const countCells = (c: Counts) => [c.expected, c.done, c.onTime, c.late, c.missing, c.open, c.unrecorded];
const when = (iso: string | null) => (iso ? formatVietnameseDateTime(new Date(iso)) : '');

function title(sheet: ExcelJS.Worksheet, content: ReportContent, width: number) {
  const lines = [
    `BÁO CÁO TIẾN ĐỘ KIỂM ĐIỂM, XẾP LOẠI CHẤT LƯỢNG NĂM ${content.year}`,
    `Nơi nhận: Ban Tổ chức — ${content.board.name}`,
    `Tính đến: ${formatVietnameseDateTime(new Date(content.asOf))} (giờ Việt Nam) · ${tickKindLabels[content.trigger]}`,
  ];
  lines.forEach((text, i) => {
    const row = sheet.getRow(i + 1);
    row.getCell(1).value = text;
    row.getCell(1).font = { bold: i === 0, size: i === 0 ? 13 : 11 };
    sheet.mergeCells(i + 1, 1, i + 1, width);
  });
}

function header(sheet: ExcelJS.Worksheet, rowNumber: number, headers: readonly string[]) {
  const row = sheet.getRow(rowNumber);
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  row.height = 32;
}

/**
 * The report as an .xlsx workbook, in Vietnamese, instants as dd/mm/yyyy HH:MM Vietnamese time:
 * a summary per milestone (each child of the board, then the board's total), every expected unit
 * with its status, and the late or missing units. Text is written as strings, never formulas.
 */
export async function writeReportXlsx(content: ReportContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kiểm điểm';
  workbook.created = new Date(content.asOf);

  const summary = workbook.addWorksheet(reportSheetNames.summary);
  summary.columns = [{ width: 40 }, { width: 26 }, { width: 42 }, ...Array.from({ length: 7 }, () => ({ width: 13 }))];
  title(summary, content, summaryHeaders.length);
  header(summary, 5, summaryHeaders);
  let r = 6;
  for (const m of content.milestones) {
    for (const g of m.groups) {
      summary.getRow(r).values = [m.title, m.deadline, g.name, ...countCells(g.counts)];
      r += 1;
    }
    const total = summary.getRow(r);
    total.values = [m.title, m.deadline, `Cộng: ${content.board.name}`, ...countCells(m.counts)];
    total.font = { bold: true };
    total.eachCell((cell) => (cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: TOTAL_FILL } }));
    r += 1;
  }
  summary.views = [{ state: 'frozen', ySplit: 5 }];

  const units = workbook.addWorksheet(reportSheetNames.units);
  units.columns = [{ width: 40 }, { width: 26 }, { width: 40 }, { width: 36 }, { width: 28 }, { width: 20 }, { width: 36 }];
  title(units, content, unitHeaders.length);
  header(units, 5, unitHeaders);
  r = 6;
  for (const m of content.milestones) {
    for (const u of m.units) {
      units.getRow(r).values = [m.title, m.deadline, u.name, u.parentName ?? u.groupName, completionStatusLabels[u.status], when(u.completedAt), u.groupName];
      r += 1;
    }
  }
  units.views = [{ state: 'frozen', ySplit: 5 }];

  const late = workbook.addWorksheet(reportSheetNames.late);
  late.columns = [{ width: 40 }, { width: 26 }, { width: 40 }, { width: 36 }, { width: 28 }, { width: 20 }, { width: 36 }, { width: 12 }];
  title(late, content, lateHeaders.length);
  header(late, 5, lateHeaders);
  r = 6;
  // Milestone by milestone, then by the unit above and the unit's name, the Vietnamese way.
  const order = new Map(content.milestones.map((m, i) => [m.milestoneId, i]));
  const sorted = lateUnits(content).sort((a, b) => order.get(a.milestoneId)! - order.get(b.milestoneId)! || compareText(a.parentName, b.parentName) || compareText(a.name, b.name));
  for (const u of sorted) {
    late.getRow(r).values = [u.title, u.deadline, u.name, u.parentName, completionStatusLabels[u.status], when(u.completedAt), u.groupName, u.daysOverdue];
    r += 1;
  }
  if (r === 6) late.getRow(6).values = ['Không có đơn vị trễ hạn.'];

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
