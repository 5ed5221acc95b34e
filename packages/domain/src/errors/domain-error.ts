import { kindOf, type ErrorCode } from './catalogue';
import type { ErrorKind } from './kinds';

/**
 * The one error of the product: a stable English `code` from the catalogue (which decides its
 * kind, and so its HTTP status at the edge), a Vietnamese `message` for the person who reads it,
 * and the `details` needed to act on it (row, column, the violations …).
 *
 * @example
 * throw new DomainError('UNIT_LOCKED', 'Hồ sơ đã gửi cấp trên; chờ thẩm định hoặc trả lại.', { state });
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly kind: ErrorKind;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.kind = kindOf(code);
  }
}

/** A unit of the caller's province outside its subtree (403): the message every such refusal shares. */
export const outsideSubtree = () => new DomainError('OUTSIDE_SUBTREE', 'Đơn vị này nằm ngoài phạm vi quản lý của bạn.');
