import { beforeAll, describe, expect, it } from 'vitest';
import { validate } from '@readme/openapi-parser';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp(await createTestStore('openapi'));
});

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document (checked by a real parser) covering every API route', async () => {
    const res = await t.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc));
    expect(result.valid, JSON.stringify((result as { errors?: unknown }).errors ?? null)).toBe(true);
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`)),
    );
    const apiRoutes = t.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/')).map((r) => `${r.method} ${r.path}`);
    expect(apiRoutes.filter((r) => !documented.has(r))).toEqual([]);
  });

  it('serves a human page at /docs in Vietnamese', async () => {
    const html = await (await t.request('/docs')).text();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('/api/v1/units/{unitId}');
    expect(html).toContain('Đơn vị, cấp trên và các đơn vị trực thuộc');
  });
});
