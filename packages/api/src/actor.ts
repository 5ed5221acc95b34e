import type { Actor } from '@kd/data/audit';
import type { Caller } from './auth/claims';

export function actorOf(caller: Caller): Actor {
  return { sub: caller.sub, name: caller.name, role: caller.role, unit: caller.unit };
}
