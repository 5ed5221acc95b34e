import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processesMentioning, startService } from '../support/start-process';

const dataDir = mkdtempSync(join(tmpdir(), 'kd-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
let tokenFromFirstRun = '';

describe('npm start', () => {
  it('seeds the demo on first start, serves the login page and the demo identities, and Ctrl-C leaves no process behind', async () => {
    const service = await startService(dataDir);
    expect(service.output()).toContain('Đang tạo dữ liệu mẫu: Tỉnh ủy Trà Vinh');
    const login = await fetch(`${service.url}/login`);
    expect(login.status).toBe(200);
    expect(await login.text()).toContain('Lê Hồng Vũ');
    const identities = (await (await fetch(`${service.url}/api/v1/dev/identities`)).json()) as { role: string; tenant: string }[];
    expect(new Set(identities.map((i) => i.role))).toEqual(new Set(['province_board', 'bloc_board', 'base_committee', 'cell_secretary', 'viewer', 'member']));
    expect(new Set(identities.map((i) => i.tenant))).toEqual(new Set(['tra-vinh', 'vinh-long', 'ha-tinh']));
    const res = await fetch(`${service.url}/api/v1/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(identities[0]) });
    tokenFromFirstRun = ((await res.json()) as { token: string }).token;
    // Members and campaigns are seeded after the service answers, in the background; it says when.
    await service.waitFor('Dữ liệu mẫu: xong');
    await service.interrupt();
    expect(processesMentioning(dataDir)).toEqual([]);
  }, 180_000);

  it('keeps the data between runs: a later start does not seed again, and tokens signed before still verify', async () => {
    const service = await startService(dataDir);
    expect(service.output()).not.toContain('Đang tạo dữ liệu mẫu');
    expect(service.output()).not.toContain('Đang tạo tiếp dữ liệu mẫu');
    const me = await fetch(`${service.url}/api/v1/me`, { headers: { authorization: `Bearer ${tokenFromFirstRun}` } });
    expect(me.status).toBe(200);
    await service.interrupt();
    expect(processesMentioning(dataDir)).toEqual([]);
  }, 180_000);
});
