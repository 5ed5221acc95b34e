import { commentChannelLabels, commentPlace, memberMasses, remediationStatusLabels, vietnamDateOf, type Caller, type MassesInReview, type MemberMasses } from '@kd/domain';
import { getMassesReview, getMassesSettings, readMassesUnitYear, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';

/**
 * What the masses said about each member of a unit, and the remediation that answers it (R-MASS-12:
 * a criterion of the year-end review): empty for a tenant without the rule or a year without a
 * review. The caller has already been checked for the unit.
 */
export async function massesAboutMembers(deps: ServiceDeps, caller: Caller, unit: Pick<StoredUnit, 'id' | 'path'>, year: number, memberIds: readonly string[]): Promise<Map<string, MemberMasses>> {
  const [settings, review] = await Promise.all([getMassesSettings(deps.store, caller.tenant), getMassesReview(deps.store, caller.tenant, year)]);
  if (!settings || !review) return new Map();
  // A member may stand before the masses at its own unit's session or at one held above it (a shared workplace).
  const years = await Promise.all(unit.path.map((id) => readMassesUnitYear(deps.store, caller.tenant, id, year)));
  const comments = years.flatMap((d) => d.comments);
  const items = years.flatMap((d) => d.remediationItems);
  const orderKey = years.flatMap((d) => d.sessions.map((s) => s.orderKey)).join('|') || unit.id;
  const today = vietnamDateOf(deps.clock());
  const out = new Map<string, MemberMasses>();
  for (const id of memberIds) {
    const about = memberMasses(id, comments, items, orderKey, today);
    if (about.comments.length > 0 || about.remediationItems.length > 0) out.set(id, about);
  }
  return out;
}

/** A member's masses results as the review's Word documents print them. */
export function massesInReviewOf(about: MemberMasses, year: number): MassesInReview {
  return {
    year,
    comments: about.comments.map((c) => ({ place: commentPlace(c), channel: commentChannelLabels[c.channel], text: c.text, dissenting: c.dissenting })),
    remediation: about.remediationItems.map((r) => ({ text: r.text, owner: r.owner, deadline: r.deadline, status: remediationStatusLabels[r.status], overdue: r.overdue })),
  };
}
