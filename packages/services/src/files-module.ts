import type { UploadBucket, UploadStore } from '@kd/files';

/**
 * Spreadsheets and Word documents (exceljs, docx, csv-parse, iconv-lite's code tables: about
 * 1.5 MB bundled) load on the first use case that reads or writes a file, not at every cold start
 * of the API function: most requests read and write JSON only (docs/deploy.md, "Cold start").
 * The bundler turns this `import()` into a chunk of its own; Node caches it after the first call.
 * Code that runs on every request imports nothing but types from '@kd/files': one value imported
 * statically would pull the whole package back into the cold start (the bundler keeps a package
 * reached both ways in one chunk).
 */
export const filesModule = () => import('@kd/files');

/** The media type of .xlsx files (the same as @kd/files' XLSX_CONTENT_TYPE), for routes and mails. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `bucketUploadStore` of @kd/files over `bucket`, loaded with the first upload that needs it. */
export function lazyBucketUploadStore(bucket: UploadBucket): UploadStore {
  let store: Promise<UploadStore> | undefined;
  const load = () => (store ??= filesModule().then((files) => files.bucketUploadStore(bucket)));
  return {
    bucket: bucket.name,
    presign: async (key, contentType) => (await load()).presign(key, contentType),
    open: async (key) => (await load()).open(key),
  };
}
