import { beforeAll, describe, expect, it } from 'vitest';
// The app first: @hono/zod-openapi extends zod before any schema the routes describe is built.
import { createTestApp, type TestApp } from '../support/app';
import { commitResults, type Store } from '@kd/data';
import { MemberFacts } from '@kd/domain';
import { createTestStore } from '../support/store';
import { identities, seedFixture } from '../support/fixture';
import { putTestCampaign } from '../support/rollups';

/**
 * Members through time (issue 13): a transfer is dated, and the evaluation reads the period it
 * rates from the dates — R-SPEC-03 flags a member transferred on 1/9 after 8 months at the old
 * cell with no uploaded number at all; R-SPEC-04 reads dated temporary attachments.
 */
let store: Store;
let t: TestApp;
const actor = { sub: 's', name: 'Đỗ Văn Long', role: 'cell_secretary', unit: 'c2' };

beforeAll(async () => {
  store = await createTestStore('memberhistory');
  await seedFixture(store);
  await putTestCampaign(store, 't1', 2021);
  t = await createTestApp(store);
});

describe('a member through time', () => {
  it('R-SPEC-03: a member transferred on 1/9/2021 after 8 months at the old cell is flagged from the dates alone', async () => {
    const moved = await t.request('/api/v1/members/M011/transfer', { as: identities.bloc, method: 'POST', body: JSON.stringify({ unitId: 'c2', version: 1, on: '2021-09-01' }) });
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect((await moved.json()).cells).toEqual([{ unitId: 'c3', from: null, to: '2021-09-01', via: null }, { unitId: 'c2', from: '2021-09-01', to: null, via: 'transfer' }]);
    // The results carry no "months at the old cell" and no comment from it.
    await commitResults(store, 't1', 'c2', 2021, ['M010', 'M011'].map((memberId) => ({ memberId, facts: MemberFacts.parse({ decided: 'good', selfProposed: 'good' }) })), { actor, at: '2021-12-15T01:00:00Z' });
    const evaluation = await (await t.request('/api/v1/campaigns/2021/units/c2/members/M011/evaluation', { as: identities.bloc })).json();
    expect(evaluation).toMatchObject({ rated: false, notRatedReason: 'pending' });
    const spec = evaluation.violations.find((v: { ruleId: string }) => v.ruleId === 'R-SPEC-03');
    expect(spec.message).toContain('8 tháng ở chi bộ cũ, chuyển đến ngày 01/09/2021');
    const other = await (await t.request('/api/v1/campaigns/2021/units/c2/members/M010/evaluation', { as: identities.bloc })).json();
    expect(other.violations.map((v: { ruleId: string }) => v.ruleId)).not.toContain('R-SPEC-03');
  });

  it('R-SPEC-04: a dated temporary attachment of the rated period asks for the temporary cell’s comment', async () => {
    const patched = await t.request('/api/v1/members/M010', { as: identities.bloc, method: 'PATCH', body: JSON.stringify({ version: 1, attachments: [{ at: 'Chi bộ Khoa Nội', from: '2021-03-01', to: '2021-10-01' }] }) });
    expect(patched.status, await patched.clone().text()).toBe(200);
    const evaluation = await (await t.request('/api/v1/campaigns/2021/units/c2/members/M010/evaluation', { as: identities.bloc })).json();
    const spec = evaluation.violations.find((v: { ruleId: string }) => v.ruleId === 'R-SPEC-04');
    expect(spec.message).toContain('Chi bộ Khoa Nội, từ 01/03/2021 đến 01/10/2021');
  });

  it('refuses a transfer dated ahead or before the member’s last recorded move', async () => {
    const ahead = await t.request('/api/v1/members/M009/transfer', { as: identities.bloc, method: 'POST', body: JSON.stringify({ unitId: 'c2', version: 1, on: '2022-01-01' }) });
    expect((await ahead.json()).error.code).toBe('EVENT_IN_FUTURE');
    const back = await t.request('/api/v1/members/M011/transfer', { as: identities.bloc, method: 'POST', body: JSON.stringify({ unitId: 'c3', version: 2, on: '2021-08-01' }) });
    expect((await back.json()).error.code).toBe('EVENT_BEFORE_LAST');
  });
});
