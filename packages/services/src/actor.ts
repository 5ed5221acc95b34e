import type { Actor } from '@kd/data';
import type { Caller } from '@kd/domain';
import type { ServiceDeps } from './deps';

/** Who did a change, as the audit trail records it. */
export function actorOf(caller: Caller): Actor {
  return { sub: caller.sub, name: caller.name, role: caller.role, unit: caller.unit };
}

/** The actor and the time of a change, read once from the deps' clock. */
export function changeBy(deps: ServiceDeps, caller: Caller): { actor: Actor; at: string } {
  return { actor: actorOf(caller), at: deps.clock().toISOString() };
}
