import { beforeAll, describe, expect, it } from 'vitest';
import { marshall } from '@aws-sdk/util-dynamodb';
import { keys, massesReviewItem, massesSettingsItem, getMassesReview, type Store } from '@kd/data';
import { applyStreamBatch } from '@kd/jobs';
import { traVinhMassesSettings } from '@kd/domain';
import type { Identity } from '@kd/api';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';
import { identities, seedFixture } from '../support/fixture';
import { putTestCampaign, streamConsumer } from '../support/rollups';
import { enableMasses, recordBody } from '../support/masses';
import { massesCases } from '../isolation/cases/masses';

/**
 * The masses review through the API (docs/api.md, "Self-criticism before the masses"): the
 * threshold cases T30 and T31 and the edges of 5, a session from plan to signed minutes, comments
 * and their classes, remediation, and Biểu 5 after the stream consumer ran.
 */
let store: Store;
let t: TestApp;
const base = '/api/v1/campaigns/2020/units';
const as: Identity = identities.cell;

async function call(method: string, path: string, body?: unknown, who: Identity = as) {
  const res = await t.request(path, { method, as: who, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text };
}

const workplace = (permanent: number, longTerm: number, shortTerm: number, productionLine = 0) => ({ name: 'Bệnh viện Phổi Trà Vinh', staff: { permanent, longTerm, shortTerm, productionLine } });

beforeAll(async () => {
  store = await createTestStore('masses-api', { stream: true });
  await seedFixture(store);
  await enableMasses(store, 't1');
  await putTestCampaign(store, 't1', 2020);
  t = await createTestApp(store, '2020-11-10T05:00:00.000Z');
  const opened = await call('POST', '/api/v1/campaigns/2020/masses', { sessionsBy: '2020-11-15', baseReportBy: '2020-11-20', blocReportBy: '2020-11-30' }, identities.bloc);
  expect(opened.status).toBe(201);
});

describe('the year’s masses review', () => {
  it('is opened once, by the province or a bloc only', async () => {
    expect((await call('POST', '/api/v1/campaigns/2020/masses', { sessionsBy: '2020-11-15', baseReportBy: '2020-11-20', blocReportBy: '2020-11-30' }, identities.province)).body.error.code).toBe('MASSES_REVIEW_EXISTS');
    expect((await call('POST', '/api/v1/campaigns/2019/masses', { sessionsBy: '2019-11-15', baseReportBy: '2019-11-20', blocReportBy: '2019-11-30' }, identities.baseCommittee)).status).toBe(403);
  });
});

describe('the threshold (R-MASS-02/03)', () => {
  it('T30: 4 long-term staff and 10 short-term workers — no session', async () => {
    const put = await call('PUT', `${base}/c2/workplace`, workplace(0, 4, 10), identities.baseCommittee);
    expect(put.body).toMatchObject({ countedMasses: 4, sessionRequired: false, status: 'notOrganised' });
    const refused = await call('POST', `${base}/c2/masses-sessions`, { ...recordBody(), members: [{ memberId: 'M010', present: true }] }, identities.baseCommittee);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('MASSES_BELOW_THRESHOLD');
  });

  it('4 permanent staff plus 20 short-term — not organised; exactly 5 counted — required', async () => {
    expect((await call('PUT', `${base}/c2/workplace`, workplace(4, 0, 20), identities.baseCommittee)).body).toMatchObject({ countedMasses: 4, sessionRequired: false });
    expect((await call('PUT', `${base}/c2/workplace`, workplace(3, 2, 0, 40), identities.baseCommittee)).body).toMatchObject({ countedMasses: 5, sessionRequired: true, status: 'required' });
  });

  it('T31: 6 permanent non-members — a session is required, and complete only with three signatures', async () => {
    expect((await call('PUT', `${base}/c1/workplace`, workplace(6, 0, 0))).body).toMatchObject({ countedMasses: 6, sessionRequired: true });
    const session = await call('POST', `${base}/c1/masses-sessions`, recordBody());
    expect(session.status).toBe(201);
    const path = `${base}/c1/masses-sessions/${session.body.id}`;
    expect((await call('POST', `${path}/signatures`, { role: 'chair', name: 'Lê Hồng Vũ' })).body.state).toBe('recorded');
    expect((await call('POST', `${path}/signatures`, { role: 'clerk', name: 'Trần Thị Ánh' })).body.state).toBe('recorded');
    const third = await call('POST', `${path}/signatures`, { role: 'massesRepresentative', name: 'Phạm Thị Hoa' });
    expect(third.body.state).toBe('complete');
    expect((await call('PUT', path, recordBody())).body.error.code).toBe('SESSION_COMPLETE');
    expect((await call('POST', `${path}/comments`, { about: null, channel: 'oral', heading: 1, kind: 'strength', text: 'Tốt' })).status).toBe(409);
  });

  it('refuses a session longer than its day and an absence without a reason', async () => {
    expect((await call('POST', `${base}/c1/masses-sessions`, recordBody({ endsAt: '2020-11-11T08:00' }))).body.error.code).toBe('SESSION_TOO_LONG');
    const noReason = recordBody({ members: [{ memberId: 'M002', present: false }] });
    expect((await call('POST', `${base}/c1/masses-sessions`, noReason)).body.error.code).toBe('ABSENCE_REASON_REQUIRED');
    expect((await call('POST', `${base}/c1/masses-sessions`, recordBody({ members: [{ memberId: 'M011', present: true }] }))).body.error.code).toBe('SESSION_MEMBER_UNKNOWN');
  });
});

describe('a session from plan to Biểu 5', () => {
  it('plans, records, takes comments, classes them, assigns remediation, signs, and rolls up', async () => {
    const consumer = streamConsumer(store);
    const planned = await call('POST', `${base}/c1/masses-sessions/plan`, { startsAt: '2020-11-12T08:00', place: 'Hội trường' });
    expect(planned.status).toBe(201);
    expect(planned.body.state).toBe('planned');
    const path = `${base}/c1/masses-sessions/${planned.body.id}`;
    expect((await call('POST', `${path}/comments`, { about: null, channel: 'oral', heading: 1, kind: 'strength', text: 'Tốt' })).body.error.code).toBe('SESSION_NOT_RECORDED');
    const recorded = await call('PUT', path, recordBody({ startsAt: '2020-11-12T08:00', endsAt: '2020-11-12T11:00' }));
    expect(recorded.body).toMatchObject({ state: 'recorded', id: planned.body.id });

    const oral = await call('POST', `${path}/comments`, { about: 'M001', channel: 'oral', heading: 3, kind: 'shortcoming', text: 'Còn chậm trả lời kiến nghị của người bệnh.' });
    const dissent = await call('POST', `${path}/comments`, { about: 'M002', channel: 'written', heading: 2, kind: 'shortcoming', text: 'Tôi không đồng ý với phần tự nhận xét về tác phong.', dissenting: true });
    const proposal = await call('POST', `${path}/comments`, { about: null, channel: 'written', heading: null, kind: 'proposal', text: 'Đề nghị niêm yết lịch trực.' });
    expect([oral.status, dissent.status, proposal.status]).toEqual([201, 201, 201]);
    expect(Object.keys(dissent.body).sort()).toEqual(['about', 'channel', 'day', 'dissenting', 'heading', 'id', 'kind', 'responsibility', 'sessionId', 'text', 'unitId', 'year']);
    expect(dissent.body.day).toBe('2020-11-12');
    expect((await call('POST', `${path}/comments`, { about: 'M011', channel: 'oral', heading: 1, kind: 'strength', text: 'x' })).body.error.code).toBe('COMMENT_ABOUT_UNKNOWN_MEMBER');
    expect((await call('POST', `${path}/comments`, { about: null, channel: 'written', heading: 1, kind: 'proposal', text: 'x' })).status).toBe(400);

    expect((await call('PATCH', `${path}/comments/${oral.body.id}`, { responsibility: 'individual' })).body.responsibility).toBe('individual');
    expect((await call('PATCH', `${path}/comments/${proposal.body.id}`, { responsibility: 'collective' })).body.responsibility).toBe('collective');
    const item = await call('POST', `${base}/c1/remediation-items`, { commentIds: [oral.body.id], text: 'Trả lời kiến nghị trong 5 ngày làm việc', owner: 'Lê Hồng Vũ', deadline: '2020-12-31', responsibility: 'individual' });
    expect(item.status).toBe(201);
    expect(item.body).toMatchObject({ status: 'open', overdue: false });
    expect((await call('POST', `${base}/c1/remediation-items`, { commentIds: ['nope'], text: 'x', owner: 'y', deadline: '2020-12-31', responsibility: 'collective' })).body.error.code).toBe('REMEDIATION_COMMENT_UNKNOWN');

    for (const [role, name] of [['chair', 'Lê Hồng Vũ'], ['clerk', 'Trần Thị Ánh'], ['massesRepresentative', 'Phạm Thị Hoa']]) {
      expect((await call('POST', `${path}/signatures`, { role, name })).status).toBe(201);
    }
    expect((await call('POST', `${path}/signatures`, { role: 'chair', name: 'Lê Hồng Vũ' })).body.error.code).toBe('SESSION_COMPLETE');
    // Classing goes on after the minutes are signed (R-MASS-11).
    expect((await call('PATCH', `${path}/comments/${dissent.body.id}`, { responsibility: 'individual' })).status).toBe(200);
    expect((await call('PATCH', `${base}/c1/remediation-items/${item.body.id}`, { status: 'done' })).body).toMatchObject({ status: 'done', doneOn: '2020-11-10' });

    await consumer.drain();
    const overview = await call('GET', `${base}/c1/masses`);
    expect(overview.body).toMatchObject({ countedMasses: 6, sessionRequired: true });
    expect(overview.body.sessions.map((s: { state: string }) => s.state).sort()).toEqual(['complete', 'complete']);

    const bloc = await call('GET', `${base}/b1/masses-rollup`, undefined, identities.bloc);
    expect(bloc.status).toBe(200);
    expect(bloc.body).toMatchObject({
      unitId: 'b1', units: 2, unitsRequired: 2, sessionsHeld: 2, sessionsComplete: 2, membersSelfCriticised: 2, membersAbsent: 1, massesPresent: 24,
      comments: { total: 3, written: 2, oral: 1, dissenting: 1, collective: 1, individual: 2, unclassified: 0 },
      remediation: { items: 1, done: 1 },
    });
    expect(bloc.body.children.map((c: { unitId: string }) => c.unitId).sort()).toEqual(['bc1', 'bc2']);
    const xlsx = await t.request(`${base}/b1/masses-rollup?format=xlsx`, { as: identities.bloc });
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });
});

describe('the phone comment form', () => {
  it('sets no cookie, names no session it does not know, and refuses a post from another site', async () => {
    const opened = await t.app.request('/y-kien?s=t1.nope');
    expect(opened.status).toBe(404);
    expect(opened.headers.get('set-cookie')).toBeNull();
    const body = new URLSearchParams({ s: 't1.nope', code: 'AAAA-BBBB-CCCC' }).toString();
    const forged = await t.app.request('/y-kien', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('địa chỉ khác');
    const plain = await t.app.request('/y-kien', { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' } });
    expect(plain.status).toBe(404);
    expect(plain.headers.get('set-cookie')).toBeNull();
  });
});

describe('a tenant without the rule', () => {
  it('answers 404 on every masses route, API and pages, and the phone form', async () => {
    const other = await createTestStore('masses-off');
    await seedFixture(other);
    await putTestCampaign(other, 't2', 2020);
    const off = await createTestApp(other, '2020-11-10T05:00:00.000Z');
    const params: Record<string, string> = { year: '2020', unitId: 'c9', sessionId: 's1', memberId: 'Q001', commentId: 'k1', id: 'r1' };
    const failures: string[] = [];
    for (const [key, entry] of Object.entries(massesCases)) {
      const [method, path] = key.split(' ') as [string, string];
      const url = path.replace(/:(\w+)/g, (_, name: string) => params[name]!);
      const body = entry.body?.({ unitId: 'c9', memberId: 'Q001' } as never);
      const res = await off.request(url, {
        method,
        as: identities.otherTenant,
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': entry.contentType ?? 'application/json' } }),
      });
      const text = await res.text();
      const code = text.startsWith('{') ? JSON.parse(text).error?.code : 'page';
      if (res.status !== 404 || (code !== 'page' && code !== 'MASSES_NOT_ENABLED')) failures.push(`${key} → ${res.status} ${code}`);
    }
    expect(failures).toEqual([]);
    expect((await off.app.request('/y-kien?s=t2.s1')).status).toBe(404);
  });
});

describe('the year’s campaign', () => {
  it('must be open before the masses review of the year is opened or written to', async () => {
    const body = { sessionsBy: '2019-11-15', baseReportBy: '2019-11-20', blocReportBy: '2019-11-30' };
    expect((await call('POST', '/api/v1/campaigns/2019/masses', body, identities.bloc)).body.error.code).toBe('CAMPAIGN_NOT_FOUND');
    await putTestCampaign(store, 't1', 2019, { closedAt: '2020-01-15T00:00:00.000Z' });
    expect((await call('POST', '/api/v1/campaigns/2019/masses', body, identities.bloc)).body.error.code).toBe('CAMPAIGN_CLOSED');
  });
});

describe('Biểu 5 on the stream, when the rule or the review changes', () => {
  // Each record its own batch, as the stream may deliver them: the settings first, the review after.
  let seq = 9_000_000;
  const record = (key: Record<string, string>, oldImage: Record<string, unknown> | null, newImage: Record<string, unknown> | null) => ({
    eventName: oldImage ? (newImage ? 'MODIFY' : 'REMOVE') : 'INSERT',
    dynamodb: { SequenceNumber: String(seq++), Keys: marshall(key), ...(oldImage ? { OldImage: marshall(oldImage) } : {}), ...(newImage ? { NewImage: marshall(newImage) } : {}) },
  });
  const rebuilt = async (r: ReturnType<typeof record>) => (await applyStreamBatch(store, [r])).report.masses.rebuilt;

  it('builds an opened year once, and recomputes every year only when a counted parameter changes', async () => {
    const settings = massesSettingsItem('t1', traVinhMassesSettings);
    const review = massesReviewItem('t1', (await getMassesReview(store, 't1', 2020))!);
    expect(await rebuilt(record(keys.massesSettings('t1'), null, settings))).toBe(1);
    // The settings' record built the year from a table that held the review: its own record finds it built.
    expect(await rebuilt(record(keys.massesReview('t1', 2020), null, review))).toBe(0);
    const retitled = { ...settings, title: `${String(settings.title)} (sửa)` };
    expect(await rebuilt(record(keys.massesSettings('t1'), settings, retitled))).toBe(0);
    const threshold = settings.threshold as { value: number };
    expect(await rebuilt(record(keys.massesSettings('t1'), settings, { ...settings, threshold: { ...threshold, value: threshold.value + 1 } }))).toBe(1);
  });
});
