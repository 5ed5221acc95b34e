import type { MassesSession } from './masses-session';

/**
 * When a unit completed "sessions held" (milestone `sessionsBy`): the moment its first session
 * became complete — the last of its three signatures, recorded when given (R-MASS-10: a session
 * without the three signatures is not complete). Null while none is complete.
 */
export function sessionsDoneAt(sessions: readonly Pick<MassesSession, 'state' | 'signatures'>[]): string | null {
  const done = sessions
    .filter((s) => s.state === 'complete' && s.signatures.length > 0)
    .map((s) => s.signatures.map((g) => new Date(g.signedAt).toISOString()).sort().at(-1)!)
    .sort();
  return done[0] ?? null;
}
