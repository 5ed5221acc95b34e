/**
 * Waits before retry number `attempt` (0 for the first retry): the wait doubles from `baseMs` up
 * to `capMs`. With `jitter`, it is scaled by 0.5–1.5 at random so that writers that collided once
 * do not collide again in step.
 */
export function backoff(attempt: number, { baseMs = 20, capMs = 1000, jitter = false }: { baseMs?: number; capMs?: number; jitter?: boolean } = {}): Promise<void> {
  const ms = Math.min(capMs, baseMs * 2 ** attempt) * (jitter ? 0.5 + Math.random() : 1);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
