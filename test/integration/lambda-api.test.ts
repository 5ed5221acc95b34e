import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handle } from 'hono/aws-lambda';
import ExcelJS from 'exceljs';
import { csrfTokenFor, installLiteFetch, LiteResponse } from '@kd/api';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';
import { identities, seedFixture } from '../support/fixture';
import { putTestCampaign } from '../support/rollups';
import { XLSX_CONTENT_TYPE, xlsxOf } from './uploads-support';

/**
 * The app as the Lambda function serves it: API Gateway's events through hono/aws-lambda, with
 * the function's own Headers/Request/Response (packages/api/src/lite-fetch.ts, installed by
 * functions/api.ts) — every answer the same as with Node's classes: status, headers, cookies,
 * body, text or bytes. Writes go through once, with the function's classes, and are read back.
 */
let t: TestApp;
let handler: ReturnType<typeof handle>;
let uninstall: (() => void) | undefined;

beforeAll(async () => {
  const store = await createTestStore('lambda-api');
  await seedFixture(store);
  await putTestCampaign(store, 't1', 2021);
  t = await createTestApp(store);
  handler = handle(t.app);
});

afterAll(() => uninstall?.());

interface Call {
  method?: string;
  path: string;
  query?: string;
  headers?: Record<string, string>;
  cookies?: string[];
  body?: string | Uint8Array;
}

type Result = { statusCode: number; headers: Record<string, string>; cookies?: string[]; body: string; isBase64Encoded: boolean };

/** An HTTP API (payload 2.0) event, as API Gateway sends it. */
function event(call: Call) {
  const method = call.method ?? 'GET';
  const binary = call.body instanceof Uint8Array;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: call.path,
    rawQueryString: call.query ?? '',
    headers: { host: 'localhost', ...call.headers },
    ...(call.cookies ? { cookies: call.cookies } : {}),
    requestContext: {
      accountId: '123456789012', apiId: 'kd', domainName: 'localhost', domainPrefix: 'kd', requestId: 'r', routeKey: '$default', stage: '$default', time: '', timeEpoch: 0,
      http: { method, path: call.path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
    },
    isBase64Encoded: binary,
    ...(call.body === undefined ? {} : { body: binary ? Buffer.from(call.body as Uint8Array).toString('base64') : (call.body as string) }),
  };
}

const lite = async (call: Call) => {
  uninstall ??= installLiteFetch();
  expect(globalThis.Response).toBe(LiteResponse);
  return (await handler(event(call) as never, {} as never)) as Result;
};
const node = async (call: Call) => {
  uninstall?.();
  uninstall = undefined;
  return (await handler(event(call) as never, {} as never)) as Result;
};

/** What may differ between two answers to the same request: fresh nonces, random cookie values. */
function comparable(r: Result) {
  const strip = (s: string) =>
    s
      .replace(/nonce-[\w+/=-]+/g, 'nonce-…')
      .replace(/nonce="[^"]*"/g, 'nonce="…"')
      .replace(/([?&](?:state|nonce|code_challenge)=)[^&]*/g, '$1…');
  return {
    statusCode: r.statusCode,
    isBase64Encoded: r.isBase64Encoded,
    headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, strip(v)])),
    cookies: (r.cookies ?? []).map((c) => c.replace(/=[^;]*/, '=…')),
    body: r.isBase64Encoded ? `${Buffer.from(r.body, 'base64').length} bytes` : strip(r.body),
  };
}

/** The cell's dossier as the API reads it (through the function's classes). */
async function dossier(): Promise<{ rev: number; collective: unknown }> {
  const read = await lite({ path: '/api/v1/campaigns/2021/units/c1/review', headers: await bearer('cell') });
  expect(read.statusCode, read.body).toBe(200);
  return (JSON.parse(read.body) as { dossier: { rev: number; collective: unknown } }).dossier;
}

const bearer = async (who: keyof typeof identities) => ({ authorization: `Bearer ${await t.token(identities[who])}` });

describe('the API through the Lambda handler, with the function’s Headers/Request/Response', () => {
  it('answers reads exactly as with Node’s classes: JSON, errors, refusals across tenants and subtrees', async () => {
    const calls: Call[] = [
      { path: '/api/v1/units/p1', headers: await bearer('province') },
      { path: '/api/v1/units/c1/members', headers: await bearer('cell') },
      { path: '/api/v1/units/bc2', headers: await bearer('cell') },
      { path: '/api/v1/units/p1', headers: await bearer('otherTenant') },
      { path: '/api/v1/units/p1', headers: { authorization: 'Bearer not-a-token' } },
      { path: '/api/v1/khong-co', headers: await bearer('province') },
      { path: '/api/v1/campaigns/2021/units/c1/results', query: 'dryRun=true', method: 'POST', headers: { ...(await bearer('cell')), 'content-type': 'text/csv' }, body: 'a,b\n1,2\n' },
      { path: '/api/v1/campaigns/2021/units/c1/collective', method: 'PUT', headers: { ...(await bearer('cell')), 'content-type': 'application/json' }, body: '{"decided":' },
      { path: '/openapi.json' },
      { path: '/assets/app.css' },
    ];
    for (const call of calls) {
      const [a, b] = [await node(call), await lite(call)];
      expect(comparable(b), `${call.method ?? 'GET'} ${call.path}`).toEqual(comparable(a));
    }
  });

  it('takes a spreadsheet in (base64 event) and gives one out (base64 answer) that exceljs opens, the dry run’s answer the same as with Node’s classes', async () => {
    const template = await lite({ path: '/api/v1/campaigns/2021/units/c1/results-template', headers: await bearer('cell') });
    expect(template.statusCode).toBe(200);
    expect(template.isBase64Encoded).toBe(true);
    expect(template.headers['content-type']).toBe(XLSX_CONTENT_TYPE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(template.body, 'base64') as never);
    expect(wb.worksheets.length).toBeGreaterThan(0);

    const file = await xlsxOf([['STT', 'Số thẻ đảng viên', 'Họ và tên'], [1, 'M001', 'Lê Hồng Vũ']]);
    const call: Call = { path: '/api/v1/campaigns/2021/units/c1/results', query: 'dryRun=true', method: 'POST', headers: { ...(await bearer('cell')), 'content-type': XLSX_CONTENT_TYPE }, body: file };
    const [a, b] = [await node(call), await lite(call)];
    expect(b.statusCode).toBeLessThan(500);
    expect(comparable(b)).toEqual(comparable(a));
  });

  it('writes through JSON once, and reads the write back', async () => {
    const put = await lite({ path: '/api/v1/campaigns/2021/units/c1/collective', method: 'PUT', headers: { ...(await bearer('cell')), 'content-type': 'application/json' }, body: JSON.stringify({ decided: 'good' }) });
    expect(put.statusCode, put.body).toBe(200);
    expect(JSON.parse(put.body)).toMatchObject({ collective: { decided: 'good' } });
    expect((await dossier()).collective).toMatchObject({ decided: 'good' });
  });

  it('serves the pages: redirects, the sign-in cookie, a page with the session, a form posted with its token', async () => {
    for (const call of [{ path: '/' }, { path: '/login', query: 'next=%2Funits%2Fc1' }, { path: '/khong-co-trang-nay' }] satisfies Call[]) {
      const [a, b] = [await node(call), await lite(call)];
      expect(comparable(b), call.path).toEqual(comparable(a));
    }
    const login = await lite({ path: '/login', query: 'next=%2Funits%2Fc1' });
    expect(login.statusCode).toBe(302);
    expect(login.cookies?.length).toBeGreaterThan(0);

    const session = await t.token(identities.cell);
    const page = await lite({ path: '/units/c1', cookies: [`__Host-kd_session=${session}`] });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<html lang="vi"');
    expect(page.headers['content-security-policy']).toBeTruthy();

    // A form: the CSRF guard reads its body, the page reads it again as a form (Node's FormData, loaded then).
    const form = new URLSearchParams({ _csrf: csrfTokenFor(session), rev: String((await dossier()).rev), proposed: 'good', decided: 'excellent' }).toString();
    const posted = await lite({
      path: '/campaigns/2021/units/c1/review/collective',
      method: 'POST',
      cookies: [`__Host-kd_session=${session}`],
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://localhost', 'sec-fetch-site': 'same-origin' },
      body: form,
    });
    expect(posted.statusCode, posted.body.slice(0, 400)).toBe(303);
    expect((await dossier()).collective).toMatchObject({ decided: 'excellent' });
  });
});
