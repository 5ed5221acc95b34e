import { compareVietnameseNames, isCell, isRatedCollective, rewardLookback, rewardsFor, rulebookFor, type Caller, type RatingHistory, type RewardList, type RewardYear } from '@kd/domain';
import { listCampaigns, listSubtree, listUnitMembers, requireCampaign, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';
import { memberHistories, organisationHistories } from './rating-history';

const yearsOf = (h: RatingHistory | undefined): RewardYear[] => [...(h ?? new Map()).entries()].map(([year, o]) => ({ year, rating: o.rating, imported: o.imported })).sort((a, b) => a.year - b.year);

/**
 * The rewards list of a unit's subtree for a year (R-REW-01, R-CONS-01 as the year's rulebook
 * states them): today's members and organisations, each with its ratings over the years the rules
 * look back on — imported years included — and what the rules propose or put to the committee.
 */
export async function rewardList(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<RewardList & { units: StoredUnit[] }> {
  const unit = await unitInScope(deps.store, caller, unitId, 'member.read');
  const campaign = await requireCampaign(deps.store, caller.tenant, year);
  const rulebook = rulebookFor(campaign);
  const years = { from: year - rewardLookback(rulebook) + 1, to: year };
  const [campaigns, subtree] = await Promise.all([listCampaigns(deps.store, caller.tenant), listSubtree(deps.store, caller.tenant, unit)]);
  const names = new Map(subtree.map((u) => [u.id, u.name] as const));
  const members = (await Promise.all(subtree.filter((u) => isCell(u.kind)).map((u) => listUnitMembers(deps.store, caller.tenant, u.id)))).flat();
  const organisations = subtree.filter((u) => isRatedCollective(rulebook, u.kind));
  const [memberHistory, orgHistory] = await Promise.all([
    memberHistories(deps.store, caller.tenant, members, years, new Map(campaigns.map((c) => [c.year, c] as const))),
    organisationHistories(deps.store, caller.tenant, organisations.map((o) => o.id), years),
  ]);
  const interpretations = new Map<string, string>();
  const note = (items: readonly { ruleId: string; interpretation: string | null }[]) => {
    for (const i of items) if (i.interpretation) interpretations.set(i.ruleId, i.interpretation);
  };
  const list: RewardList = {
    year,
    unitId: unit.id,
    unitName: unit.name,
    members: members
      .map((m) => {
        const outcome = rewardsFor(rulebook, 'member', null, memberHistory.get(m.id) ?? new Map(), year);
        note(outcome.proposals);
        note(outcome.flags);
        return { memberId: m.id, fullName: m.fullName, unitId: m.unitId, unitName: names.get(m.unitId) ?? m.unitId, history: yearsOf(memberHistory.get(m.id)), ...outcome };
      })
      .sort((a, b) => a.unitName.localeCompare(b.unitName, 'vi') || compareVietnameseNames(a.fullName, b.fullName)),
    organisations: organisations.map((o) => {
      const { proposals } = rewardsFor(rulebook, 'organisation', o.kind, orgHistory.get(o.id) ?? new Map(), year);
      note(proposals);
      return { unitId: o.id, name: o.name, kind: o.kind, history: yearsOf(orgHistory.get(o.id)), proposals };
    }),
    interpretations: [...interpretations].map(([ruleId, text]) => ({ ruleId, note: text })),
  };
  return { ...list, units: subtree };
}

/** Reward counts per unit of the subtree (its members, wherever below): Biểu 2 column 18. */
export async function rewardCounts(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<Map<string, { year: number; fiveYears: number }>> {
  const list = await rewardList(deps, caller, year, unitId);
  const paths = new Map(list.units.map((u) => [u.id, u.path] as const));
  const counts = new Map<string, { year: number; fiveYears: number }>();
  for (const m of list.members) {
    const inYear = m.proposals.some((p) => p.years.length === 1);
    const five = m.proposals.some((p) => p.years.length > 1);
    if (!inYear && !five) continue;
    for (const id of paths.get(m.unitId) ?? []) {
      const c = counts.get(id) ?? { year: 0, fiveYears: 0 };
      counts.set(id, { year: c.year + (inYear ? 1 : 0), fiveYears: c.fiveYears + (five ? 1 : 0) });
    }
  }
  return counts;
}
