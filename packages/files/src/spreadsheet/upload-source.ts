import type { Readable } from 'node:stream';
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

/** The object store the files are put in (S3: `s3UploadBucket` in packages/data/src/upload-bucket.ts). */
export interface UploadBucket {
  name: string;
  presignPut(key: string, contentType: string, expiresInSeconds: number): Promise<string>;
  /** The object's body and its declared size, before any of the body is read. */
  get(key: string): Promise<{ body: Readable | undefined; size: number | undefined }>;
}

/**
 * Uploads through a bucket. The object's declared size is checked before its body is read, so a
 * file put past the limit is refused without downloading it.
 */
export function bucketUploadStore(bucket: UploadBucket): UploadStore {
  return {
    bucket: bucket.name,
    expiresInSeconds: UPLOAD_URL_TTL_SECONDS,
    presign: (key, contentType) => bucket.presignPut(key, contentType, UPLOAD_URL_TTL_SECONDS),
    async open(key) {
      const { body, size } = await bucket.get(key);
      if ((size ?? 0) > MAX_FILE_BYTES) {
        body?.destroy();
        throw fileErrors.tooLarge();
      }
      if (!body) throw new Error(`upload object ${key} has no body`);
      return body;
    },
  };
}
