import type { Readable } from 'node:stream';
import type { S3Client } from '@aws-sdk/client-s3';

/** The S3 client and presigner load with the first upload, not with every cold start (docs/deploy.md, "Cold start"). */
const s3Module = () => Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]);

/**
 * The S3 bucket browsers upload spreadsheets to (infra/constructs/uploads.ts): pre-signed PUTs
 * out, objects read back as streams. Matches `UploadBucket` of packages/files, which checks the
 * size and hands the stream to the spreadsheet reader. One client per container, made on first use.
 */
export function s3UploadBucket(config: { bucket: string; region: string }) {
  const bucket = config.bucket;
  let loaded: Promise<{ client: S3Client; s3: Awaited<ReturnType<typeof s3Module>> }> | undefined;
  const s3 = () =>
    (loaded ??= s3Module().then((modules) => ({ client: new modules[0].S3Client({ region: config.region }), s3: modules }))).catch((error: unknown) => {
      loaded = undefined;
      throw error;
    });
  return {
    name: bucket,
    async presignPut(key: string, contentType: string, expiresInSeconds: number): Promise<string> {
      const { client, s3: [{ PutObjectCommand }, { getSignedUrl }] } = await s3();
      return getSignedUrl(client, new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType }), { expiresIn: expiresInSeconds });
    },
    async get(key: string): Promise<{ body: Readable | undefined; size: number | undefined }> {
      const { client, s3: [{ GetObjectCommand }] } = await s3();
      const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return { body: out.Body as Readable | undefined, size: out.ContentLength };
    },
  };
}
