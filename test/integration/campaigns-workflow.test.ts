import { beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '@kd/data';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';
import { identities, seedFixture, t1Members, t1Units } from '../support/fixture';
import { seedCampaigns } from '../../packages/local/src/seed-campaigns';
import { campaignApi } from './campaigns-helpers';

let store: Store;
let t: TestApp;
let api: ReturnType<typeof campaignApi>;
const { cell, baseCommittee, bloc, otherBaseCommittee } = identities;
type V = { memberId: string | null; ruleId: string; severity: string; message: string };

beforeAll(async () => {
  store = await createTestStore('campaigns-flow');
  await seedFixture(store);
  // The demo data of seed 000's cell: a draft with a member voted excellent despite 3 absences.
  await seedCampaigns(store, { tenantId: 't1', units: t1Units, members: t1Members }, '2021-12-01T00:00:00.000Z');
  t = await createTestApp(store, '2021-12-20T10:00:00.000Z');
  api = campaignApi(t);
});

describe('the review workflow of the demo flow (seed 000)', () => {
  it('starts from the seeded draft: the member with 3 absences cannot be excellent, and the collective is not rated yet', async () => {
    const r = await api.review(cell, 'c1');
    expect(r.dossier).toMatchObject({ state: 'draft', collective: { proposed: 'good', decided: null } });
    const m2 = r.members.find((m: { member: { id: string } }) => m.member.id === 'M002');
    expect(m2.evaluation).toMatchObject({ decided: 'excellent', maxAllowed: 'good', final: 'good' });
    expect(r.blocking.map((v: V) => [v.memberId, v.ruleId])).toEqual([
      ['M002', 'R-CAP-LOCAL-01'],
      [null, 'R-ELIG-05'],
    ]);
    const sick = r.members.find((m: { member: { id: string } }) => m.member.id === 'M003');
    expect(sick.evaluation).toMatchObject({ final: 'complete', violations: [] });
    const disciplined = r.members.find((m: { member: { id: string } }) => m.member.id === 'M004');
    expect(disciplined.evaluation).toMatchObject({ forced: 'incomplete', final: 'incomplete' });
  });

  it('refuses the submission with the list of blocking violations, in Vietnamese', async () => {
    const res = await api.submit(cell, 'c1');
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('SUBMISSION_BLOCKED');
    expect(body.error.details.violations).toContainEqual(expect.objectContaining({ memberId: 'M002', ruleId: 'R-CAP-LOCAL-01', severity: 'blocking' }));
    expect(body.error.details.violations.find((v: V) => v.memberId === 'M002').message).toContain('vắng 3 kỳ sinh hoạt');
    expect((await api.review(cell, 'c1')).dossier.state).toBe('draft');
  });

  it('submits once the blocking issues are fixed; edits are then refused (409 UNIT_LOCKED)', async () => {
    expect((await api.putFacts(cell, 'c1', 'M002', { absences: 3, selfProposed: 'excellent', groupProposed: 'excellent', decided: 'good' })).status).toBe(200);
    expect((await api.setCollective(cell, 'c1', 'good')).status).toBe(200);
    const res = await api.submit(cell, 'c1');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ state: 'submitted', submittedAt: '2021-12-20T10:00:00.000Z' });
    const edit = await api.putFacts(cell, 'c1', 'M007', { decided: 'complete' });
    expect(edit.status).toBe(409);
    expect((await edit.json()).error.code).toBe('UNIT_LOCKED');
    expect((await api.setCollective(cell, 'c1', 'excellent')).status).toBe(409);
    expect((await api.submit(cell, 'c1')).status).toBe(409);
  });

  it('lets only a strict upper level appraise', async () => {
    const r = await api.review(cell, 'c1');
    const own = await api.send(cell, `${api.base('c1')}/approve`, 'POST', { rev: r.dossier.rev });
    expect(own.status).toBe(403);
    const outside = await api.send(otherBaseCommittee, `${api.base('c1')}/return`, 'POST', { rev: r.dossier.rev, reason: 'Không thuộc phạm vi' });
    expect(outside.status).toBe(403);
    expect((await outside.json()).error.code).toBe('OUTSIDE_SUBTREE');
    const self = await api.send(baseCommittee, `${api.base('bc1')}/approve`, 'POST', { rev: 0 });
    expect((await self.json()).error.code).toBe('UPPER_LEVEL_ONLY');
    // The plan gives a cell to its base committee (HD 43-HD/BTCTW mục 3): the bloc above only sees it,
    // and the province takes it over only with a reason.
    const bloc1 = await api.send(bloc, `${api.base('c1')}/approve`, 'POST', { rev: r.dossier.rev });
    expect([bloc1.status, (await bloc1.json()).error.code]).toEqual([403, 'NOT_THE_APPRAISER']);
    const silent = await api.send(identities.province, `${api.base('c1')}/approve`, 'POST', { rev: r.dossier.rev });
    expect([silent.status, (await silent.json()).error.code]).toEqual([422, 'TAKEOVER_REASON_REQUIRED']);
    expect((await api.review(cell, 'c1')).dossier.state).toBe('submitted');
  });

  it('returns the dossier with a reason the unit sees; the unit corrects it and submits again', async () => {
    const listed = await (await api.send(baseCommittee, `${api.base('bc1')}/appraisals`)).json();
    expect(listed.units.find((u: { unit: { id: string } }) => u.unit.id === 'c1').dossier.state).toBe('submitted');
    let r = await api.review(baseCommittee, 'c1');
    const reason = 'Đồng chí Bùi Văn Dũng chưa có số phiếu tán thành; đề nghị bổ sung.';
    const ret = await api.send(baseCommittee, `${api.base('c1')}/return`, 'POST', { rev: r.dossier.rev, reason });
    expect(ret.status).toBe(200);
    r = await api.review(cell, 'c1');
    expect(r.dossier).toMatchObject({ state: 'returned', returnReason: reason });
    const first = r.dossier.firstSubmittedAt;
    expect(first).toBe(r.dossier.submittedAt);
    expect((await api.putFacts(cell, 'c1', 'M008', { decided: 'good', votesFor: 8 })).status).toBe(200);
    t.setNow('2021-12-23T02:00:00.000Z');
    const again = await api.submit(cell, 'c1');
    expect(again.status).toBe(200);
    // The milestone is judged by the first submission: a resubmission after a return is not late.
    expect(await again.json()).toMatchObject({ state: 'submitted', submittedAt: '2021-12-23T02:00:00.000Z', firstSubmittedAt: first });
  });

  it('approves with an adjustment (a member’s rating with its reason), locks the unit, and later edits are refused', async () => {
    const r = await api.review(baseCommittee, 'c1');
    const stale = await api.send(baseCommittee, `${api.base('c1')}/approve`, 'POST', { rev: r.dossier.rev - 1 });
    expect(stale.status).toBe(409);
    const res = await api.send(baseCommittee, `${api.base('c1')}/approve`, 'POST', {
      rev: r.dossier.rev,
      members: [{ memberId: 'M007', rating: 'complete', reason: 'Chưa hoàn thành chỉ tiêu chuyên môn quý IV.' }],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ state: 'approved', appraisedAt: '2021-12-23T02:00:00.000Z' });
    const e = await (await api.memberEvaluation(cell, 'c1', 'M007')).json();
    expect(e).toMatchObject({ decided: 'good', adjusted: 'complete', final: 'complete' });
    for (const res2 of [
      await api.putFacts(cell, 'c1', 'M009', { decided: 'complete' }),
      await api.setCollective(cell, 'c1', 'complete'),
      await api.send(cell, `${api.base('c1')}/members/M009/self-review`, 'PUT', { sections: {}, rev: 0 }),
      await api.send(cell, `${api.base('c1')}/collective-review`, 'PUT', { sections: {}, rev: 0 }),
    ]) {
      expect(res2.status).toBe(409);
      expect((await res2.json()).error.code).toBe('UNIT_LOCKED');
    }
    const again = await api.send(baseCommittee, `${api.base('c1')}/return`, 'POST', { rev: (await api.review(cell, 'c1')).dossier.rev, reason: 'Thử trả lại' });
    expect(again.status).toBe(409);
  });

  it('keeps every change and transition of the flow in the unit’s audit trail: who, when, before, after, why', async () => {
    const res = await t.request('/api/v1/units/c1/audit?limit=100', { as: bloc });
    const { entries } = await res.json();
    const actions = entries.map((e: { action: string }) => e.action).reverse();
    expect(actions).toEqual([
      'results.edit',
      'dossier.collective',
      'dossier.submit',
      'dossier.return',
      'results.edit',
      'dossier.submit',
      'dossier.approveWithAdjustments',
    ]);
    const byAction = (a: string) => entries.find((e: { action: string }) => e.action === a);
    expect(byAction('results.edit')).toMatchObject({ actor: { name: 'Lê Hồng Vũ', role: 'cell_secretary' }, target: 'M008' });
    expect(byAction('dossier.collective')).toMatchObject({ before: { collective: { proposed: 'good', decided: null } }, after: { collective: { decided: 'good' } } });
    expect(byAction('dossier.return')).toMatchObject({ actor: { role: 'base_committee' }, reason: expect.stringContaining('Bùi Văn Dũng') });
    expect(byAction('dossier.approveWithAdjustments')).toMatchObject({
      before: { state: 'submitted', members: [{ memberId: 'M007', decided: 'good', adjusted: null }] },
      after: { state: 'approved', members: [{ memberId: 'M007', rating: 'complete' }] },
      reason: 'Chưa hoàn thành chỉ tiêu chuyên môn quý IV.',
    });
    const first = entries.at(-1);
    expect(first.before).toMatchObject({ memberId: 'M002', facts: { decided: 'excellent' } });
    expect(first.after).toMatchObject({ memberId: 'M002', facts: { decided: 'good' } });
  });

  it('a base-committee cap breach blocks the base committee’s own submission, not its cells’', async () => {
    for (let i = 0; i < 13; i++) {
      const id = `Q${String(i).padStart(2, '0')}`;
      await t.request('/api/v1/units/c2/members', { as: baseCommittee, method: 'POST', body: JSON.stringify({ id, fullName: `Trần Văn Số ${i}`, admittedOn: '2010-01-01' }) });
      await api.putFacts(baseCommittee, 'c2', id, { decided: i < 3 ? 'excellent' : 'good' });
    }
    const bc = await api.review(baseCommittee, 'bc1');
    expect(bc.blocking).toContainEqual(expect.objectContaining({ memberId: null, ruleId: 'R-QUOTA-01' }));
    const refused = await api.submit(baseCommittee, 'bc1');
    expect(refused.status).toBe(422);
    // c1 (approved above, within its own cap) never saw the base-level breach on its list.
    const c1 = await api.review(cell, 'c1');
    expect(c1.blocking).toEqual([]);
  });

  it('records the cell meeting: the unit’s own rating date and the “cell results decided” event', async () => {
    // c2 is still a draft; its meeting is recorded on the day of the milestone.
    t.setNow('2021-12-20T10:00:00.000Z');
    const r = await api.review(baseCommittee, 'c2');
    const res = await api.send(baseCommittee, `${api.base('c2')}/cell-meeting`, 'POST', {
      heldOn: '2021-12-19', startTime: '14:00', location: 'Phòng họp Sở Y tế', chairMemberId: 'M010', clerkMemberId: 'Q05', rev: r.dossier.rev,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ meetingDate: '2021-12-19' });
    expect((await api.review(baseCommittee, 'c2')).ratingDate).toBe('2021-12-19');
    const status = (await (await api.send(baseCommittee, '/api/v1/campaigns/2021?unitId=c2')).json()).unitStatus.milestones;
    expect(status.find((m: { event: string }) => m.event === 'cellResultsDecided')).toMatchObject({ applies: true, completedAt: '2021-12-20T10:00:00.000Z', onTime: true });
    const c1Status = (await (await api.send(cell, '/api/v1/campaigns/2021?unitId=c1')).json()).unitStatus.milestones;
    expect(c1Status.find((m: { event: string }) => m.event === 'dossierSubmitted')).toMatchObject({ completedAt: '2021-12-20T10:00:00.000Z', onTime: true });
  });
});
