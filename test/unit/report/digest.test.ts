import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReport, lateUnits, reportEmail, type Milestone, type Unit, type UnitCompletions } from '@kd/domain';
import { lateHeaders, writeReportXlsx } from '@kd/files';

const u = (id: string, kind: Unit['kind'], path: string[], name: string): Unit => ({
  id, name, kind, path, parentId: path.at(-2) ?? null, foundedOn: '2010-01-01', closedOn: null, sector: null, version: 1,
});
const milestone = (id: string, title: string, event: Milestone['event'], actorKinds: Milestone['actorKinds'], date: string): Milestone => ({ id, title, event, actorKinds, wording: 'before', date, fromDate: null });
const milestones = [
  milestone('group-meeting', 'Các tổ đảng họp kiểm điểm đảng viên ở tổ', 'groupMeetingHeld', ['group'], '2026-11-18'),
  milestone('cell-results', 'Chi bộ họp kiểm điểm, biểu quyết xếp loại chi bộ và đảng viên', 'cellResultsDecided', ['cell', 'baseCell'], '2026-11-20'),
  milestone('dossier', 'Chi bộ gửi hồ sơ kiểm điểm, xếp loại lên cấp trên', 'dossierSubmitted', ['cell', 'baseCell'], '2026-11-25'),
  milestone('base-appraisal', 'Đảng ủy cơ sở thẩm định, quyết định xếp loại chi bộ và đảng viên', 'appraisalDone', ['baseCommittee'], '2026-11-30'),
  milestone('upper-appraisal', 'Cấp ủy cấp trên trực tiếp cơ sở thẩm định, quyết định xếp loại tổ chức cơ sở đảng', 'appraisalDone', ['bloc'], '2026-12-15'),
];

/**
 * A province the size of the demo's busiest report (Vĩnh Long 2026 on 01/12/2026): four committees
 * above base organisations with nine base committees of five cells each, and two ward committees
 * whose residential cells sit directly under them — each ward with its own "Chi bộ Khóm 2".
 */
function province() {
  const tree: Unit[] = [u('vl', 'province', ['vl'], 'Tỉnh ủy Vĩnh Long')];
  const completions = new Map<string, UnitCompletions>();
  let n = 0;
  const at = (day: string, time = '09:00') => new Date(`${day}T${time}:00+07:00`).toISOString();
  const cell = (id: string, path: string[], name: string) => {
    tree.push(u(id, 'cell', [...path, id], name));
    const i = n++;
    completions.set(id, {
      cellResultsDecided: i % 4 === 0 ? at('2026-11-18') : i % 4 === 1 ? at('2026-11-23') : null,
      dossierSubmitted: i % 5 === 0 ? at('2026-11-24') : null,
    });
  };
  for (const [w, ward] of [['ld', 'Đảng ủy phường Long Đức'], ['tv', 'Đảng ủy phường Trà Vinh']] as const) {
    tree.push(u(w, 'bloc', ['vl', w], ward));
    for (const k of [1, 2, 3]) {
      tree.push(u(`${w}-k${k}`, 'cell', ['vl', w, `${w}-k${k}`], `Chi bộ Khóm ${k}`));
      completions.set(`${w}-k${k}`, {});
    }
  }
  for (const [b, bloc] of [['cq', 'Đảng ủy các cơ quan Đảng tỉnh'], ['ub', 'Đảng ủy Ủy ban nhân dân tỉnh'], ['ct', 'Đảng ủy Công an tỉnh'], ['qs', 'Đảng ủy Quân sự tỉnh']] as const) {
    tree.push(u(b, 'bloc', ['vl', b], bloc));
    for (let s = 1; s <= 9; s++) {
      const bc = `${b}-s${s}`;
      tree.push(u(bc, 'baseCommittee', ['vl', b, bc], `Đảng ủy Sở ${b.toUpperCase()} ${String(s).padStart(2, '0')}`));
      completions.set(bc, { appraisalDone: s % 3 === 0 ? at('2026-11-30', '10:00') : null });
      for (let c = 1; c <= 5; c++) cell(`${bc}-c${c}`, ['vl', b, bc], `Chi bộ ${c} Sở ${b.toUpperCase()} ${s}`);
    }
  }
  return buildReport({
    tenant: 'vinh-long',
    board: tree[0]!,
    subtree: tree,
    campaign: { year: 2026, milestones },
    completions,
    recordable: new Set(['cellResultsDecided', 'dossierSubmitted', 'appraisalDone']),
    now: new Date('2026-12-01T07:00:00+07:00'),
    tickId: 'daily#2026-12-01',
    trigger: 'daily',
  });
}

describe('the deadline e-mail of the busiest report, as a digest', () => {
  const content = province();
  const links = { report: 'https://kiem-diem.example/units/vl/reports/r-1', lateUnits: 'https://kiem-diem.example/units/vl/late-units?year=2026' };
  const email = reportEmail(content, links);
  const lines = email.text.split('\n');

  it('stays under 100 lines for about three hundred late items, with the totals per milestone and per child of the province', () => {
    expect(lateUnits(content).length).toBeGreaterThan(280);
    expect(lines.length).toBeLessThan(100);
    expect(email.text).toContain(`Danh sách đầy đủ ${lateUnits(content).length} lượt trễ hạn hoặc chưa thực hiện: tệp đính kèm bao-cao-tien-do-vl-01-12-2026.xlsx và trang ${links.lateUnits}`);
    expect(email.text).toContain(`Báo cáo trên hệ thống: ${links.report}`);
    expect(email.text).toContain('1. Chi bộ họp kiểm điểm, biểu quyết xếp loại chi bộ và đảng viên (trước ngày 20/11/2026): phải thực hiện 186; đúng hạn 45; trễ hạn 45; quá hạn, chưa thực hiện 96.');
    expect(email.text).toContain('- Đảng ủy Ủy ban nhân dân tỉnh: trễ hạn ');
    // A milestone no unit acts on (no tổ đảng in this tree) is left out; a milestone still open says so.
    expect(email.text).not.toContain('Các tổ đảng họp kiểm điểm');
    expect(email.text).toContain('chưa đến hạn 6');
    expect(email.html).toContain(links.lateUnits);
  });

  it('names the ten most overdue units with their direct parent, each milestone title once per group', () => {
    const ranked = lines.filter((l) => /^ {2}\d+\. /.test(l));
    expect(ranked).toHaveLength(10);
    // Each unit with the unit directly above it, never the committee its base committee sits under.
    expect(ranked.find((l) => l.includes('Chi bộ 3 Sở CQ 1'))).toBe('  7. Chi bộ 3 Sở CQ 1 — trực thuộc Đảng ủy Sở CQ 01: quá hạn 12 ngày, chưa thực hiện; chậm thêm 1 mốc khác');
    for (const l of ranked) expect(l).not.toContain('Đảng ủy các cơ quan Đảng tỉnh');
    // The two "Chi bộ Khóm 2" are told apart by their ward.
    expect(ranked.filter((l) => l.includes('Chi bộ Khóm 2 — trực thuộc ')).map((l) => l.replace(/^ {2}\d+\. /, '').split(':')[0])).toEqual([
      'Chi bộ Khóm 2 — trực thuộc Đảng ủy phường Long Đức',
      'Chi bộ Khóm 2 — trực thuộc Đảng ủy phường Trà Vinh',
    ]);
    for (const m of milestones) {
      const times = lines.filter((l) => l.includes(m.title)).length;
      expect(times, m.title).toBeLessThanOrEqual(2);
    }
    expect(lines.filter((l) => l === 'Chi bộ họp kiểm điểm, biểu quyết xếp loại chi bộ và đảng viên (trước ngày 20/11/2026):')).toHaveLength(1);
  });

  it('attaches the full list as .xlsx: every late item with its direct parent and days overdue, read back by ExcelJS', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeReportXlsx(content)) as never);
    const sheet = book.getWorksheet('Đơn vị trễ hạn')!;
    expect((sheet.getRow(5).values as unknown[]).slice(1)).toEqual([...lateHeaders]);
    const rows = (sheet.getSheetValues().slice(6) as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    expect(rows).toHaveLength(lateUnits(content).length);
    const khom2 = rows.filter((r) => r[2] === 'Chi bộ Khóm 2' && r[0] === milestones[1]!.title);
    expect(khom2.map((r) => [r[3], r[4], r[7]])).toEqual([
      ['Đảng ủy phường Long Đức', 'Quá hạn, chưa thực hiện', 12],
      ['Đảng ủy phường Trà Vinh', 'Quá hạn, chưa thực hiện', 12],
    ]);
    const lateCell = rows.find((r) => r[2] === 'Chi bộ 2 Sở CQ 1' && r[0] === milestones[1]!.title)!;
    expect([lateCell[3], lateCell[4], lateCell[5], lateCell[6], lateCell[7]]).toEqual(['Đảng ủy Sở CQ 01', 'Trễ hạn', '23/11/2026 09:00', 'Đảng ủy các cơ quan Đảng tỉnh', 4]);
  });
});
