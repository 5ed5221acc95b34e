import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ZodError } from 'zod';
import { DomainError } from '@kd/domain';
import { isStoreBusy } from '@kd/data';
import { httpStatus } from './http-status';
import { sourceMappedStack } from './source-mapped-stack';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Turns anything thrown into a known error, keeping the cause. The single place errors become responses. */
export function toDomainError(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  if (error instanceof ZodError) {
    return new DomainError('VALIDATION_FAILED', 'Dữ liệu gửi lên không hợp lệ.', issues(error), { cause: error });
  }
  if (error instanceof HTTPException) {
    const code = error.status === 413 ? 'FILE_TOO_LARGE' : error.status === 401 ? 'UNAUTHENTICATED' : 'BAD_REQUEST';
    return new DomainError(code, error.message || 'Yêu cầu không hợp lệ.', undefined, { cause: error });
  }
  if (isStoreBusy(error)) {
    return new DomainError('STORE_BUSY', 'Hệ thống đang bận, chưa trả lời kịp. Đồng chí vui lòng gửi lại sau ít giây.', undefined, { cause: error });
  }
  if (error instanceof SyntaxError) {
    return new DomainError('MALFORMED_JSON', 'Nội dung JSON không đọc được.', undefined, { cause: error });
  }
  return new DomainError('INTERNAL', 'Đã có lỗi hệ thống. Vui lòng thử lại sau.', undefined, { cause: error });
}

export function issues(error: ZodError) {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, code: i.code }));
}

export function errorBody(e: DomainError): ErrorBody {
  return { error: { code: e.code, message: e.message, ...(e.details !== undefined ? { details: e.details } : {}) } };
}

/** Seconds a client should wait before sending again, for the kinds that ask it to. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * What is logged of a failure: internal errors with their stack (pointed at the sources,
 * source-mapped-stack.ts), a busy store by its cause's name (the request id is in the access log).
 * Nothing of the request body is logged.
 */
export function logFailure(e: DomainError): void {
  if (e.kind === 'internal') console.error(sourceMappedStack(e.cause ?? e));
  else if (e.kind === 'unavailable') console.warn(JSON.stringify({ msg: 'store.busy', code: e.code, cause: (e.cause as { name?: string } | undefined)?.name }));
}

export function retryHeaders(e: DomainError): Record<string, string> {
  return e.kind === 'unavailable' || e.kind === 'tooManyRequests' ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {};
}

export function errorResponse(c: Context, error: unknown): Response {
  const e = toDomainError(error);
  logFailure(e);
  return c.json(errorBody(e), httpStatus[e.kind], retryHeaders(e));
}
