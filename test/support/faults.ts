import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import type { FinalizeRequestMiddleware, MiddlewareStack } from '@smithy/types';

/**
 * What a DynamoDB (or SES) call can suffer, injected as SDK middleware INSIDE the SDK's retry loop
 * (right after `retryMiddleware`), so the SDK's own retries, and ours above them, see the faults
 * exactly as they would see the service's:
 * - `throttle` — the call is refused for capacity (ProvisionedThroughputExceededException, 400);
 * - `timeout` — the call never got an answer and was not applied (TimeoutError);
 * - `lostAnswer` — the call WAS applied, then the answer was lost (TimeoutError after the send);
 * - `conflict` — a transaction cancelled by another one on the same items (TransactionConflict);
 * - `reject` — a permanent refusal of the service (`MessageRejected`, not retryable).
 */
export type Fault = 'throttle' | 'timeout' | 'lostAnswer' | 'conflict' | 'reject' | 'tooManyRequests';

export interface FaultPlan {
  /** Command names it applies to, e.g. /TransactWriteItems/. */
  command: RegExp;
  fault: Fault;
  /** How many calls it hits (Infinity: until cleared). */
  times: number;
}

const meta = (httpStatusCode: number) => ({ httpStatusCode, attempts: 1, totalRetryDelay: 0 });

function errorOf(fault: Exclude<Fault, 'lostAnswer'>): Error {
  switch (fault) {
    case 'throttle':
      return Object.assign(new Error('The level of configured provisioned throughput for the table was exceeded.'), { name: 'ProvisionedThroughputExceededException', $fault: 'client', $metadata: meta(400) });
    case 'tooManyRequests':
      return Object.assign(new Error('Maximum sending rate exceeded.'), { name: 'TooManyRequestsException', $fault: 'client', $metadata: meta(429) });
    case 'timeout':
      return Object.assign(new Error('Connection timed out after 5000 ms'), { name: 'TimeoutError', $metadata: meta(0) });
    case 'conflict':
      return new TransactionCanceledException({ message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]', $metadata: meta(400), CancellationReasons: [{ Code: 'TransactionConflict' }] });
    case 'reject':
      return Object.assign(new Error('Email address is not verified.'), { name: 'MessageRejected', $fault: 'client', $metadata: meta(400) });
  }
}

/**
 * Installs the injector on a client's middleware stack. `respond` short-circuits the call instead
 * of sending it (a client with no service behind it, e.g. SES in tests).
 */
export function injectFaults(stack: MiddlewareStack<any, any>, respond?: (commandName: string, input: unknown) => unknown) {
  const plans: FaultPlan[] = [];
  const counts = { injected: 0, calls: 0, applied: 0, byFault: {} as Record<string, number> };
  const middleware: FinalizeRequestMiddleware<any, any> = (next, context) => async (args) => {
    const name = String(context.commandName ?? '');
    counts.calls++;
    const plan = plans.find((p) => p.times > 0 && p.command.test(name));
    const send = async () => {
      const out = respond ? { output: { ...(respond(name, args.input) as object), $metadata: meta(200) }, response: {} } : await next(args);
      counts.applied++;
      return out;
    };
    if (!plan) return send();
    plan.times--;
    counts.injected++;
    counts.byFault[plan.fault] = (counts.byFault[plan.fault] ?? 0) + 1;
    if (plan.fault === 'lostAnswer') {
      await send();
      throw errorOf('timeout');
    }
    throw errorOf(plan.fault);
  };
  stack.addRelativeTo(middleware, { relation: 'after', toMiddleware: 'retryMiddleware', name: 'injectFaults', override: true });
  return {
    counts,
    plan(...add: FaultPlan[]) {
      plans.push(...add);
    },
    clear() {
      plans.length = 0;
    },
  };
}
