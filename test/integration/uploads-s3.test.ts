import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { createReadStream, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, loadLocalSigner, localClaims } from '@kd/api';
import type { UploadStore } from '@kd/files';
import type { Store } from '@kd/data';
import { createTestStore } from '../support/store';
import { createTestApp, type TestApp } from '../support/app';
import { identities, seedFixture } from '../support/fixture';
import { csvOf, itemCount, postFile, resultsPath } from './uploads-support';
import { putTestCampaign } from '../support/rollups';

/**
 * The AWS path with S3 replaced by a folder: the browser PUTs to the pre-signed URL (here: the
 * test writes the file), then `from-upload` runs the same parsing on the object's stream.
 */
let store: Store;
let local: TestApp;
let dir: string;
let app: ReturnType<typeof createApp>;
let token: string;

const fake: UploadStore = {
  bucket: 'kd-uploads-test',
  expiresInSeconds: 600,
  presign: async (key, contentType) => `https://kd-uploads-test.s3.example.invalid/${key}?X-Amz-Signature=fake&ct=${encodeURIComponent(contentType)}`,
  open: async (key) => {
    const path = join(dir, key.replace(/\//g, '_'));
    if (!existsSync(path)) throw new Error('NoSuchKey');
    return createReadStream(path);
  },
};
const put = (key: string, body: string) => writeFileSync(join(dir, key.replace(/\//g, '_')), body);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kd-uploads-'));
  store = await createTestStore('uploads-s3');
  await seedFixture(store);
  // Results go to an opened campaign (a year without one is 404).
  await putTestCampaign(store, 't1', 2021);
  local = await createTestApp(store);
  const signer = await loadLocalSigner(null);
  app = createApp({ store, clock: () => new Date('2021-12-15T03:00:00Z'), claims: localClaims(signer), uploads: fake });
  token = await signer.sign(identities.cell);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const call = (path: string, body: unknown) =>
  app.request(path, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('uploads through the upload bucket', () => {
  const csv = csvOf([['Mã đảng viên', 'Chi bộ xếp loại', 'Số kỳ vắng sinh hoạt'], ['M002', 'HTTNV', '0'], ['M003', 'HTXSNV', '5']]);

  it('hands out a pre-signed URL and a key bound to the tenant, unit and year', async () => {
    const res = await call('/api/v1/campaigns/2021/units/c1/results/upload-url', { contentType: 'text/csv' });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.key).toMatch(/^uploads\/t1\/c1\/results-2021\/[0-9a-f-]{36}\.csv$/);
    expect(body.url).toContain(body.key);
    expect(body.expiresAt).toBe('2021-12-15T03:10:00.000Z');
  });

  it('answers from the object exactly as from a direct upload, and commits from it', async () => {
    const { key } = await (await call('/api/v1/campaigns/2021/units/c1/results/upload-url', { contentType: 'text/csv' })).json();
    put(key, csv);
    const viaBucket = await call('/api/v1/campaigns/2021/units/c1/results/from-upload', { key, dryRun: true });
    const direct = await postFile(local, resultsPath(2021, 'c1', true), csv, 'text/csv');
    expect(viaBucket.status).toBe(200);
    expect(await viaBucket.json()).toEqual(await direct.json());

    const committed = await call('/api/v1/campaigns/2021/units/c1/results/from-upload', { key, dryRun: false });
    expect(await committed.json()).toMatchObject({ committed: true, version: 1 });
  });

  it('runs roster files through the same path', async () => {
    const { key } = await (await call('/api/v1/units/c1/roster/upload-url', { contentType: 'text/csv' })).json();
    expect(key).toMatch(/^uploads\/t1\/c1\/roster\//);
    put(key, csvOf([['Mã đảng viên', 'Họ và tên', 'Ngày vào Đảng'], ['N300', 'Tạ Văn Mới', '02/02/2020']]));
    const res = await call('/api/v1/units/c1/roster/from-upload', { key, dryRun: true });
    expect(await res.json()).toMatchObject({ members: { created: 1 } });
  });

  it('refuses a key handed out for another unit or purpose, or one that does not exist, writing nothing', async () => {
    const before = await itemCount(store);
    for (const key of ['uploads/t1/c2/results-2021/x.csv', 'uploads/t1/c1/roster/x.csv', 'uploads/t2/c1/results-2021/x.csv', 'uploads/t1/c1/results-2021/../../c2/x.csv', 'uploads/t1/c1/results-2021/missing.csv']) {
      const res = await call('/api/v1/campaigns/2021/units/c1/results/from-upload', { key, dryRun: false });
      expect([res.status, (await res.json()).error.code]).toEqual([404, 'UPLOAD_NOT_FOUND']);
    }
    expect(await itemCount(store)).toBe(before);
  });

  it('answers 404 NOT_CONFIGURED where there is no bucket (local runs post the file directly)', async () => {
    const res = await local.request('/api/v1/campaigns/2021/units/c1/results/upload-url', { method: 'POST', as: identities.cell, body: JSON.stringify({ contentType: 'text/csv' }) });
    expect([res.status, (await res.json()).error.code]).toEqual([404, 'NOT_CONFIGURED']);
  });
});
