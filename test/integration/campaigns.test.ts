import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@kd/data';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';
import { identities, seedFixture, t1Members, t1Units } from '../support/fixture';
import { seedCampaigns } from '../../packages/local/src/seed-campaigns';
import { campaignApi } from './campaigns-helpers';
import { compareVietnameseNames } from '@kd/domain';

let store: Store;
let t: TestApp;
let api: ReturnType<typeof campaignApi>;
const { cell, baseCommittee, otherTenant } = identities;

beforeAll(async () => {
  store = await createTestStore('campaigns');
  await seedFixture(store);
  // Campaign definitions only: each test writes the facts it needs through the API.
  await seedCampaigns(store, { tenantId: 't1', units: t1Units, members: t1Members }, '2021-12-01T00:00:00.000Z', { results: false });
  t = await createTestApp(store, '2021-12-15T03:00:00.000Z');
  api = campaignApi(t);
});

describe('GET /campaigns/{year}', () => {
  it('gives the 2021 campaign of seed 000: rulebook, rating date, plans and milestones with their wording', async () => {
    const res = await api.send(cell, '/api/v1/campaigns/2021');
    expect(res.status).toBe(200);
    const c = await res.json();
    expect(c).toMatchObject({ year: 2021, rulebookId: 'r2019', overlayIds: ['s000-2021'], ratingDate: '2021-12-20', unitStatus: null });
    expect(c.plans.map((p: { number: string }) => p.number)).toEqual(['07-HD/ĐUK', '458-KH/ĐU', 'không số']);
    expect(c.plans[0]).toMatchObject({ date: '2021-12-06', unitId: 'b1' });
    expect(c.plans[1]).toMatchObject({ date: '2021-12-07', unitId: 'bc1' });
    expect(c.milestones.map((m: { event: string; deadline: string; actorKinds: string[] }) => [m.event, m.deadline, m.actorKinds])).toEqual([
      ['groupMeetingHeld', 'trước ngày 16/12/2021', ['group']],
      ['groupReportSent', 'trước ngày 20/12/2021', ['group']],
      ['cellResultsDecided', 'ngày 20/12/2021', ['cell']],
      ['dossierSubmitted', 'trước ngày 22/12/2021', ['cell', 'baseCell']],
      ['appraisalDone', 'từ ngày 23/12/2021 đến ngày 29/12/2021', ['baseCommittee', 'bloc']],
    ]);
  });

  it('with a unit: where it stands on each milestone; a group meeting recorded in time completes its milestone', async () => {
    const rec = await api.send(cell, `${api.base('g1')}/group-meeting`, 'POST', { heldOn: '2021-12-14' });
    expect(rec.status).toBe(200);
    expect(await rec.json()).toMatchObject({ event: 'groupMeetingHeld', unitId: 'g1', at: '2021-12-15T03:00:00.000Z', heldOn: '2021-12-14' });
    const res = await api.send(cell, '/api/v1/campaigns/2021?unitId=g1');
    const status = (await res.json()).unitStatus.milestones;
    expect(status[0]).toMatchObject({ event: 'groupMeetingHeld', applies: true, completedAt: '2021-12-15T03:00:00.000Z', onTime: true, overdue: false });
    expect(status[1]).toMatchObject({ event: 'groupReportSent', applies: true, completedAt: null, overdue: false });
    expect(status[2]).toMatchObject({ event: 'cellResultsDecided', applies: false });
    const notGroup = await api.send(cell, `${api.base('c1')}/group-meeting`, 'POST', {});
    expect(notGroup.status).toBe(422);
  });

  it('answers 404 for a year without a campaign and for another tenant', async () => {
    expect((await api.send(cell, '/api/v1/campaigns/2019')).status).toBe(404);
    expect((await api.send(otherTenant, '/api/v1/campaigns/2021')).status).toBe(404);
  });
});

describe('evaluation endpoints give the verdicts of docs/rulebooks.md (r2019 + s000-2021) through storage', () => {
  it('T06: 95 days of sick leave caps a good vote at complete, with a blocking violation', async () => {
    expect((await api.putFacts(cell, 'c1', 'M003', { sickLeaveDays: 40 + 35 + 20, decided: 'good' })).status).toBe(200);
    const e = await (await api.memberEvaluation(cell, 'c1', 'M003')).json();
    expect(e).toMatchObject({ memberId: 'M003', unitId: 'c1', year: 2021, rated: true, decided: 'good', maxAllowed: 'complete', final: 'complete' });
    expect(e.violations).toEqual([expect.objectContaining({ ruleId: 'R-SPEC-01', severity: 'blocking' })]);
    expect(e.violations[0].message).toContain('95 ngày');
  });

  it('T09: a member disciplined in the year is forced to incomplete', async () => {
    await api.putFacts(cell, 'c1', 'M004', { discipline: 'reprimand', selfProposed: 'good' });
    const e = await (await api.memberEvaluation(cell, 'c1', 'M004')).json();
    expect(e).toMatchObject({ rated: true, forced: 'incomplete', final: 'incomplete', maxAllowed: 'incomplete' });
  });

  it('T18 / T19: three absences, or 7 meetings without speaking, keep a member from excellent (R-CAP-LOCAL-01)', async () => {
    await api.putFacts(cell, 'c1', 'M005', { absences: 3, decided: 'excellent' });
    await api.putFacts(cell, 'c1', 'M006', { silentMeetings: 12 - 5, decided: 'excellent' });
    for (const id of ['M005', 'M006']) {
      const e = await (await api.memberEvaluation(cell, 'c1', id)).json();
      expect(e).toMatchObject({ rated: true, maxAllowed: 'good', final: 'good' });
      expect(e.violations.map((v: { ruleId: string }) => v.ruleId)).toEqual(['R-CAP-LOCAL-01']);
      expect(e.violations[0].message).toContain('không được xếp loại Hoàn thành xuất sắc nhiệm vụ');
    }
  });

  it('T17: the secretary rated above the collective breaks R-HEAD-01 (member and unit evaluations say so)', async () => {
    expect((await api.setCollective(cell, 'c1', 'good', 'good')).status).toBe(200);
    await api.putFacts(cell, 'c1', 'M001', { decided: 'excellent' });
    const e = await (await api.memberEvaluation(cell, 'c1', 'M001')).json();
    expect(e).toMatchObject({ maxAllowed: 'good', final: 'good' });
    expect(e.violations.map((v: { ruleId: string }) => v.ruleId)).toContain('R-HEAD-01');
    const u = await (await api.unitEvaluation(cell, 'c1')).json();
    expect(u.violations).toContainEqual(expect.objectContaining({ memberId: 'M001', ruleId: 'R-HEAD-01', severity: 'blocking' }));
  });

  it('T01: a member admitted on 01/08/2021 is not rated on 20/12/2021 but must write a review', async () => {
    const created = await t.request('/api/v1/units/c1/members', { as: cell, method: 'POST', body: JSON.stringify({ id: 'M100', fullName: 'Thạch Thị Sa Rinh', admittedOn: '2021-08-01' }) });
    expect(created.status).toBe(201);
    const e = await (await api.memberEvaluation(cell, 'c1', 'M100')).json();
    expect(e).toMatchObject({ rated: false, notRatedReason: 'newMember', reviewRequired: true, final: null, violations: [] });
  });

  it('T14: ten good and three excellent in a cell breach the cell quota (at most 2)', async () => {
    for (let i = 0; i < 13; i++) {
      const id = `Q${String(i).padStart(2, '0')}`;
      const res = await t.request('/api/v1/units/c2/members', { as: baseCommittee, method: 'POST', body: JSON.stringify({ id, fullName: `Nguyễn Văn Số ${i}`, admittedOn: '2010-01-01' }) });
      expect(res.status).toBe(201);
      expect((await api.putFacts(baseCommittee, 'c2', id, { decided: i < 3 ? 'excellent' : 'good' })).status).toBe(200);
    }
    await api.putFacts(baseCommittee, 'c2', 'M010', { decided: 'complete' });
    const u = await (await api.unitEvaluation(baseCommittee, 'c2')).json();
    expect(u.quota).toEqual({ excellent: 3, good: 10, cap: 2, withinCap: false });
    expect(u.violations).toContainEqual(expect.objectContaining({ memberId: null, ruleId: 'R-QUOTA-01', severity: 'blocking' }));
    // The base committee's own evaluation covers its whole subtree and the same rule at its level.
    const bc = await (await api.unitEvaluation(baseCommittee, 'bc1')).json();
    expect(bc.quota.excellent).toBeGreaterThanOrEqual(3);
  });

  it('a member of another unit is not found under this unit; a group has no collective evaluation', async () => {
    expect((await api.memberEvaluation(cell, 'c1', 'M010')).status).toBe(404);
    expect((await api.unitEvaluation(cell, 'g1')).status).toBe(422);
  });
});

describe('the review of a unit', () => {
  it('lists the members in Vietnamese name order with facts, revisions and evaluations', async () => {
    const r = await api.review(cell, 'c1');
    const names = r.members.map((m: { member: { fullName: string } }) => m.member.fullName);
    expect(names).toEqual([...names].sort(compareVietnameseNames));
    expect(names[0]).toBe('Nguyễn Văn An');
    const m3 = r.members.find((m: { member: { id: string } }) => m.member.id === 'M003');
    expect(m3).toMatchObject({ rowRev: 1, facts: { sickLeaveDays: 95 }, evaluation: { final: 'complete' } });
    expect(r.ratingDate).toBe('2021-12-20');
    expect(r.blocking.length).toBeGreaterThan(0);
  });

  it('refuses a stale edit of the same row (two people editing: 409, nothing overwritten)', async () => {
    const r = await api.review(cell, 'c1');
    const row = r.members.find((m: { member: { id: string } }) => m.member.id === 'M007');
    const body = (decided: string) => ({ facts: { decided }, rowRev: row.rowRev, dossierRev: r.dossier.rev });
    const first = await api.send(cell, `${api.base('c1')}/members/M007/results`, 'PUT', body('good'));
    const second = await api.send(baseCommittee, `${api.base('c1')}/members/M007/results`, 'PUT', body('complete'));
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect((await second.json()).error.code).toBe('VERSION_CONFLICT');
    expect((await (await api.memberEvaluation(cell, 'c1', 'M007')).json()).decided).toBe('good');
  });

  it('stores the self-review (Mẫu 2A texts and checklist answers) and the collective review (Mẫu 1A), with revisions', async () => {
    const path = `${api.base('c1')}/members/M002/self-review`;
    expect(await (await api.send(cell, path)).json()).toMatchObject({ rev: 0, sections: {}, checklist: [] });
    const saved = await api.send(cell, path, 'PUT', {
      sections: { politicalThought: 'Luôn trung thành với lý tưởng của Đảng.' },
      checklist: [{ code: 'NQ04.01', answer: 'khong' }],
      groupComment: 'Tổ đảng đề nghị Hoàn thành tốt nhiệm vụ.',
      rev: 0,
    });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ rev: 1, checklist: [{ code: 'NQ04.01', answer: 'khong', note: null }] });
    const stale = await api.send(cell, path, 'PUT', { sections: {}, rev: 0 });
    expect(stale.status).toBe(409);
    const collective = `${api.base('c1')}/collective-review`;
    const c = await api.send(cell, collective, 'PUT', { sections: { democraticCentralism: 'Thực hiện nghiêm nguyên tắc tập trung dân chủ.' }, rev: 0 });
    expect(c.status).toBe(200);
    expect(await (await api.send(baseCommittee, collective)).json()).toMatchObject({ rev: 1, sections: { democraticCentralism: 'Thực hiện nghiêm nguyên tắc tập trung dân chủ.' } });
  });
});

describe('PUT /campaigns/{year}/units/{unitId}/collective', () => {
  it('accepts the public body {"proposed"?, "decided"} without rev (last write wins, audited), and answers 409 to a stale rev', async () => {
    const path = `${api.base('c2')}/collective`;
    const before = (await api.review(baseCommittee, 'c2')).dossier.rev as number;
    const plain = await api.send(baseCommittee, path, 'PUT', { decided: 'good' });
    expect(plain.status).toBe(200);
    expect(await plain.json()).toMatchObject({ collective: { decided: 'good' }, rev: before + 1 });
    const both = await api.send(baseCommittee, path, 'PUT', { proposed: 'excellent', decided: 'complete' });
    expect(await both.json()).toMatchObject({ collective: { proposed: 'excellent', decided: 'complete' }, rev: before + 2 });
    const stale = await api.send(baseCommittee, path, 'PUT', { decided: 'good', rev: before });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe('VERSION_CONFLICT');
    const current = await api.send(baseCommittee, path, 'PUT', { decided: 'good', rev: before + 2 });
    expect(current.status).toBe(200);
    const { entries } = await (await api.send(baseCommittee, '/api/v1/units/c2/audit?limit=10')).json();
    expect(entries.filter((e: { action: string }) => e.action === 'dossier.collective')).toHaveLength(3);
  });
});
