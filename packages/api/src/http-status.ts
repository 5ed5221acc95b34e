import type { ErrorKind } from '@kd/domain';

/** The HTTP status of each kind of error: the one table at the edge (docs/api.md, "Errors"). */
export const httpStatus: Record<ErrorKind, 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 503> = {
  badRequest: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  tooLarge: 413,
  unsupportedType: 415,
  unprocessable: 422,
  tooManyRequests: 429,
  internal: 500,
  unavailable: 503,
};
