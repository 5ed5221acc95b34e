import { beforeAll, describe, expect, it } from 'vitest';
import type { MemberFactsInput } from '@kd/domain';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';
import { identities, seedFixture, t1Members, t1Units } from '../support/fixture';
import { seedCampaigns } from '../../packages/local/src/seed-campaigns';
import { campaignApi } from './campaigns-helpers';

/**
 * The r2019 member cases of docs/rulebooks.md ("Test cases") through the evaluation endpoint, end to end: the member is
 * created with the roster facts of the case, the unit records the year's facts, and
 * GET …/members/{memberId}/evaluation answers. (The engine's own table-driven tests are in
 * test/unit/evaluation; these prove the stored path gives the same verdicts.)
 */
let t: TestApp;
let api: ReturnType<typeof campaignApi>;
const as = identities.baseCommittee;

beforeAll(async () => {
  const store = await createTestStore('evaluation-cases');
  await seedFixture(store);
  await seedCampaigns(store, { tenantId: 't1', units: t1Units, members: t1Members }, '2021-12-01T00:00:00.000Z', { results: false });
  t = await createTestApp(store, '2021-12-15T03:00:00.000Z');
  api = campaignApi(t);
});

interface Case {
  id: string;
  title: string;
  profile?: Record<string, unknown>;
  facts: MemberFactsInput;
  expected: Record<string, unknown>;
  rules?: string[];
}

const cases: Case[] = [
  { id: 'T03', title: 'exempt from party work: not reviewed, not rated', profile: { exempt: true }, facts: { decided: 'good' }, expected: { rated: false, notRatedReason: 'exempt', final: null } },
  { id: 'T04', title: 'suspended from party activities: not rated', profile: { suspended: true }, facts: { decided: 'good' }, expected: { rated: false, notRatedReason: 'suspended', final: null } },
  { id: 'T05', title: 'a committee member suspended from committee work only is rated normally', profile: { partyPosition: 'committeeMember' }, facts: { decided: 'good' }, expected: { rated: true, final: 'good' } },
  { id: 'T08', title: 'maternity leave does not lower the rating of the time worked', facts: { maternityLeave: true, decided: 'good' }, expected: { rated: true, maxAllowed: 'excellent', final: 'good' } },
  { id: 'T11', title: 'transferred in after 8 months elsewhere without the sending cell’s comments: pending', profile: { transferredInOn: '2021-09-01' }, facts: { monthsAtPreviousCell: 8, previousCellComment: false, decided: 'good' }, expected: { rated: false, notRatedReason: 'pending', final: null }, rules: ['R-SPEC-03'] },
  { id: 'T12', title: 'transferred in after 4 months elsewhere: rated without them', profile: { transferredInOn: '2021-05-01' }, facts: { monthsAtPreviousCell: 4, decided: 'good' }, expected: { rated: true, final: 'good' } },
  { id: 'T13', title: 'temporarily attached elsewhere: rated here once the temporary cell’s comments are in', profile: { temporaryAttachmentAt: 'Chi bộ Trường Chính trị' }, facts: { temporaryCellComment: false, decided: 'good' }, expected: { rated: false, notRatedReason: 'pending' }, rules: ['R-SPEC-04'] },
  { id: 'T20', title: 'a civil servant rated good by the agency cannot be excellent in the party', profile: { civilServant: true }, facts: { civilServantRating: 'good', decided: 'excellent' }, expected: { rated: true, maxAllowed: 'good', final: 'good' }, rules: ['R-SPEC-08'] },
  { id: 'T21', title: 'a civil servant rated incomplete by the agency is incomplete in the party', profile: { civilServant: true }, facts: { civilServantRating: 'incomplete', decided: 'good' }, expected: { rated: true, final: 'incomplete' } },
  { id: 'T22', title: '45 % of the assigned targets: incomplete', facts: { taskCompletionPercent: 45, decided: 'good' }, expected: { rated: true, final: 'incomplete' } },
  { id: 'T32', title: 'absent from the rating meeting: not rated yet, to be rated later', facts: { absentFromRatingMeeting: true }, expected: { rated: false, notRatedReason: 'absent', final: null } },
];

describe('the evaluation endpoint gives the verdicts of docs/rulebooks.md (r2019 + s000-2021)', () => {
  for (const c of cases) {
    it(`${c.id}: ${c.title}`, async () => {
      const memberId = `E-${c.id}`;
      const created = await t.request('/api/v1/units/c2/members', {
        as,
        method: 'POST',
        body: JSON.stringify({ id: memberId, fullName: `Nguyễn Văn ${c.id}`, admittedOn: '2010-03-02', officialOn: '2011-03-02', ...c.profile }),
      });
      expect(created.status, await created.clone().text()).toBe(201);
      const put = await api.putFacts(as, 'c2', memberId, c.facts);
      expect(put.status, await put.clone().text()).toBe(200);
      const res = await api.memberEvaluation(as, 'c2', memberId);
      expect(res.status).toBe(200);
      const e = await res.json();
      expect(e).toMatchObject({ memberId, unitId: 'c2', year: 2021, ...c.expected });
      for (const rule of c.rules ?? []) expect(e.violations.map((v: { ruleId: string }) => v.ruleId)).toContain(rule);
      for (const v of e.violations as { message: string }[]) expect(v.message.normalize('NFC')).toBe(v.message);
    });
  }
});

describe('the unit evaluation endpoint (r2019 + seed 000)', () => {
  it('T29: a cell founded on 15/08/2021 is not rated as a collective in 2021', async () => {
    const res = await t.request('/api/v1/units/bc1/children', { as, method: 'POST', body: JSON.stringify({ id: 'c-new2021', name: 'Chi bộ mới thành lập', kind: 'cell', foundedOn: '2021-08-15' }) });
    expect(res.status).toBe(201);
    const e = await (await api.unitEvaluation(as, 'c-new2021')).json();
    expect(e).toMatchObject({ unitId: 'c-new2021', rated: false, notRatedReason: 'newUnit', final: null });
  });

  it('T15: four good and one excellent in a cell breach the quota (0.2 × 4 = 0.8 → at most 0)', async () => {
    const bc2 = identities.otherBaseCommittee;
    for (const [i, decided] of (['good', 'good', 'good', 'excellent'] as const).entries()) {
      const memberId = `Q15-${i}`;
      expect((await t.request('/api/v1/units/c3/members', { as: bc2, method: 'POST', body: JSON.stringify({ id: memberId, fullName: `Trần Thị Quỳnh ${i}`, admittedOn: '2012-01-01', officialOn: '2013-01-01' }) })).status).toBe(201);
      expect((await api.putFacts(bc2, 'c3', memberId, { decided })).status).toBe(200);
    }
    expect((await api.putFacts(bc2, 'c3', 'M011', { decided: 'good' })).status).toBe(200);
    const e = await (await api.unitEvaluation(bc2, 'c3')).json();
    expect(e.quota).toMatchObject({ excellent: 1, good: 4, cap: 0, withinCap: false });
    expect(e.violations).toEqual(expect.arrayContaining([expect.objectContaining({ memberId: null, ruleId: 'R-QUOTA-01', severity: 'blocking' })]));
  });
});
