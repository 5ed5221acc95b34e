import type { Readable } from 'node:stream';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { fileErrors } from './file-errors';
import { MAX_FILE_BYTES } from './limits';

/**
 * Where browsers put upload files in AWS (API Gateway and Lambda cap request bodies at about
 * 6 MB): a bucket written through pre-signed URLs, read back as a stream into `readTable`.
 */
export interface UploadStore {
  bucket: string;
  /** A URL the browser PUTs the file to, with this Content-Type, for `expiresInSeconds`. */
  presign(key: string, contentType: string): Promise<string>;
  /** The object as a stream; `readTable` stops reading past MAX_FILE_BYTES. */
  open(key: string): Promise<NodeJS.ReadableStream>;
  expiresInSeconds?: number;
}

export const UPLOAD_URL_TTL_SECONDS = 900;

/**
 * The S3 implementation. The object's declared size is checked before its body is read, so a
 * file put past the limit is refused without downloading it.
 *
 * @example
 * const uploads = s3UploadStore(new S3Client({}), process.env.UPLOAD_BUCKET!);
 */
export function s3UploadStore(client: S3Client, bucket: string): UploadStore {
  return {
    bucket,
    expiresInSeconds: UPLOAD_URL_TTL_SECONDS,
    presign: (key, contentType) =>
      getSignedUrl(client, new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType }), { expiresIn: UPLOAD_URL_TTL_SECONDS }),
    async open(key) {
      const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      const body = out.Body as Readable | undefined;
      if ((out.ContentLength ?? 0) > MAX_FILE_BYTES) {
        body?.destroy();
        throw fileErrors.tooLarge();
      }
      if (!body) throw new Error(`S3 object ${key} has no body`);
      return body;
    },
  };
}
