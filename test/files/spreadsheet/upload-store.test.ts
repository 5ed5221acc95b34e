import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { bucketUploadStore, UPLOAD_URL_TTL_SECONDS, MAX_FILE_BYTES, type UploadBucket } from '@kd/files';

/** A bucket in memory that records whether a body was read or thrown away. */
function bucketWith(size: number) {
  const body = Readable.from([Buffer.from('Mã đảng viên\n')]);
  const bucket: UploadBucket = {
    name: 'kd-uploads',
    presignPut: async (key, contentType, expires) => `https://kd-uploads.example.invalid/${key}?ct=${contentType}&ttl=${expires}`,
    get: async () => ({ body, size }),
  };
  return { bucket, body };
}

describe('uploads through a bucket', () => {
  it('presigns for the upload lifetime and opens the object as a stream', async () => {
    const { bucket, body } = bucketWith(13);
    const uploads = bucketUploadStore(bucket);
    expect(uploads.bucket).toBe('kd-uploads');
    expect(await uploads.presign('uploads/t1/a.csv', 'text/csv')).toBe(`https://kd-uploads.example.invalid/uploads/t1/a.csv?ct=text/csv&ttl=${UPLOAD_URL_TTL_SECONDS}`);
    expect(await uploads.open('uploads/t1/a.csv')).toBe(body);
  });

  it('refuses an object declared past the limit without reading it', async () => {
    const { bucket, body } = bucketWith(MAX_FILE_BYTES + 1);
    await expect(bucketUploadStore(bucket).open('uploads/t1/big.csv')).rejects.toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(body.destroyed).toBe(true);
  });
});
