import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const docxFile = (description: string) => ({ content: { [DOCX]: { schema: z.string().openapi({ format: 'binary' }) } }, description });

export function docxResponse(c: Context, file: { bytes: Buffer; fileName: string }): Response {
  return c.body(new Uint8Array(file.bytes), 200, { 'content-type': DOCX, 'content-disposition': `attachment; filename="${file.fileName}"` });
}

export function xlsxResponse(c: Context, file: { bytes: Buffer; fileName: string }): Response {
  return c.body(new Uint8Array(file.bytes), 200, { 'content-type': XLSX, 'content-disposition': `attachment; filename="${file.fileName}"` });
}
