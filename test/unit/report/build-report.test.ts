import { describe, expect, it } from 'vitest';
import { buildReport, lateUnits, completionStatus, remindersDue, type Milestone, type Unit } from '@kd/domain';

const u = (id: string, kind: Unit['kind'], path: string[], name = id): Unit => ({
  id, name, kind, path, parentId: path.at(-2) ?? null, foundedOn: '2010-01-01', closedOn: null, sector: null, version: 1,
});
const tree = [
  u('p', 'province', ['p'], 'Tỉnh ủy'),
  u('b1', 'bloc', ['p', 'b1'], 'Đảng ủy Khối'),
  u('bc1', 'baseCommittee', ['p', 'b1', 'bc1']),
  u('c1', 'cell', ['p', 'b1', 'bc1', 'c1']),
  u('c2', 'cell', ['p', 'b1', 'bc1', 'c2']),
  u('b2', 'bloc', ['p', 'b2'], 'Huyện ủy'),
  u('bc2', 'baseCommittee', ['p', 'b2', 'bc2']),
  u('c3', 'cell', ['p', 'b2', 'bc2', 'c3']),
];
const dossier: Milestone = { id: 'dossier', title: 'Gửi hồ sơ', event: 'dossierSubmitted', actorKinds: ['cell'], wording: 'before', date: '2021-12-22', fromDate: null };
const meeting: Milestone = { id: 'group', title: 'Tổ đảng họp', event: 'groupMeetingHeld', actorKinds: ['cell'], wording: 'before', date: '2021-12-16', fromDate: null };

describe('completeness and timeliness per milestone', () => {
  it('each milestone names its completing event; 23:30 on 21/12 is on time for "trước ngày 22/12", 00:10 on 22/12 is late', () => {
    const now = new Date('2021-12-22T07:00:00+07:00');
    expect(completionStatus(dossier, '2021-12-21T23:30:00+07:00', now, true)).toBe('onTime');
    expect(completionStatus(dossier, '2021-12-22T00:10:00+07:00', now, true)).toBe('late');
    expect(completionStatus(dossier, null, now, true)).toBe('missing');
    expect(completionStatus(dossier, null, new Date('2021-12-21T23:59:00+07:00'), true)).toBe('open');
    expect(completionStatus(meeting, null, now, false)).toBe('unrecorded');
  });

  it('counts expected, done, on time, late and missing for each bloc and for the province', () => {
    const report = buildReport({
      tenant: 't',
      board: tree[0]!,
      subtree: tree,
      campaign: { year: 2021, milestones: [dossier, meeting] },
      completions: new Map([
        ['c1', { dossierSubmitted: '2021-12-21T16:30:00.000Z' }],
        ['c2', { dossierSubmitted: '2021-12-21T17:10:00.000Z' }],
      ]),
      recordable: new Set(['dossierSubmitted']),
      now: new Date('2021-12-22T07:00:00+07:00'),
      tickId: 'daily#2021-12-22',
      trigger: 'daily',
    });
    const [d, m] = report.milestones;
    expect(d!.event).toBe('dossierSubmitted');
    expect(d!.deadline).toBe('trước ngày 22/12/2021');
    expect(d!.counts).toEqual({ expected: 3, done: 2, onTime: 1, late: 1, missing: 1, open: 0, unrecorded: 0 });
    expect(d!.groups.map((g) => [g.name, g.counts.onTime, g.counts.late, g.counts.missing])).toEqual([
      ['Đảng ủy Khối', 1, 1, 0],
      ['Huyện ủy', 0, 0, 1],
    ]);
    expect(m!.recordable).toBe(false);
    expect(m!.counts.unrecorded).toBe(3);
    expect(lateUnits(report).map((l) => [l.unitId, l.status])).toEqual([
      ['c2', 'late'],
      ['c3', 'missing'],
    ]);
  });

  it('does not count an event recorded after the report time', () => {
    const report = buildReport({
      tenant: 't', board: tree[1]!, subtree: tree.filter((x) => x.path.includes('b1')),
      campaign: { year: 2021, milestones: [dossier] },
      completions: new Map([['c2', { dossierSubmitted: '2021-12-21T17:10:00.000Z' }]]),
      recordable: new Set(['dossierSubmitted']),
      now: new Date('2021-12-22T00:00:00+07:00'), tickId: 'x', trigger: 'due',
    });
    expect(report.milestones[0]!.units.map((x) => [x.unitId, x.status])).toEqual([['c1', 'missing'], ['c2', 'missing']]);
    expect(report.milestones[0]!.groups.map((g) => g.unitId)).toEqual(['bc1']);
  });
});

describe('reminders', () => {
  it('go N days before the last day to the expected units that have not acted, once per unit', () => {
    const at = new Date('2021-12-19T07:00:00+07:00');
    const report = buildReport({
      tenant: 't', board: tree[0]!, subtree: tree, campaign: { year: 2021, milestones: [dossier] },
      completions: new Map([['c1', { dossierSubmitted: '2021-12-18T10:00:00+07:00' }]]),
      recordable: new Set(['dossierSubmitted']), now: at, tickId: 'daily#2021-12-19', trigger: 'daily',
    });
    const due = remindersDue(report.milestones, [dossier], at, [2], (id) => id === 'c3');
    expect(due.map((r) => [r.unitId, r.milestone.deadline])).toEqual([['c2', 'trước ngày 22/12/2021']]);
    expect(remindersDue(report.milestones, [dossier], new Date('2021-12-20T07:00:00+07:00'), [2], () => false)).toEqual([]);
  });
});
