import { beforeAll, describe, expect, it } from 'vitest';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';
import { identities, seedFixture } from '../support/fixture';

let t: TestApp;
beforeAll(async () => {
  const store = await createTestStore('units');
  await seedFixture(store);
  t = await createTestApp(store);
});

describe('units API', () => {
  it('returns a unit with its parent and direct children', async () => {
    const res = await t.request('/api/v1/units/bc1', { as: identities.bloc });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: 'bc1', kind: 'baseCommittee', parent: { id: 'b1' } });
    expect(body.children.map((c: { id: string }) => c.id).sort()).toEqual(['c1', 'c2']);
  });

  it('does not reveal the parent above the caller’s own unit', async () => {
    const body = await (await t.request('/api/v1/units/bc1', { as: identities.baseCommittee })).json();
    expect(body.parent).toBeNull();
  });

  it('creates, renames, moves and closes a unit, keeping every step in the audit trail', async () => {
    const created = await t.request('/api/v1/units/bc1/children', {
      as: identities.baseCommittee,
      method: 'POST',
      body: JSON.stringify({ name: 'Chi bộ Trung tâm Y tế', kind: 'cell', foundedOn: '2021-03-01', id: 'c-new' }),
    });
    expect(created.status).toBe(201);
    const unit = await created.json();
    expect(unit).toMatchObject({ id: 'c-new', path: ['p1', 'b1', 'bc1', 'c-new'], version: 1 });

    const renamed = await t.request('/api/v1/units/c-new', { as: identities.baseCommittee, method: 'PATCH', body: JSON.stringify({ name: 'Chi bộ Trung tâm Y tế tỉnh', version: 1 }) });
    expect(renamed.status).toBe(200);
    const stale = await t.request('/api/v1/units/c-new', { as: identities.baseCommittee, method: 'PATCH', body: JSON.stringify({ name: 'Tên khác', version: 1 }) });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.code).toBe('VERSION_CONFLICT');

    // A base committee cannot move its cell to another base committee: that is the bloc's call.
    const denied = await t.request('/api/v1/units/c-new/move', { as: identities.baseCommittee, method: 'POST', body: JSON.stringify({ parentId: 'bc2' }) });
    expect(denied.status).toBe(403);
    const moved = await t.request('/api/v1/units/c-new/move', { as: identities.bloc, method: 'POST', body: JSON.stringify({ parentId: 'bc2', version: 2 }) });
    expect(moved.status).toBe(200);
    expect((await moved.json()).path).toEqual(['p1', 'b1', 'bc2', 'c-new']);
    const bc1Children = (await (await t.request('/api/v1/units/bc1', { as: identities.bloc })).json()).children.map((c: { id: string }) => c.id);
    expect(bc1Children).not.toContain('c-new');

    const closed = await t.request('/api/v1/units/c-new/close', { as: identities.bloc, method: 'POST', body: JSON.stringify({ closedOn: '2021-12-31' }) });
    expect(closed.status).toBe(200);
    expect((await closed.json()).closedOn).toBe('2021-12-31');

    const audit = await (await t.request('/api/v1/units/c-new/audit', { as: identities.bloc })).json();
    expect(audit.entries.map((e: { action: string }) => e.action)).toEqual(['unit.close', 'unit.move', 'unit.rename']);
    const parentAudit = await (await t.request('/api/v1/units/bc1/audit', { as: identities.bloc })).json();
    expect(parentAudit.entries.some((e: { action: string; target: string }) => e.action === 'unit.create' && e.target === 'c-new')).toBe(true);
  });

  it('moves a whole subtree: descendants follow their parent', async () => {
    await t.request('/api/v1/units/bc2/children', { as: identities.bloc, method: 'POST', body: JSON.stringify({ name: 'Chi bộ Kho bạc', kind: 'cell', id: 'c-kb' }) });
    await t.request('/api/v1/units/c-kb/children', { as: identities.bloc, method: 'POST', body: JSON.stringify({ name: 'Tổ đảng 1', kind: 'group', id: 'g-kb' }) });
    const res = await t.request('/api/v1/units/c-kb/move', { as: identities.bloc, method: 'POST', body: JSON.stringify({ parentId: 'bc1' }) });
    expect(res.status).toBe(200);
    const group = await (await t.request('/api/v1/units/g-kb', { as: identities.bloc })).json();
    expect(group.path).toEqual(['p1', 'b1', 'bc1', 'c-kb', 'g-kb']);
    // and the base committee that received it now sees it, the old one does not
    const sub = await (await t.request('/api/v1/units/bc1/subtree', { as: identities.baseCommittee })).json();
    expect(sub.units.map((u: { id: string }) => u.id)).toContain('g-kb');
    expect((await t.request('/api/v1/units/g-kb', { as: identities.otherBaseCommittee })).status).toBe(403);
  });

  it('refuses a child kind the parent cannot contain, a move into its own subtree, and closing a unit with members', async () => {
    const bad = await t.request('/api/v1/units/c1/children', { as: identities.cell, method: 'POST', body: JSON.stringify({ name: 'Chi bộ con', kind: 'cell' }) });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.code).toBe('KIND_NOT_ALLOWED');
    const loop = await t.request('/api/v1/units/bc1/move', { as: identities.province, method: 'POST', body: JSON.stringify({ parentId: 'c1' }) });
    expect(loop.status).toBe(422);
    const busy = await t.request('/api/v1/units/c2/close', { as: identities.bloc, method: 'POST', body: JSON.stringify({ closedOn: '2021-12-31' }) });
    expect(busy.status).toBe(422);
    expect((await busy.json()).error.code).toBe('UNIT_HAS_MEMBERS');
  });

  it('answers malformed input with 400 and the contract error body in Vietnamese', async () => {
    const res = await t.request('/api/v1/units/bc1/children', { as: identities.baseCommittee, method: 'POST', body: JSON.stringify({ name: '', kind: 'nope' }) });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toMatch(/không hợp lệ/);
    const broken = await t.request('/api/v1/units/bc1/children', { as: identities.baseCommittee, method: 'POST', body: '{oops' });
    expect(broken.status).toBe(400);
  });
});
