import { beforeAll, describe, expect, it } from 'vitest';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';
import { identities, seedFixture } from '../support/fixture';

let t: TestApp;
beforeAll(async () => {
  const store = await createTestStore('members');
  await seedFixture(store);
  t = await createTestApp(store);
});

async function pageThrough(limit: number): Promise<string[]> {
  const names: string[] = [];
  let cursor: string | null = null;
  do {
    const q: string = `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await t.request(`/api/v1/units/c1/members${q}`, { as: identities.cell });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { members: { fullName: string }[]; cursor: string | null; total: number };
    names.push(...body.members.map((m) => m.fullName));
    cursor = body.cursor;
  } while (cursor);
  return names;
}

describe('members API', () => {
  it('lists a cell’s members in Vietnamese order — given name first: An, Anh, Ánh, Ăn, Ân, Bình, Dũng, Đức, Vũ — across pages', async () => {
    const expected = ['Nguyễn Văn An', 'Đặng Thị Anh', 'Trần Thị Ánh', 'Võ Văn Ăn', 'Phạm Minh Ân', 'Lý Thị Bình', 'Bùi Văn Dũng', 'Huỳnh Văn Đức', 'Lê Hồng Vũ'];
    expect(await pageThrough(100)).toEqual(expected);
    expect(await pageThrough(2)).toEqual(expected);
  });

  it('creates a member, counts them in the unit, and refuses a duplicate id anywhere in the province', async () => {
    const res = await t.request('/api/v1/units/c2/members', {
      as: identities.baseCommittee,
      method: 'POST',
      body: JSON.stringify({ id: 'M100', fullName: '  Nguyễn   Thị   Hoa ', admittedOn: '2021-08-01' }),
    });
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ fullName: 'Nguyễn Thị Hoa', status: 'probationary', unitId: 'c2', version: 1 });
    const unit = await (await t.request('/api/v1/units/c2', { as: identities.baseCommittee })).json();
    expect(unit.memberCount).toBe(2);
    const dup = await t.request('/api/v1/units/c1/members', { as: identities.cell, method: 'POST', body: JSON.stringify({ id: 'M100', fullName: 'Người Khác', admittedOn: '2020-01-01' }) });
    expect(dup.status).toBe(409);
    expect((await dup.json()).error.code).toBe('MEMBER_EXISTS');
  });

  it('does not let two editors silently overwrite each other (409 on a stale version)', async () => {
    const first = await t.request('/api/v1/members/M003', { as: identities.cell, method: 'PATCH', body: JSON.stringify({ governmentPosition: 'Bác sĩ', version: 1 }) });
    expect(first.status).toBe(200);
    const second = await t.request('/api/v1/members/M003', { as: identities.baseCommittee, method: 'PATCH', body: JSON.stringify({ governmentPosition: 'Điều dưỡng', version: 1 }) });
    expect(second.status).toBe(409);
    const now = await (await t.request('/api/v1/members/M003', { as: identities.cell })).json();
    expect(now).toMatchObject({ governmentPosition: 'Bác sĩ', version: 2 });
  });

  it('transfers a member between cells of the caller’s subtree, moving the counts with them', async () => {
    const res = await t.request('/api/v1/members/M009/transfer', { as: identities.baseCommittee, method: 'POST', body: JSON.stringify({ unitId: 'c2', version: 1 }) });
    expect(res.status).toBe(200);
    expect((await res.json()).unitId).toBe('c2');
    const [c1, c2] = await Promise.all(['c1', 'c2'].map(async (id) => (await (await t.request(`/api/v1/units/${id}`, { as: identities.baseCommittee })).json()).memberCount));
    expect(c1).toBe(8);
    expect(c2).toBe(3);
    const audit = await (await t.request('/api/v1/units/c2/audit', { as: identities.baseCommittee })).json();
    expect(audit.entries[0]).toMatchObject({ action: 'member.transferIn', target: 'M009', actor: { sub: 'id-bc1' } });
  });

  it('lets a viewer read but not write', async () => {
    expect((await t.request('/api/v1/members/M002', { as: identities.viewer })).status).toBe(200);
    const res = await t.request('/api/v1/members/M002', { as: identities.viewer, method: 'PATCH', body: JSON.stringify({ governmentPosition: 'x', version: 1 }) });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('ROLE_NOT_ALLOWED');
  });
});
