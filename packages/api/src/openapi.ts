import { z } from '@hono/zod-openapi';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'OUTSIDE_SUBTREE' }),
      message: z.string().openapi({ example: 'Đơn vị này nằm ngoài phạm vi quản lý của bạn.' }),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

const err = (description: string) => ({ content: { 'application/json': { schema: ErrorSchema } }, description });

/** The error answers every authenticated route can give (contract §2). */
export const commonErrors = {
  400: err('Dữ liệu không đọc được hoặc sai dạng'),
  401: err('Chưa đăng nhập hoặc token không hợp lệ'),
  403: err('Đơn vị nằm ngoài phạm vi của người dùng, hoặc vai trò không được phép'),
  404: err('Không tồn tại (kể cả dữ liệu của tỉnh khác)'),
} as const;
export const conflictError = { 409: err('Xung đột phiên bản hoặc đơn vị đã khóa') } as const;
export const refusedError = { 422: err('Yêu cầu hợp lệ nhưng quy tắc không cho phép') } as const;

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
