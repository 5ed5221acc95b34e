import type { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

/**
 * The S3 bucket browsers upload spreadsheets to (infra/constructs/uploads.ts): pre-signed PUTs
 * out, objects read back as streams. Matches `UploadBucket` of packages/files, which checks the
 * size and hands the stream to the spreadsheet reader.
 */
export function s3UploadBucket(config: { bucket: string; region: string }) {
  const client = new S3Client({ region: config.region });
  const bucket = config.bucket;
  return {
    name: bucket,
    presignPut: (key: string, contentType: string, expiresInSeconds: number): Promise<string> =>
      getSignedUrl(client, new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType }), { expiresIn: expiresInSeconds }),
    async get(key: string): Promise<{ body: Readable | undefined; size: number | undefined }> {
      const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return { body: out.Body as Readable | undefined, size: out.ContentLength };
    },
  };
}
