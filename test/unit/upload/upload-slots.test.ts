import { describe, expect, it } from 'vitest';
import { DomainError } from '@kd/domain';
import { uploadSlots, withUploadSlot } from '@kd/services';

/** The per-province bound on uploads read at once: slots, a bounded queue, a wait limit. */
describe('upload slots', () => {
  it('grants a tenant its slots, queues the next ones in order, and refuses past the queue with UPLOADS_BUSY', async () => {
    const slots = uploadSlots({ perTenant: 2, queue: 1, waitMs: 60_000 });
    const a = await slots.acquire('t1');
    const b = await slots.acquire('t1');
    let third: (() => void) | undefined;
    const waiting = slots.acquire('t1').then((release) => (third = release));
    const refused = await slots.acquire('t1').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'UPLOADS_BUSY', kind: 'tooManyRequests' });
    // Another province is not held back by this one.
    const other = await slots.acquire('t2');
    expect(third).toBeUndefined();
    a();
    a(); // a second release of the same slot gives nothing back twice
    await waiting;
    expect(third).toBeDefined();
    // The queue has room again: the next one waits for a slot instead of being refused.
    const fourth = slots.acquire('t1');
    b();
    (await fourth)();
    third!();
    other();
  });

  it('refuses an upload that waited longer than the limit, and frees its place in the queue', async () => {
    const slots = uploadSlots({ perTenant: 1, queue: 1, waitMs: 5 });
    const held = await slots.acquire('t1');
    await expect(slots.acquire('t1')).rejects.toMatchObject({ code: 'UPLOADS_BUSY' });
    held();
    const next = await slots.acquire('t1');
    next();
  });

  it('gives the slot back when the work fails', async () => {
    const slots = uploadSlots({ perTenant: 1, queue: 0, waitMs: 5 });
    await expect(withUploadSlot(slots, 't1', async () => Promise.reject(new Error('unreadable file')))).rejects.toThrow('unreadable file');
    expect(await withUploadSlot(slots, 't1', async () => 'read')).toBe('read');
  });
});
