import { z } from '@hono/zod-openapi';
import { codesOfKind, errorCatalogue, type ErrorKind } from '@kd/domain';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'OUTSIDE_SUBTREE' }),
      message: z.string().openapi({ example: 'Đơn vị này nằm ngoài phạm vi quản lý của bạn.' }),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

/** An error response of one kind, its description listing every code of that kind in the catalogue. */
export const errorDoc = (kind: ErrorKind, summary: string) => ({
  content: { 'application/json': { schema: ErrorSchema } },
  description: `${summary}. Mã lỗi: ${codesOfKind(kind).map((code) => `\`${code}\` (${errorCatalogue[code].meaning.replace(/\.$/, '')})`).join('; ')}.`,
});

/** The error answers every authenticated route can give (docs/api.md, "Errors"). */
export const commonErrors = {
  400: errorDoc('badRequest', 'Dữ liệu không đọc được hoặc sai dạng'),
  401: errorDoc('unauthenticated', 'Chưa đăng nhập hoặc token không hợp lệ'),
  403: errorDoc('forbidden', 'Đơn vị nằm ngoài phạm vi của người dùng, hoặc vai trò không được phép'),
  404: errorDoc('notFound', 'Không tồn tại (kể cả dữ liệu của tỉnh khác)'),
  503: errorDoc('unavailable', 'Cơ sở dữ liệu quá tải hoặc không trả lời kịp sau các lần thử lại; gửi lại sau `Retry-After` giây'),
} as const;
export const conflictError = { 409: errorDoc('conflict', 'Xung đột phiên bản hoặc đơn vị đã khóa') } as const;
export const refusedError = { 422: errorDoc('unprocessable', 'Yêu cầu hợp lệ nhưng quy tắc không cho phép') } as const;
export const tooLargeError = { 413: errorDoc('tooLarge', 'Quá lớn') } as const;
export const unsupportedTypeError = { 415: errorDoc('unsupportedType', 'Sai kiểu nội dung') } as const;
export const busyError = { 429: errorDoc('tooManyRequests', 'Quá nhiều tệp của tỉnh đang được xử lý cùng lúc; gửi lại sau `Retry-After` giây') } as const;

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});

export const bearer = [{ bearerAuth: [] as string[] }];

export const UnitIdParam = z.object({
  unitId: z.string().min(1).max(100).openapi({ param: { name: 'unitId', in: 'path' }, example: 'tv-duk-syt-bvp' }),
});
export const MemberIdParam = z.object({
  memberId: z.string().min(1).max(100).openapi({ param: { name: 'memberId', in: 'path' }, example: '84.000123' }),
});
