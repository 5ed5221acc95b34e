import { beforeAll, describe, expect, it } from 'vitest';
// The app first: its OpenAPI schemas extend zod before any other module builds one.
import { createTestApp, type TestApp } from '../support/app';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { SignJWT, exportJWK, generateKeyPair, importJWK } from 'jose';
import { createApp, loadLocalSigner, localClaims } from '@kd/api';
import { getMember, type Store } from '@kd/data';
import { createTestStore } from '../support/store';
import { identities, seedFixture } from '../support/fixture';
import { putTestCampaign } from '../support/rollups';
import { csvOf, postFile, rosterPath } from './uploads-support';

/**
 * Issue 10, finding 5: odd inputs get a 4xx, never a 500, and leave nothing odd behind — cursors,
 * file names, control characters, NFC, tokens without an expiry — and a little fuzzing of every
 * route's parameters, queries and bodies.
 */
let store: Store;
let t: TestApp;
const json = (body: unknown) => JSON.stringify(body);

beforeAll(async () => {
  store = await createTestStore('hostile');
  await seedFixture(store);
  await putTestCampaign(store, 't1', 2021);
  t = await createTestApp(store);
});

async function errorOf(res: Response): Promise<{ status: number; code: string | undefined }> {
  const text = await res.text();
  let code: string | undefined;
  try {
    code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
  } catch {
    code = undefined;
  }
  return { status: res.status, code };
}

/** Creates members in a cell through the API until its audit trail has more than one page. */
async function auditCursor(as: (typeof identities)[keyof typeof identities], unitId: string, prefix: string): Promise<string> {
  for (let i = 0; i < 3; i++) {
    const res = await t.request(`/api/v1/units/${unitId}/members`, { as, method: 'POST', body: json({ id: `${prefix}${i}`, fullName: `Người Thử ${i}`, admittedOn: '2020-01-01' }) });
    expect(res.status, await res.clone().text()).toBe(201);
  }
  const page = await (await t.request(`/api/v1/units/${unitId}/audit?limit=1`, { as })).json();
  expect(page.cursor).toEqual(expect.any(String));
  return page.cursor as string;
}

describe('finding 5: cursors are opaque, signed and bound to tenant and query', () => {
  it('a malformed cursor is 400 INVALID_CURSOR, not 500 (fails on 037e9ce)', async () => {
    for (const cursor of ['bnVsbA', 'e30', '!!!', 'a.b', 'eyJuYW1lIjoxfQ', 'x'.repeat(1500)]) {
      expect(await errorOf(await t.request(`/api/v1/units/c1/members?limit=2&cursor=${encodeURIComponent(cursor)}`, { as: identities.cell }))).toEqual({ status: 400, code: 'INVALID_CURSOR' });
      expect(await errorOf(await t.request(`/api/v1/units/c1/audit?limit=2&cursor=${encodeURIComponent(cursor)}`, { as: identities.cell }))).toEqual({ status: 400, code: 'INVALID_CURSOR' });
    }
  });

  it('an audit cursor is not the table key, and one from another tenant is 400 (fails on 037e9ce)', async () => {
    const foreign = await auditCursor(identities.otherTenant, 'c9', 'Q9');
    const decoded = Buffer.from(foreign.split('.')[0]!, 'base64url').toString();
    expect(decoded).not.toMatch(/T#t2|#UNIT#/);
    expect(foreign).not.toContain('t2');
    expect(await errorOf(await t.request(`/api/v1/units/c1/audit?limit=1&cursor=${encodeURIComponent(foreign)}`, { as: identities.cell }))).toEqual({ status: 400, code: 'INVALID_CURSOR' });
  });

  it('a cursor from another unit, another list, or altered is 400 (fails on 037e9ce)', async () => {
    const own = await auditCursor(identities.cell, 'c1', 'K7');
    const next = await t.request(`/api/v1/units/c1/audit?limit=1&cursor=${encodeURIComponent(own)}`, { as: identities.cell });
    expect(next.status).toBe(200);
    const members = await (await t.request('/api/v1/units/c1/members?limit=2', { as: identities.cell })).json();
    expect(members.cursor).toEqual(expect.any(String));
    const otherUnit = await t.request(`/api/v1/units/c2/members?limit=2&cursor=${encodeURIComponent(members.cursor)}`, { as: identities.baseCommittee });
    expect(await errorOf(otherUnit)).toEqual({ status: 400, code: 'INVALID_CURSOR' });
    const otherList = await t.request(`/api/v1/units/c1/audit?limit=1&cursor=${encodeURIComponent(members.cursor)}`, { as: identities.cell });
    expect(await errorOf(otherList)).toEqual({ status: 400, code: 'INVALID_CURSOR' });
    const [payload, signature] = (members.cursor as string).split('.');
    const forged = Buffer.from(JSON.stringify({ name: 'A', id: 'M001' })).toString('base64url');
    for (const altered of [`${forged}.${signature}`, `${payload}.${signature!.slice(0, -2)}AA`, payload!]) {
      expect(await errorOf(await t.request(`/api/v1/units/c1/members?limit=2&cursor=${encodeURIComponent(altered)}`, { as: identities.cell }))).toEqual({ status: 400, code: 'INVALID_CURSOR' });
    }
  });
});

describe('finding 5: file names, control characters, NFC', () => {
  it('a member id with Đ downloads its Word file with an RFC 6266 file name (fails on 037e9ce)', async () => {
    const created = await t.request('/api/v1/units/c1/members', { as: identities.cell, method: 'POST', body: json({ id: 'Đ001', fullName: 'Đinh Thị Đào', admittedOn: '2015-01-01', officialOn: '2016-01-01' }) });
    expect(created.status, await created.clone().text()).toBe(201);
    const res = await t.request(`/api/v1/campaigns/2021/units/c1/members/${encodeURIComponent('Đ001')}/self-review.docx`, { as: identities.cell });
    expect(res.status, await res.clone().text()).toBe(200);
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toBe(`attachment; filename="ban-tu-kiem-diem-2021-D001.docx"; filename*=UTF-8''ban-tu-kiem-diem-2021-%C4%90001.docx`);
    expect(/^[\x20-\x7e]*$/.test(disposition)).toBe(true);
  });

  it('a control character in a JSON body is 400 CONTROL_CHARACTER and nothing is stored (fails on 037e9ce)', async () => {
    for (const [i, name] of ['Nguyễn\u0007 Văn Chuông', 'Trần\u001b[31m Đỏ', 'Lê\u009b Văn Cờ', 'Phạm\u0000 Không'].entries()) {
      const res = await t.request('/api/v1/units/c1/members', { as: identities.cell, method: 'POST', body: json({ id: `CC${i}`, fullName: name, admittedOn: '2015-01-01' }) });
      expect(await errorOf(res)).toEqual({ status: 400, code: 'CONTROL_CHARACTER' });
      expect(await getMember(store, 't1', `CC${i}`)).toBeUndefined();
    }
    const patch = await t.request('/api/v1/members/M003', { as: identities.cell, method: 'PATCH', body: json({ governmentPosition: 'Bác sĩ\u0085', version: 1 }) });
    expect(await errorOf(patch)).toEqual({ status: 400, code: 'CONTROL_CHARACTER' });
    // Tab and line feed are text where text allows them: a note keeps its lines.
    const note = await t.request('/api/v1/campaigns/2021/units/c1/members/M004/results', { as: identities.cell, method: 'PUT', body: json({ facts: { note: 'Dòng một\nDòng hai' }, rowRev: null, dossierRev: 0 }) });
    expect(note.status, await note.clone().text()).toBe(200);
  });

  it('a control character in a roster cell is a row error, and the file writes nothing (fails on 037e9ce)', async () => {
    const csv = csvOf([['Mã đảng viên', 'Họ và tên', 'Ngày vào Đảng'], ['CR1', 'Võ\u009b Thị Ba', '19/05/2015'], ['CR2', 'Võ Thị Bốn', '19/05/2015']]);
    const res = await postFile(t, rosterPath('c1', false), csv, 'text/csv');
    expect(res.status).toBe(422);
    const answer = await res.json();
    expect(answer.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([[2, 'Họ và tên', 'CONTROL_CHARACTER']]);
    expect(await getMember(store, 't1', 'CR2')).toBeUndefined();
  });

  it('free text is stored NFC: positions, notes of a row and of a group meeting (fails on 037e9ce)', async () => {
    const nfd = (s: string) => s.normalize('NFD');
    const position = 'Trưởng khoa Nội tiết';
    const patched = await t.request('/api/v1/members/M005', { as: identities.cell, method: 'PATCH', body: json({ governmentPosition: nfd(position), temporaryAttachmentAt: nfd('Chi bộ Phường Hưng Lợi'), version: 1 }) });
    expect(patched.status, await patched.clone().text()).toBe(200);
    expect(await getMember(store, 't1', 'M005')).toMatchObject({ governmentPosition: position, temporaryAttachmentAt: 'Chi bộ Phường Hưng Lợi' });
    const dossierRev = (await (await t.request('/api/v1/campaigns/2021/units/c1/review', { as: identities.cell })).json()).dossier.rev as number;
    const row = await t.request('/api/v1/campaigns/2021/units/c1/members/M006/results', { as: identities.cell, method: 'PUT', body: json({ facts: { note: nfd('Ốm dài ngày, có giấy xác nhận') }, rowRev: null, dossierRev }) });
    expect(row.status, await row.clone().text()).toBe(200);
    expect((await row.json()).facts.note).toBe('Ốm dài ngày, có giấy xác nhận');
  });
});

describe('finding 5: a token without an expiry is refused', () => {
  it('by the local signer’s verification (fails on 037e9ce)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kd-exp-'));
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = await exportJWK(privateKey);
    writeFileSync(join(dir, 'key.json'), JSON.stringify(jwk));
    const signer = await loadLocalSigner(join(dir, 'key.json'));
    const app = createApp({ store, clock: () => new Date(), claims: localClaims(signer) });
    const key = await importJWK(jwk, 'ES256');
    const claims = { name: 'Không hết hạn', tenant: 't1', unit: 'p1', role: 'province_board' };
    const forever = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256' }).setSubject('x').setIssuer('kiem-diem-local').setAudience('kiem-diem').setIssuedAt().sign(key);
    const res = await app.request('/api/v1/me', { headers: { authorization: `Bearer ${forever}` } });
    expect(res.status).toBe(401);
    const bounded = await signer.sign({ name: 'Có hạn', tenant: 't1', unit: 'p1', role: 'province_board' });
    expect((await app.request('/api/v1/me', { headers: { authorization: `Bearer ${bounded}` } })).status).toBe(200);
  });

  it('whatever verified the claims (fails on 037e9ce)', async () => {
    const claims = { sub: 'x', name: 'Không hết hạn', tenant: 't1', unit: 'p1', role: 'province_board' };
    const noExp = createApp({ store, clock: () => new Date(), claims: async () => claims });
    expect((await noExp.request('/api/v1/me', { headers: { authorization: 'Bearer x' } })).status).toBe(401);
    const withExp = createApp({ store, clock: () => new Date(), claims: async () => ({ ...claims, exp: '4102444800' }) });
    expect((await withExp.request('/api/v1/me', { headers: { authorization: 'Bearer x' } })).status).toBe(200);
  });
});

describe('every malformed input is a 4xx', () => {
  it('fuzzed path parameters, queries and bodies of every route never answer 500', { timeout: 600_000 }, async () => {
    const doc = await (await t.app.request('/openapi.json')).json();
    const routes = Object.entries(doc.paths as Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name) })),
    );
    expect(routes.length).toBeGreaterThan(40);
    const odd = ['%00', '..%2F..%2Fetc', '%ZZ', 'Đ%E1%BB%99', '%E2%80%AE', 'a'.repeat(600), '-1', '1e309', '%7B%7D', '%22%3Cscript%3E'];
    const bodies = ['{', '[]', 'null', '"x"', '{"a":', json({ rev: 'x', facts: 1, unitId: {}, version: -1 }), json({ ['__proto__']: { admin: true } }), '\u0000'];
    const seen: string[] = [];
    const check = async (method: string, url: string, body?: string) => {
      const res = await t.request(url, { as: identities.province, method, ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }) });
      seen.push(`${res.status}`);
      expect({ method, url: url.slice(0, 200), body, status: res.status < 500 ? 'ok' : await res.text() }).toEqual({ method, url: url.slice(0, 200), body, status: 'ok' });
    };
    const defaults: Record<string, string> = { year: '2021', unitId: 'c1', memberId: 'M001' };
    const fill = (path: string, value?: string) => `/api/v1${path.replace(/\{(\w+)\}/g, (_, name: string) => value ?? defaults[name] ?? 'r1')}`;
    for (const route of routes.filter((r) => r.path.startsWith('/') && !r.path.startsWith('/dev'))) {
      for (const value of odd) if (route.path.includes('{')) await check(route.method, fill(route.path, value));
      const plain = fill(route.path);
      for (const q of route.query) for (const value of ['', '-5', 'abc', 'bnVsbA', 'e30', '%00', '9'.repeat(30)]) await check(route.method, `${plain}?${q}=${value}`);
      if (route.method !== 'GET') for (const body of bodies) await check(route.method, plain, body);
    }
    // And random JSON bodies on the JSON routes.
    const jsonRoutes = routes.filter((r) => r.method !== 'GET' && !/roster|results\?|\/results$/.test(r.path) && !r.path.startsWith('/dev'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...jsonRoutes), fc.jsonValue({ maxDepth: 3 }), async (route, value) => {
        await check(route.method, fill(route.path), json(value));
      }),
      { numRuns: 150, seed: 10 },
    );
    expect(seen.length).toBeGreaterThan(500);
  });
});
