/**
 * What kind of failure an error is. The HTTP edge maps each kind to one status
 * (packages/api/src/http-status.ts); the domain never speaks HTTP.
 */
export const errorKinds = [
  'badRequest',
  'unauthenticated',
  'forbidden',
  'notFound',
  'conflict',
  'tooLarge',
  'unsupportedType',
  'unprocessable',
  'tooManyRequests',
  'internal',
  'unavailable',
] as const;
export type ErrorKind = (typeof errorKinds)[number];
