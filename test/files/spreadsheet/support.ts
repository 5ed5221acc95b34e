import { DomainError } from '@kd/domain';

/** The DomainError a promise rejects with; fails the test on success or on any other error. */
export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}
