import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { XLSX_CONTENT_TYPE } from '@kd/domain';
import type { UploadSource } from '@kd/services';
import type { AppEnv } from '../env';

/** The request body as a Node stream, never buffered here: `readTable` stops at the size limit. */
export function streamedBody(c: Context<AppEnv>): UploadSource {
  const body = c.req.raw.body;
  return { stream: body ? Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>) : null, contentType: c.req.header('content-type') };
}

/** A generated .xlsx as a download, never cached. */
export function xlsxDownload(c: Context<AppEnv>, file: { bytes: Buffer; fileName: string }): Response {
  return c.body(new Uint8Array(file.bytes), 200, {
    'content-type': XLSX_CONTENT_TYPE,
    'content-disposition': `attachment; filename="${file.fileName}"`,
    'cache-control': 'no-store',
  });
}

const Binary = z.string().openapi({ format: 'binary' });

/** A spreadsheet request body (.xlsx or .csv), as every upload takes it. */
export const spreadsheetBody = {
  content: { [XLSX_CONTENT_TYPE]: { schema: Binary }, 'text/csv': { schema: Binary } },
  required: true,
  description: 'Nội dung tệp (.xlsx, hoặc .csv UTF-8, dấu phân cách "," hoặc ";"); tối đa 5 MB và 20.000 dòng dữ liệu.',
} as const;

export const xlsxResponseDoc = (description: string) => ({ content: { [XLSX_CONTENT_TYPE]: { schema: Binary } }, description });

export const DryRun = z.object({
  dryRun: z.enum(['true', 'false']).default('true').openapi({ description: 'true: chỉ kiểm tra, không ghi gì (mặc định); false: ghi nếu không có lỗi' }),
});
