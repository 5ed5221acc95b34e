import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '@kd/domain';
import { XLSX_CONTENT_TYPE } from '@kd/files';
import type { UploadSource } from '@kd/services';
import type { AppEnv } from '../env';

/** A form posting a spreadsheet: the 5 MB file limit plus room for the form's other fields. */
export const formFileLimit = bodyLimit({
  maxSize: 6 * 1024 * 1024,
  onError: () => {
    throw new DomainError('FILE_TOO_LARGE', 'Tệp quá lớn (tối đa 5 MB).');
  },
});

/** The form's fields and its file (field `file`) as an upload body, read the way every upload is. */
export async function formWithFile(c: Context<AppEnv>): Promise<{ fields: Record<string, string>; file: UploadSource }> {
  const body = await c.req.parseBody();
  const fields = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const file = body.file;
  if (!(file instanceof File) || file.size === 0) return { fields, file: { stream: null, contentType: 'text/csv' } };
  const contentType = /\.xlsx$/i.test(file.name) ? XLSX_CONTENT_TYPE : file.type && file.type !== 'application/octet-stream' ? file.type : 'text/csv';
  return { fields, file: { stream: Readable.from(Buffer.from(await file.arrayBuffer())), contentType } };
}
