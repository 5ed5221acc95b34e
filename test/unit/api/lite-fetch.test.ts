import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { LiteHeaders, LiteRequest, LiteResponse } from '@kd/api';

/**
 * The Lambda function's Headers/Request/Response (packages/api/src/lite-fetch.ts) against Node's
 * own: the same answers for what the app uses, Node's classes for the rest. The app served through
 * them is test/integration/lambda-api.test.ts.
 */
const NAMES = ['Content-Type', 'content-type', 'Set-Cookie', 'set-cookie', 'X-A', 'x-a', 'Cache-Control', 'accept'];
const VALUES = ['text/html', ' padded\t', 'a=1; Path=/', 'b=2', 'no-store', '', 'Thị'];

type Op = ['append' | 'set', string, string] | ['delete', string];
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.tuple(fc.constantFrom('append' as const, 'set' as const), fc.constantFrom(...NAMES), fc.constantFrom(...VALUES)),
  fc.tuple(fc.constant('delete' as const), fc.constantFrom(...NAMES)),
);

function apply(h: Headers | LiteHeaders, ops: Op[]) {
  for (const o of ops) {
    try {
      if (o[0] === 'delete') h.delete(o[1]);
      else h[o[0]](o[1], o[2]);
    } catch (error) {
      return `threw ${(error as Error).name}`;
    }
  }
  return null;
}

const view = (h: Headers | LiteHeaders) => ({
  entries: [...h.entries()],
  get: NAMES.map((n) => h.get(n)),
  has: NAMES.map((n) => h.has(n)),
  cookies: h.getSetCookie(),
  forEach: (() => {
    const seen: string[] = [];
    h.forEach((value, name) => seen.push(`${name}: ${value}`));
    return seen;
  })(),
});

describe('LiteHeaders', () => {
  it('behaves as Node’s Headers after any sequence of append, set and delete', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 20 }), (ops) => {
        const a = new Headers();
        const b = new LiteHeaders();
        expect(apply(b, ops)).toBe(apply(a, ops));
        expect(view(b)).toEqual(view(a));
        expect(view(new LiteHeaders(b))).toEqual(view(new Headers(a)));
        expect(view(new LiteHeaders(a))).toEqual(view(new Headers(a)));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes records and pairs, and refuses the names and values Node refuses', () => {
    const init = { 'Content-Type': 'application/json', Accept: 'text/html' };
    expect(view(new LiteHeaders(init))).toEqual(view(new Headers(init)));
    expect(view(new LiteHeaders([['a', '1'], ['A', '2']]))).toEqual(view(new Headers([['a', '1'], ['A', '2']])));
    for (const [name, value] of [['bad name', 'x'], ['x', 'a\r\nb'], ['', 'x']]) {
      expect(() => new Headers([[name!, value!]])).toThrow(TypeError);
      expect(() => new LiteHeaders([[name!, value!]])).toThrow(TypeError);
    }
    expect(() => new LiteHeaders([['only-a-name']] as never)).toThrow(TypeError);
    expect(Object.prototype.toString.call(new LiteHeaders())).toBe('[object Headers]');
  });
});

describe('LiteResponse', () => {
  it('answers as Node’s Response for text, JSON, bytes, no body, redirects and statuses', async () => {
    const cases: [unknown, ResponseInit?][] = [
      ['Xin chào', { status: 201, statusText: 'Created', headers: { 'x-a': '1' } }],
      ['{"a":1}', { headers: { 'content-type': 'application/json' } }],
      [new Uint8Array([1, 2, 255])],
      [new Uint8Array([7, 8, 9]).buffer],
      [new URLSearchParams({ q: 'Thị', x: 'a&b' })],
      [null, { status: 204 }],
      [undefined, { status: 404 }],
    ];
    for (const [body, init] of cases) {
      const a = new Response(body as BodyInit, init);
      const b = new LiteResponse(body, init as never);
      expect([b.status, b.statusText, b.ok, b.type, b.url, b.redirected, [...b.headers]]).toEqual([a.status, a.statusText, a.ok, a.type, a.url, a.redirected, [...a.headers]]);
      expect(b.body === null).toBe(a.body === null);
      expect(new Uint8Array(await b.clone().arrayBuffer())).toEqual(new Uint8Array(await a.clone().arrayBuffer()));
      expect(await b.text()).toBe(await a.text());
      expect(b.bodyUsed).toBe(a.bodyUsed);
      if (a.bodyUsed) await expect(b.text()).rejects.toThrow(TypeError);
      else expect(await b.text()).toBe('');
    }
    const [ra, rb] = [Response.redirect('https://x.vn/a b', 303), LiteResponse.redirect('https://x.vn/a b', 303)];
    expect([rb.status, [...rb.headers]]).toEqual([ra.status, [...ra.headers]]);
    const [ja, jb] = [Response.json({ a: 'Đ' }, { status: 400 }), LiteResponse.json({ a: 'Đ' }, { status: 400 })];
    expect([jb.status, [...jb.headers], await jb.json()]).toEqual([ja.status, [...ja.headers], await ja.json()]);
    expect(() => new LiteResponse('x', { status: 204 })).toThrow(TypeError);
    expect(() => new LiteResponse(null, { status: 99 })).toThrow(RangeError);
    expect(() => LiteResponse.redirect('https://x.vn', 200)).toThrow(RangeError);
  });

  it('reads its body once, as a stream too, and takes back a stream of its own unread (hono’s c.res = …)', async () => {
    const a = new LiteResponse('một hai ba');
    const stream = a.body!;
    const b = new LiteResponse(stream, a);
    expect(a.bodyUsed).toBe(true);
    expect(await b.text()).toBe('một hai ba');
    const c = new LiteResponse('bốn');
    const reader = c.body!.getReader();
    expect(c.bodyUsed).toBe(true);
    reader.releaseLock();
    const d = new LiteResponse('năm');
    const chunks: Uint8Array[] = [];
    for await (const chunk of d.body as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
    expect(new TextDecoder().decode(chunks[0])).toBe('năm');
  });

  it('hands a body it does not hold (FormData, Blob, a foreign stream) to Node’s Response', async () => {
    const form = new FormData();
    form.set('a', 'Thị');
    const viaForm = new LiteResponse(form);
    expect(viaForm).toBeInstanceOf(Response);
    expect(await (await viaForm.formData()).get('a')).toBe('Thị');
    const foreign = new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode('x')), c.close()) });
    expect(await new LiteResponse(foreign).text()).toBe('x');
    expect(await new LiteResponse(new Blob(['y'])).text()).toBe('y');
    // Either class is a Response to `instanceof`.
    expect(new Response('x')).toBeInstanceOf(LiteResponse);
    expect(new LiteResponse('x')).toBeInstanceOf(LiteResponse);
  });
});

describe('LiteRequest', () => {
  it('answers as Node’s Request for URL, method, headers and the body as text, JSON, bytes or a form', async () => {
    const cases: [string, RequestInit][] = [
      ['https://kd.vn/api/v1/units/p1?x=1', {}],
      ['https://kd.vn/a', { method: 'post', headers: { 'content-type': 'application/json' }, body: '{"a":"Đ"}' }],
      ['https://kd.vn/a', { method: 'PATCH', body: new Uint8Array([1, 2, 3]) }],
      ['https://kd.vn/a', { method: 'put', body: 'plain' }],
      ['https://kd.vn/a', { method: 'POST', body: new URLSearchParams({ q: 'Thị' }) }],
    ];
    for (const [url, init] of cases) {
      const a = new Request(url, init);
      const b = new LiteRequest(url, init as never);
      expect([b.url, b.method, [...b.headers], b.bodyUsed, b.body === null]).toEqual([a.url, a.method, [...a.headers], a.bodyUsed, a.body === null]);
      expect(await b.clone().text()).toBe(await a.clone().text());
      expect(new Uint8Array(await b.arrayBuffer())).toEqual(new Uint8Array(await a.arrayBuffer()));
      expect(b.bodyUsed).toBe(a.bodyUsed);
    }
    const form = new LiteRequest('https://kd.vn/f', { method: 'POST', body: new URLSearchParams({ _csrf: 't', ten: 'Thị' }) });
    expect(Object.fromEntries(await form.formData())).toEqual({ _csrf: 't', ten: 'Thị' });
    expect(() => new LiteRequest('https://kd.vn', { method: 'GET', body: 'x' })).toThrow(TypeError);
    expect(() => new LiteRequest('/relative')).toThrow(TypeError);
    expect(() => new LiteRequest('https://kd.vn', { method: 'bad method' })).toThrow(TypeError);
  });

  it('forwards a request: another URL with its headers, signal and unread body (the route groups’ forwarding)', async () => {
    const controller = new AbortController();
    const first = new LiteRequest('https://kd.vn/api/v1/x', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'a,b', signal: controller.signal });
    const moved = new LiteRequest(new URL('https://kd.vn/x'), { method: first.method, headers: first.headers, signal: first.signal, body: first.body, duplex: 'half' });
    expect(first.bodyUsed).toBe(true);
    expect(moved).toBeInstanceOf(LiteRequest);
    expect([moved.url, moved.method, moved.headers.get('content-type'), moved.signal]).toEqual(['https://kd.vn/x', 'POST', 'text/csv', controller.signal]);
    expect(await moved.text()).toBe('a,b');
    const copy = new LiteRequest(new LiteRequest('https://kd.vn/y', { method: 'PUT', body: 'z' }));
    expect([copy.method, await copy.text()]).toEqual(['PUT', 'z']);
    const nodeOwn = new LiteRequest(new Request('https://kd.vn/n', { method: 'POST', body: 'n' }) as never);
    expect([nodeOwn.url, await nodeOwn.text()]).toEqual(['https://kd.vn/n', 'n']);
  });
});
