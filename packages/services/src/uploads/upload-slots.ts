import { DomainError } from '@kd/domain';

/** Grants a tenant's upload a slot; the function returned gives it back. */
export interface UploadSlots {
  acquire(tenant: string): Promise<() => void>;
}

export interface UploadSlotLimits {
  /** Files of one tenant read and checked at once. */
  perTenant: number;
  /** Uploads of one tenant waiting for a slot; one more is refused at once. */
  queue: number;
  /** How long an upload waits for a slot before it is refused. */
  waitMs: number;
}

/**
 * Files of one province being read, checked and committed at once, and how many may wait: each
 * costs tens of MB while it is read (docs/uploads.md, "Memory per request"), so one province's
 * December cannot take the memory of the process from the others. A waiting upload's body is not
 * read yet (the socket holds it back). Refused: 429 UPLOADS_BUSY.
 */
export const DEFAULT_UPLOAD_SLOTS: UploadSlotLimits = { perTenant: 4, queue: 32, waitMs: 15_000 };

const busy = () => new DomainError('UPLOADS_BUSY', 'Đang có nhiều tệp của tỉnh được xử lý cùng lúc. Đồng chí vui lòng gửi lại tệp sau ít giây.');

interface Waiter {
  grant: () => void;
  timer: ReturnType<typeof setTimeout>;
}

/** A counting semaphore per tenant, with a bounded, time-limited queue. */
export function uploadSlots(limits: UploadSlotLimits = DEFAULT_UPLOAD_SLOTS): UploadSlots {
  const tenants = new Map<string, { active: number; waiting: Waiter[] }>();
  const releaser = (tenant: string) => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const state = tenants.get(tenant)!;
      const next = state.waiting.shift();
      if (next) {
        clearTimeout(next.timer);
        next.grant();
      } else if (--state.active === 0) tenants.delete(tenant);
    };
  };
  return {
    acquire(tenant) {
      const state = tenants.get(tenant) ?? { active: 0, waiting: [] };
      tenants.set(tenant, state);
      if (state.active < limits.perTenant) {
        state.active++;
        return Promise.resolve(releaser(tenant));
      }
      if (state.waiting.length >= limits.queue) return Promise.reject(busy());
      return new Promise((resolve, reject) => {
        const waiter: Waiter = {
          grant: () => resolve(releaser(tenant)),
          timer: setTimeout(() => {
            state.waiting.splice(state.waiting.indexOf(waiter), 1);
            reject(busy());
          }, limits.waitMs),
        };
        state.waiting.push(waiter);
      });
    },
  };
}

/** The process's slots, for deps that bring none of their own. */
const processSlots = uploadSlots();

/** Runs `work` holding one of the tenant's upload slots. */
export async function withUploadSlot<T>(slots: UploadSlots | undefined, tenant: string, work: () => Promise<T>): Promise<T> {
  const release = await (slots ?? processSlots).acquire(tenant);
  try {
    return await work();
  } finally {
    release();
  }
}
