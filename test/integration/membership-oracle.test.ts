import { beforeAll, describe, expect, it } from 'vitest';
// The app first: its OpenAPI schemas extend zod before any other module builds one.
import { createTestApp, type TestApp } from '../support/app';
import type { Store } from '@kd/data';
import { createTestStore } from '../support/store';
import { identities, seedFixture, t1Units } from '../support/fixture';
import { csvOf, postFile, rosterPath } from './uploads-support';

/**
 * Issue 10, finding 3: answers that reveal nothing outside the caller's subtree. The caller here is
 * the secretary of c3 (under bc2); the members asked about live in c1 and c2 (under bc1).
 */
let store: Store;
let t: TestApp;
const calls: string[] = [];

beforeAll(async () => {
  store = await createTestStore('oracle');
  await seedFixture(store);
  t = await createTestApp(store);
  store.raw.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
});

/** No name or id of a unit of the tenant other than the caller's own appears in `text`. */
function namesNoUnit(text: string): void {
  for (const u of t1Units.filter((x) => x.id !== 'c3')) {
    expect(text.includes(u.name), `names ${u.name}`).toBe(false);
    expect(new RegExp(`\\b${u.id}\\b`).test(text), `names ${u.id}`).toBe(false);
  }
}

const roster = (ids: string[]) => csvOf([['Mã đảng viên', 'Họ và tên', 'Ngày vào Đảng'], ...ids.map((id, i) => [id, `Người Thứ ${i + 1}`, '19/05/2015'])]);

async function dryRun(ids: string[]): Promise<{ body: string; calls: Record<string, number> }> {
  calls.length = 0;
  const res = await postFile(t, rosterPath('c3', true), roster(ids), 'text/csv', identities.otherCell);
  expect(res.status).toBe(200);
  const count: Record<string, number> = {};
  for (const c of calls) count[c] = (count[c] ?? 0) + 1;
  return { body: await res.text(), calls: count };
}

describe('finding 3: the roster and member answers are no membership oracle', () => {
  it('a roster row whose member belongs elsewhere is MEMBER_IN_OTHER_UNIT naming no unit (fails on 037e9ce)', async () => {
    const { body } = await dryRun(['M001', 'M010', 'N900']);
    const answer = JSON.parse(body) as { errors: { row: number; code: string; message: string }[] };
    expect(answer.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'MEMBER_IN_OTHER_UNIT'],
      [3, 'MEMBER_IN_OTHER_UNIT'],
    ]);
    namesNoUnit(body);
    // The same words for a member of another base committee and one of a sibling cell.
    expect(answer.errors[0]!.message.replace('M001', 'X')).toBe(answer.errors[1]!.message.replace('M010', 'X'));
  });

  it('the dry run does the same work whatever units hold the members it names (fails on 037e9ce)', async () => {
    const oneUnit = await dryRun(['M001', 'M002', 'N901']);
    const twoUnits = await dryRun(['M001', 'M010', 'N901']);
    expect(twoUnits.calls).toEqual(oneUnit.calls);
  });

  it('creating a member with a taken id says only that the id is taken, wherever the member is', async () => {
    const here = await t.request('/api/v1/units/c3/members', { as: identities.otherCell, method: 'POST', body: JSON.stringify({ id: 'M011', fullName: 'Người Khác', admittedOn: '2020-01-01' }) });
    const there = await t.request('/api/v1/units/c3/members', { as: identities.otherCell, method: 'POST', body: JSON.stringify({ id: 'M001', fullName: 'Người Khác', admittedOn: '2020-01-01' }) });
    expect([here.status, there.status]).toEqual([409, 409]);
    const [a, b] = [await here.json(), await there.json()];
    expect(a).toEqual(b);
    expect(a.error.code).toBe('MEMBER_EXISTS');
    namesNoUnit(JSON.stringify(b));
  });

  it('a transfer goes through the unit holding the member or a common ancestor: both ends in the caller’s scope', async () => {
    const transfer = (as: (typeof identities)[keyof typeof identities], memberId: string, unitId: string) =>
      t.request(`/api/v1/members/${memberId}/transfer`, { as, method: 'POST', body: JSON.stringify({ unitId, version: 1 }) });
    // The receiving cell cannot pull a member out of another subtree, and learns nothing of where it is.
    const pulled = await transfer(identities.otherCell, 'M002', 'c3');
    expect(pulled.status).toBe(403);
    namesNoUnit(await pulled.text());
    expect((await transfer(identities.otherBaseCommittee, 'M002', 'c3')).status).toBe(403);
    // The holding base committee cannot push into a subtree it does not cover.
    expect((await transfer(identities.baseCommittee, 'M002', 'c3')).status).toBe(403);
    // The bloc above both can.
    const moved = await transfer(identities.bloc, 'M002', 'c3');
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(await moved.json()).toMatchObject({ id: 'M002', unitId: 'c3' });
  });
});
