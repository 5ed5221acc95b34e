import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { XLSX_CONTENT_TYPE } from '@kd/domain';
import type { UploadSource } from '@kd/services';
import type { AppEnv } from '../env';

/** The form's fields and its file (field `file`) as an upload body, read the way every upload is. */
export async function formWithFile(c: Context<AppEnv>): Promise<{ fields: Record<string, string>; file: UploadSource }> {
  const body = await c.req.parseBody();
  const fields = Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const file = body.file;
  if (!(file instanceof File) || file.size === 0) return { fields, file: { stream: null, contentType: 'text/csv' } };
  const contentType = /\.xlsx$/i.test(file.name) ? XLSX_CONTENT_TYPE : file.type && file.type !== 'application/octet-stream' ? file.type : 'text/csv';
  return { fields, file: { stream: Readable.from(Buffer.from(await file.arrayBuffer())), contentType } };
}
