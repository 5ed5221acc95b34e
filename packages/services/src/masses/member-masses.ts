import { memberMasses, vietnamDateOf, type Caller, type MemberMasses } from '@kd/domain';
import { getMassesReview, getMassesSettings, readMassesUnitYear, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';

/**
 * What the masses said about each member of a unit, and the remediation that answers it (R-MASS-12:
 * a criterion of the year-end review): empty for a tenant without the rule or a year without a
 * review. The caller has already been checked for the unit.
 */
export async function massesAboutMembers(deps: ServiceDeps, caller: Caller, unit: Pick<StoredUnit, 'id'>, year: number, memberIds: readonly string[]): Promise<Map<string, MemberMasses>> {
  const [settings, review] = await Promise.all([getMassesSettings(deps.store, caller.tenant), getMassesReview(deps.store, caller.tenant, year)]);
  if (!settings || !review) return new Map();
  const data = await readMassesUnitYear(deps.store, caller.tenant, unit.id, year);
  const keyOf = new Map(data.sessions.map((s) => [s.id, s.orderKey] as const));
  const today = vietnamDateOf(deps.clock());
  const out = new Map<string, MemberMasses>();
  for (const id of memberIds) {
    const about = memberMasses(id, data.comments, data.remediationItems, [...keyOf.values()].join('|') || unit.id, today);
    if (about.comments.length > 0 || about.remediationItems.length > 0) out.set(id, about);
  }
  return out;
}
