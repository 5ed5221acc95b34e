import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { emptyFacts, resultsColumns, rosterColumns, validateResultsRows, validateRosterRows, type MemberFacts } from '@kd/domain';
import { XLSX_CONTENT_TYPE, readTable, resultsTemplate, rosterTemplate } from '@kd/files';

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
const validationsOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
const letter = (i: number) => String.fromCharCode(65 + i);

const members = [
  { id: 'DV001', fullName: 'Nguyễn Văn An' },
  { id: 'DV002', fullName: 'Trần Thị Bình' },
  { id: 'DV003', fullName: 'Lê Văn Cường' },
];
const existing = new Map<string, MemberFacts>([
  ['DV002', { ...emptyFacts(), absences: 1, maternityLeave: true, discipline: 'reprimand', civilServantRating: 'good', selfProposed: 'good', decided: 'complete', votesFor: 9, note: 'Đã có' }],
]);

describe('resultsTemplate', () => {
  it('has a frozen header row, pre-filled members and facts, drop-down lists and an instructions sheet', async () => {
    const wb = await load(await resultsTemplate({ unitName: 'Chi bộ Bệnh viện Phổi', year: 2021, members, existing }));
    const [sheet, help] = wb.worksheets;
    if (!sheet || !help) throw new Error('two sheets expected');
    expect(sheet.name).toBe('Kết quả 2021');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(resultsColumns.map((c) => c.header));
    expect(sheet.getCell('A3').value).toBe('DV002');
    expect(sheet.getCell('B3').value).toBe('Trần Thị Bình');
    expect(sheet.getCell('F3').value).toBe('Có');
    expect(sheet.getCell('G3').value).toBe('Khiển trách');
    expect(sheet.getCell('R3').value).toBe('Hoàn thành nhiệm vụ');
    expect(sheet.getCell('F2').value).toBeNull();

    const validations = validationsOf(sheet);
    const at = (key: string) => {
      const i = resultsColumns.findIndex((c) => c.key === key);
      // exceljs expands a validated range to one entry per cell when it loads a file.
      expect(validations[`${letter(i)}505`]).toBeUndefined();
      expect(validations[`${letter(i)}504`]).toEqual(validations[`${letter(i)}2`]);
      return validations[`${letter(i)}2`];
    };
    expect(at('decided')).toMatchObject({ type: 'list', formulae: ['"Hoàn thành xuất sắc nhiệm vụ,Hoàn thành tốt nhiệm vụ,Hoàn thành nhiệm vụ,Không hoàn thành nhiệm vụ"'] });
    expect(at('maternityLeave')).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    expect(at('discipline')).toMatchObject({ type: 'list', formulae: ['"Khiển trách,Cảnh cáo,Cách chức"'] });
    expect(at('monthsAtPreviousCell')).toMatchObject({ type: 'whole', operator: 'between' });

    expect(help.name).toBe('Hướng dẫn');
    const texts: string[] = [];
    help.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts[0]).toContain('Chi bộ Bệnh viện Phổi');
    for (const c of resultsColumns) expect(texts).toContain(c.header);
    expect(texts.some((t) => t.includes('dd/mm/yyyy'))).toBe(true);
  });

  it('round-trips: template → filled in Excel → read → validated equals what was filled', async () => {
    const wb = await load(await resultsTemplate({ unitName: 'Chi bộ A', year: 2021, members, existing }));
    const sheet = wb.worksheets[0];
    if (!sheet) throw new Error('sheet');
    const set = (row: number, key: string, value: ExcelJS.CellValue) => {
      sheet.getCell(row, resultsColumns.findIndex((c) => c.key === key) + 1).value = value;
    };
    set(2, 'absences', 3);
    set(2, 'taskCompletionPercent', '87,5');
    set(2, 'decided', 'HTTNV');
    set(2, 'selfProposed', 'Hoàn thành xuất sắc nhiệm vụ');
    set(2, 'degradationConcluded', 'x');
    set(2, 'note', '=không phải công thức');
    set(4, 'absentFromRatingMeeting', 'Có');
    set(4, 'monthsAtPreviousCell', { formula: '2*3', result: 6 });
    const filled = Buffer.from(await wb.xlsx.writeBuffer());

    const table = await readTable({ bytes: filled }, XLSX_CONTENT_TYPE);
    const roster = new Map(members.map((m) => [m.id, { fullName: m.fullName }]));
    const { rows, errors } = validateResultsRows(table, { roster });
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { row: 2, memberId: 'DV001', facts: { ...emptyFacts(), absences: 3, taskCompletionPercent: 87.5, decided: 'good', selfProposed: 'excellent', degradationConcluded: true, note: '=không phải công thức' } },
      { row: 3, memberId: 'DV002', facts: existing.get('DV002') },
      { row: 4, memberId: 'DV003', facts: { ...emptyFacts(), absentFromRatingMeeting: true, monthsAtPreviousCell: 6 } },
    ]);
  });

  it('writes text that looks like a formula as plain text, never as a formula', async () => {
    const hostile = ['=1+2', '+84912345678', '-SUM(A1)', '@cmd', '=HYPERLINK("http://evil","bấm")', '<b>An</b>'];
    const bytes = await resultsTemplate({ unitName: '=ĐơnVị', year: 2021, members: hostile.map((fullName, i) => ({ id: `DV${i}`, fullName })) });
    const wb = await load(bytes);
    const sheet = wb.worksheets[0];
    if (!sheet) throw new Error('sheet');
    hostile.forEach((text, i) => {
      const cell = sheet.getCell(i + 2, 2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      expect(cell.value).toBe(text);
    });
    expect(String(wb.worksheets[1]?.getCell('A1').value)).toContain('=ĐơnVị');
    const table = await readTable({ bytes }, XLSX_CONTENT_TYPE);
    expect(table.rows.map((r) => r.cells[1])).toEqual(hostile);
  });
});

describe('rosterTemplate', () => {
  it('round-trips member fields, dates as Excel dates, positions and booleans', async () => {
    const bytes = await rosterTemplate({
      unitName: 'Chi bộ Bệnh viện Phổi',
      members: [
        { id: '001234', fullName: 'Nguyễn Văn An', birthDate: '1980-02-29', admittedOn: '2005-02-03', officialOn: '2006-02-03', groupName: 'Tổ 1', partyPosition: 'secretary', civilServant: true, exempt: false },
        { id: 'DV002', fullName: 'Trần Thị Bình', admittedOn: '2024-08-31' },
      ],
    });
    const wb = await load(bytes);
    const sheet = wb.worksheets[0];
    if (!sheet) throw new Error('sheet');
    expect(sheet.name).toBe('Danh sách đảng viên');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getCell('D2').value).toEqual(new Date(Date.UTC(2005, 1, 3)));
    const position = rosterColumns.findIndex((c) => c.key === 'partyPosition');
    expect(validationsOf(sheet)[`${letter(position)}503`]).toMatchObject({ type: 'list', formulae: ['"Bí thư,Phó Bí thư,Ủy viên Ban Thường vụ,Cấp ủy viên"'] });
    expect(wb.worksheets[1]?.name).toBe('Hướng dẫn');

    sheet.getRow(4).values = ['DV003', 'Lê Văn Cường', '1/1/1990', '15/5/2015', null, 'Tổ 2', 'Chi ủy viên', 'Trưởng khoa', 'x'];
    const table = await readTable({ bytes: Buffer.from(await wb.xlsx.writeBuffer()) }, XLSX_CONTENT_TYPE);
    const { rows, errors } = validateRosterRows(table, { unitId: 'cell-1', membersElsewhere: new Map() });
    expect(errors).toEqual([]);
    expect(rows.map((r) => r.member)).toEqual([
      { id: '001234', unitId: 'cell-1', fullName: 'Nguyễn Văn An', birthDate: '1980-02-29', admittedOn: '2005-02-03', officialOn: '2006-02-03', groupName: 'Tổ 1', partyPosition: 'secretary', governmentPosition: null, civilServant: true, exempt: false, suspended: false, transferredInOn: null, temporaryAttachmentAt: null },
      { id: 'DV002', unitId: 'cell-1', fullName: 'Trần Thị Bình', birthDate: null, admittedOn: '2024-08-31', officialOn: null, groupName: null, partyPosition: null, governmentPosition: null, civilServant: false, exempt: false, suspended: false, transferredInOn: null, temporaryAttachmentAt: null },
      { id: 'DV003', unitId: 'cell-1', fullName: 'Lê Văn Cường', birthDate: '1990-01-01', admittedOn: '2015-05-15', officialOn: null, groupName: 'Tổ 2', partyPosition: 'committeeMember', governmentPosition: 'Trưởng khoa', civilServant: true, exempt: false, suspended: false, transferredInOn: null, temporaryAttachmentAt: null },
    ]);
  });
});
