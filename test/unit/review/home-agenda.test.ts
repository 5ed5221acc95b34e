import { describe, expect, it } from 'vitest';
import { appraisalStanding, defaultAppraisalLevels, homeAgenda, homeDateLine, milestoneStatuses, type HomeInput, type Milestone } from '@kd/domain';

const milestone = (id: string, date: string, event: Milestone['event'] = 'dossierSubmitted'): Milestone => ({ id, title: `Mốc ${id}`, event, actorKinds: ['cell'], wording: 'before', date, fromDate: null });
// 15/12/2021 10:00 in Hà Nội.
const now = new Date('2021-12-15T03:00:00Z');

const input = (over: Partial<HomeInput> = {}): HomeInput => ({
  year: 2021,
  unit: { unitId: 'bc1', name: 'Đảng ủy Sở Y tế', parentName: 'Đảng ủy Khối' },
  ownDossier: null,
  below: [],
  cells: [],
  members: [],
  milestones: [],
  ...over,
});

describe('the home agenda', () => {
  it('lists the dossiers the caller appraises by the plan, with their parent, and not those of other levels', () => {
    const below = [
      { unitId: 'c2', name: 'Chi bộ Văn phòng Sở', parentName: 'Đảng ủy Sở Y tế', state: 'submitted', standing: 'appraiser', returnReason: null },
      { unitId: 'c9', name: 'Chi bộ Văn phòng Sở', parentName: 'Đảng ủy Sở Tài chính', state: 'submitted', standing: 'takeOver', returnReason: null },
      { unitId: 'c1', name: 'Chi bộ Bệnh viện Phổi', parentName: 'Đảng ủy Sở Y tế', state: 'returned', standing: 'appraiser', returnReason: 'Thiếu biên bản' },
    ] as const;
    const items = homeAgenda(input({ below, cells: [{ unitId: 'c2', name: 'Chi bộ Văn phòng Sở', parentName: 'Đảng ủy Sở Y tế', meetingRecorded: false }] }), now);
    expect(items.map((i) => [i.kind, i.entries.length])).toEqual([['toAppraise', 1], ['returned', 1], ['missingMinutes', 1]]);
    expect(items[0]!.entries[0]).toMatchObject({ unitId: 'c2', detail: 'trực thuộc Đảng ủy Sở Y tế' });
    expect(items[1]!.entries[0]!.detail).toBe('trực thuộc Đảng ủy Sở Y tế — lý do: Thiếu biên bản');
  });

  it('shows deadlines of the next seven days and overdue ones, soonest first, in dd/mm/yyyy; nothing met or further away', () => {
    const ms = [milestone('a', '2021-12-20'), milestone('b', '2021-12-10', 'cellResultsDecided'), milestone('c', '2022-01-20', 'groupMeetingHeld'), milestone('d', '2021-12-18', 'groupReportSent')];
    const statuses = milestoneStatuses(ms, 'cell', { groupReportSent: '2021-12-14T01:00:00Z' }, now);
    const [deadlines] = homeAgenda(input({ milestones: statuses }), now);
    expect(deadlines!.entries.map((e) => [e.label, e.detail, e.overdue])).toEqual([
      ['Mốc b', 'quá hạn (trước ngày 10/12/2021)', true],
      ['Mốc a', 'trước ngày 20/12/2021', false],
    ]);
  });

  it('lists a cell’s own returned dossier with its reason and the self-reviews not yet written, names sorted the Vietnamese way', () => {
    const items = homeAgenda(
      input({
        unit: { unitId: 'c1', name: 'Chi bộ Bệnh viện Phổi', parentName: 'Đảng ủy Sở Y tế' },
        ownDossier: { state: 'returned', returnReason: 'Bổ sung biên bản' },
        members: [
          { memberId: 'M3', fullName: 'Trần Thị Ánh', written: false },
          { memberId: 'M2', fullName: 'Nguyễn Văn An', written: false },
          { memberId: 'M1', fullName: 'Lê Hồng Vũ', written: true },
        ],
      }),
      now,
    );
    expect(items.map((i) => i.kind)).toEqual(['returned', 'missingSelfReview']);
    expect(items[1]!.entries.map((e) => e.label)).toEqual(['Nguyễn Văn An', 'Trần Thị Ánh']);
    expect(homeDateLine(new Date('2021-12-15T18:00:00Z'))).toBe('Hôm nay 16/12/2021');
    expect(homeAgenda(input(), now)).toEqual([]);
  });
});

describe('who appraises a dossier (HD 43-HD/BTCTW mục 3, the plan’s levels)', () => {
  const tree = [{ id: 'p1', kind: 'province' }, { id: 'b1', kind: 'bloc' }, { id: 'bc1', kind: 'baseCommittee' }] as const;
  it('is the base committee for its cells; the province may take over; the bloc in between may not', () => {
    const cell = { kind: 'cell' } as const;
    expect(appraisalStanding(cell, tree, defaultAppraisalLevels, { unit: 'bc1', role: 'base_committee' })).toBe('appraiser');
    expect(appraisalStanding(cell, tree, defaultAppraisalLevels, { unit: 'b1', role: 'bloc_board' })).toBe('outside');
    expect(appraisalStanding(cell, tree, defaultAppraisalLevels, { unit: 'p1', role: 'province_board' })).toBe('takeOver');
    expect(appraisalStanding(cell, tree, defaultAppraisalLevels, { unit: 'p1', role: 'viewer' })).toBe('outside');
    expect(appraisalStanding({ kind: 'baseCommittee' }, tree.slice(0, 2), defaultAppraisalLevels, { unit: 'b1', role: 'bloc_board' })).toBe('appraiser');
    expect(appraisalStanding(cell, tree, { ...defaultAppraisalLevels, cell: 'parent' }, { unit: 'bc1', role: 'base_committee' })).toBe('appraiser');
  });
});
