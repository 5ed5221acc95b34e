/**
 * One error vocabulary for the whole product. Each error has a stable English `code`, a
 * Vietnamese `message`, and a `kind` that decides the HTTP status in one table (`statusOfKind`).
 */
export const errorKinds = {
  badRequest: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  tooLarge: 413,
  unsupportedType: 415,
  unprocessable: 422,
  internal: 500,
} as const;
export type ErrorKind = keyof typeof errorKinds;

export function statusOfKind(kind: ErrorKind): number {
  return errorKinds[kind];
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get status(): number {
    return statusOfKind(this.kind);
  }
}

export const notFound = (what = 'Không tìm thấy dữ liệu yêu cầu.', code = 'NOT_FOUND') =>
  new DomainError('notFound', code, what);
export const forbidden = (message = 'Đơn vị này nằm ngoài phạm vi quản lý của bạn.', code = 'OUTSIDE_SUBTREE') =>
  new DomainError('forbidden', code, message);
export const conflict = (code: string, message: string, details?: unknown) =>
  new DomainError('conflict', code, message, details);
export const badRequest = (code: string, message: string, details?: unknown) =>
  new DomainError('badRequest', code, message, details);
export const unprocessable = (code: string, message: string, details?: unknown) =>
  new DomainError('unprocessable', code, message, details);
