import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/** Error names DynamoDB and the SDK give to capacity, contention and time-outs. */
const BUSY_NAMES = /TransactionConflict|ProvisionedThroughputExceeded|Throttl|RequestLimitExceeded|InternalServerError|ServiceUnavailable|TransactionInProgress|TimeoutError|RequestTimeout/;
/** Socket errors of a connection that broke or never answered. */
const BUSY_SOCKET_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

/** Reasons a cancelled transaction gives when it lost a race or a capacity check, not a condition. */
const RETRYABLE_REASONS = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);

/**
 * A cancelled transaction that changed nothing and failed for contention or capacity only: no
 * condition of ours failed, so sending it again is safe and may succeed.
 */
export function isRetryableCancellation(error: unknown): boolean {
  if (!(error instanceof TransactionCanceledException)) return false;
  const codes = (error.CancellationReasons ?? []).map((r) => r.Code ?? 'None');
  return codes.some((c) => RETRYABLE_REASONS.has(c)) && codes.every((c) => c === 'None' || RETRYABLE_REASONS.has(c));
}

/**
 * The store could not answer in time or had no capacity, after the SDK's own retries: the request
 * changed nothing that a reader sees and may be sent again (the edge answers 503 STORE_BUSY).
 */
export function isStoreBusy(error: unknown): boolean {
  if (isRetryableCancellation(error)) return true;
  const e = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number }; $fault?: string } | null;
  if (!e || typeof e !== 'object') return false;
  if (BUSY_NAMES.test(e.name ?? '')) return true;
  if (e.code && BUSY_SOCKET_CODES.has(e.code)) return true;
  const status = e.$metadata?.httpStatusCode ?? 0;
  return e.$fault === 'server' && status >= 500;
}
