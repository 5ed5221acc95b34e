import { describe, expect, it } from 'vitest';
import { Member, baseRulebook, parseOverlay, resolveRulebook, resolveRulebookFrom, evaluateUpload, resultsColumns, resultsColumnsFor, validateResultsRows, type Table } from '@kd/domain';

const r2019 = resolveRulebook('r2019', ['s000-2021']);
const r2023 = resolveRulebook('r2023');
const r2025 = resolveRulebook('r2025');
const roster = new Map([
  ['DV001', { fullName: 'Nguyễn Văn An' }],
  ['DV002', { fullName: 'Trần Thị Bình' }],
]);

const headersOf = (book: typeof r2025, part: 'accepted' | 'read' | 'template') => resultsColumnsFor(book)[part].map((c) => c.header);
const scoreHeaders = ['Điểm tiêu chí chung', 'Điểm kết quả thực hiện nhiệm vụ', 'Điểm tự chấm'];
const taskHeaders = ['Tỷ lệ nhiệm vụ chậm tiến độ (%)', 'Tỷ lệ nhiệm vụ vượt yêu cầu (%)', 'Đã khắc phục hết hạn chế đã chỉ ra', 'Vi phạm những điều đảng viên không được làm'];
const refused = (book: typeof r2025, header: string) => () => validateResultsRows({ headers: ['Mã đảng viên', header], rows: [] }, { roster, rulebook: book });

describe('results columns per rulebook', () => {
  it('r2019 keeps exactly its columns and refuses every 100-point column as unknown', () => {
    expect(headersOf(r2019, 'accepted')).toEqual(resultsColumns.map((c) => c.header));
    expect(headersOf(r2019, 'read')).toEqual(headersOf(r2019, 'accepted'));
    for (const h of [...scoreHeaders, ...taskHeaders]) expect(refused(r2019, h), h).toThrow(expect.objectContaining({ code: 'HEADER_UNKNOWN', details: { columns: [h] } }));
  });

  it('r2023 also accepts and reads the task columns, and refuses the scores', () => {
    expect(headersOf(r2023, 'accepted')).toEqual(expect.arrayContaining(taskHeaders));
    for (const h of scoreHeaders) expect(refused(r2023, h), h).toThrow(expect.objectContaining({ code: 'HEADER_UNKNOWN' }));
    expect(headersOf(r2023, 'read')).toEqual(headersOf(r2023, 'accepted'));
  });

  it('r2025 accepts every column; the ones it does not use are accepted and ignored, and left out of the template', () => {
    const accepted = headersOf(r2025, 'accepted');
    expect(accepted).toEqual(expect.arrayContaining([...resultsColumns.map((c) => c.header), ...scoreHeaders, ...taskHeaders]));
    const ignored = accepted.filter((h) => !headersOf(r2025, 'read').includes(h));
    expect(ignored).toEqual(['Số kỳ vắng sinh hoạt', 'Số kỳ không phát biểu', 'Xếp loại công chức, viên chức', 'Số tháng ở chi bộ cũ', 'Có nhận xét của chi bộ cũ']);
    expect(headersOf(r2025, 'template')).toEqual(headersOf(r2025, 'read'));
    const at = accepted.indexOf('Tỷ lệ hoàn thành nhiệm vụ (%)');
    expect(accepted.slice(at + 1, at + 8)).toEqual([...taskHeaders, ...scoreHeaders]);
  });

  it('one file serves two years: an r2019 column with anything in it is ignored under r2025', () => {
    const table: Table = {
      headers: ['Mã đảng viên', 'Số kỳ vắng sinh hoạt', 'Điểm tiêu chí chung', 'Điểm kết quả thực hiện nhiệm vụ', 'Tỷ lệ hoàn thành nhiệm vụ (%)', 'Tỉ lệ nhiệm vụ vượt yêu cầu (%)', 'Đã khắc phục hết hạn chế đã chỉ ra', 'Chi bộ xếp loại'],
      rows: [{ row: 2, cells: ['DV001', 'nhiều', '27,5', 62, 100, '35', 'Không', 'HTXSNV'] }],
    };
    const { rows, errors } = validateResultsRows(table, { roster, rulebook: r2025 });
    expect(errors).toEqual([]);
    expect(rows[0]!.facts).toMatchObject({ absences: 0, generalScore: 27.5, taskScore: 62, taskCompletionPercent: 100, exceedingPercent: 35, shortcomingsRemedied: false, decided: 'excellent' });
    expect(rows[0]!.facts).not.toHaveProperty('latePercent');
  });

  it('scores out of range are row errors on their column', () => {
    const table: Table = { headers: ['Mã đảng viên', 'Điểm tiêu chí chung', 'Điểm kết quả thực hiện nhiệm vụ'], rows: [{ row: 3, cells: ['DV002', 31, '70,5'] }] };
    const { rows, errors } = validateResultsRows(table, { roster, rulebook: r2025 });
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([[3, 'Điểm tiêu chí chung'], [3, 'Điểm kết quả thực hiện nhiệm vụ']]);
    for (const e of errors) expect(e.message).toMatch(/[ạảãàáâầấẩẫậăằắẳẵặđêềếểễệ]/u);
  });

  it('an overlay that adds a rule brings its columns back', () => {
    const book = resolveRulebookFrom(baseRulebook('r2025'), [
      parseOverlay({
        id: 'tinh-x-2025', kind: 'overlay', title: 'Quy định của tỉnh', appliesTo: ['r2025'], years: { from: 2025, to: null }, sources: ['QĐ 31-QĐ/TU'],
        rules: [{
          id: 'R-CAP-LOCAL-01', check: 'attendance', effect: 'cap', level: 'good', severity: 'blocking', params: { minAbsences: 3, minSilentMeetings: 6 },
          explanation: 'Đảng viên vắng sinh hoạt chi bộ từ 3 kỳ trở lên không được xếp loại Hoàn thành xuất sắc nhiệm vụ.', source: 'QĐ 31-QĐ/TU Điều 9',
        }],
      }),
    ]);
    expect(headersOf(book, 'read')).toEqual(expect.arrayContaining(['Số kỳ vắng sinh hoạt', 'Số kỳ không phát biểu']));
  });

  it('without a rulebook the upload reads the earlier columns as before', () => {
    expect(refused(r2025, 'Điểm tự chấm')).not.toThrow();
    expect(() => validateResultsRows({ headers: ['Mã đảng viên', 'Điểm tự chấm'], rows: [] }, { roster })).toThrow(expect.objectContaining({ code: 'HEADER_UNKNOWN' }));
  });
});

describe('an r2025 results file through validation and the engine (T25 cases)', () => {
  it('rates the rows as the T25 table says', () => {
    const headers = ['Mã đảng viên', 'Điểm tiêu chí chung', 'Điểm kết quả thực hiện nhiệm vụ', 'Tỷ lệ hoàn thành nhiệm vụ (%)', 'Tỷ lệ nhiệm vụ chậm tiến độ (%)', 'Tỷ lệ nhiệm vụ vượt yêu cầu (%)', 'Hình thức kỷ luật trong năm', 'Chi bộ xếp loại'];
    const lines: [string, ...(string | number | null)[]][] = [
      ['T25-01', 28, 62, 100, null, 30, null, 'HTXSNV'],
      ['T25-02', '27,9', 62, 100, null, 40, null, 'HTTNV'],
      ['T25-03', 30, 62, 100, null, 25, null, 'HTXSNV'],
      ['T25-04', 25, 50, 100, 10, null, null, 'HTNV'],
      ['T25-05', 20, '29,5', 100, null, null, null, null],
      ['T25-08', 28, 65, 100, null, 50, 'Khiển trách', null],
      ['T25-09', 25, null, 100, null, null, null, 'HTTNV'],
    ];
    const table: Table = { headers, rows: lines.map((cells, i) => ({ row: i + 2, cells })) };
    const members = new Map(lines.map(([id]) => [id, Member.parse({ id, unitId: 'CB', fullName: `Đảng viên ${id}`, admittedOn: '2010-01-01' })]));
    const { rows, errors } = validateResultsRows(table, { roster: members, rulebook: r2025 });
    expect(errors).toEqual([]);
    const { evaluations } = evaluateUpload({
      rulebook: r2025, year: 2025, campaignRatingDate: '2025-12-20', meetingDate: null, unit: { id: 'CB', kind: 'cell', foundedOn: null }, members, rows, collective: { proposed: null, decided: null }, adjustedCollective: null,
    });
    expect(evaluations.map((e) => [e.memberId, e.score, e.maxAllowed, e.final, e.notRatedReason])).toEqual([
      ['T25-01', 90, 'excellent', 'excellent', null],
      ['T25-02', 89.9, 'good', 'good', null],
      ['T25-03', 92, 'good', 'good', null],
      ['T25-04', 75, 'complete', 'complete', null],
      ['T25-05', 49.5, 'incomplete', 'incomplete', null],
      ['T25-08', 93, 'incomplete', 'incomplete', null],
      ['T25-09', null, 'excellent', null, 'pending'],
    ]);
  });
});
