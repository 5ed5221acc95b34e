import { DomainError, emptyFacts, rulebookFor, isRatedCollective, isCell, isPartyOrganisation, collectiveRatingOf, evaluateUnitYear, type Campaign, type Caller, type Action, type MemberFacts, type Rating, type ResolvedRulebook, type UnitKind, type UnitYear, type UnitYearEvaluation } from '@kd/domain';
import { requireCampaign, getDossiers, loadUnitYear, listSubtree, type StoredUnitYear, type StoredUnit } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';

function asUnitYear(unit: StoredUnit, stored: StoredUnitYear): UnitYear {
  return {
    unit: { id: unit.id, kind: unit.kind, foundedOn: unit.foundedOn },
    members: stored.members,
    rows: stored.rows,
    collective: stored.dossier.collective,
    adjustedCollective: stored.dossier.adjustedCollective,
    meetingDate: stored.dossier.meetingDate,
    quotaExceptionShare: stored.dossier.quotaException?.share ?? null,
  };
}

export interface EvaluatedUnitYear {
  campaign: Campaign;
  unit: StoredUnit;
  stored: StoredUnitYear;
  evaluation: UnitYearEvaluation;
}

/**
 * A unit's year, evaluated with the campaign's rulebook (or `rulebook`, to see what a change of the
 * rules would do): for a committee (base or sub), the members of its whole subtree count in its
 * quota, and its direct children's collective ratings and disciplines in its own rating.
 */
export async function evaluateStoredUnit(deps: ServiceDeps, tenant: string, unit: StoredUnit, campaign: Campaign, rulebook: ResolvedRulebook = rulebookFor(campaign)): Promise<EvaluatedUnitYear> {
  const stored = await loadUnitYear(deps.store, tenant, unit.id, campaign.year);
  const committee = isPartyOrganisation(unit.kind) && !isCell(unit.kind);
  let subtree: UnitYear[] = [];
  let childCollectiveRatings: (Rating | null)[] = [];
  let subordinateDisciplined = false;
  const rated = isRatedCollective(rulebook, unit.kind);
  if (committee || (rated && !isCell(unit.kind))) {
    const below = (await listSubtree(deps.store, tenant, unit)).filter((u) => u.id !== unit.id && isRatedCollective(rulebook, u.kind));
    // The quota covers members of a base or sub-committee's subtree; a committee above them (r2025) rates itself only.
    const holders = committee ? below.filter((u) => isCell(u.kind) || u.memberCount > 0) : [];
    subtree = await Promise.all(holders.map(async (u) => asUnitYear(u, await loadUnitYear(deps.store, tenant, u.id, campaign.year))));
    const children = below.filter((u) => u.parentId === unit.id);
    const dossiers = await getDossiers(deps.store, tenant, children.map((u) => u.id), campaign.year);
    childCollectiveRatings = children.map((u) => collectiveRatingOf(dossiers.get(u.id)!));
    subordinateDisciplined = children.some((u) => dossiers.get(u.id)!.collective.disciplined);
  }
  const evaluation = evaluateUnitYear({
    rulebook,
    year: campaign.year,
    campaignRatingDate: campaign.ratingDate,
    unitYear: asUnitYear(unit, stored),
    subtree,
    childCollectiveRatings,
    subordinateDisciplined,
  });
  return { campaign, unit, stored, evaluation };
}

/** The caller's view of a unit's year: scope first (403/404), then the campaign, then the evaluation. */
export async function evaluatedUnit(deps: ServiceDeps, caller: Caller, year: number, unitId: string, action: Action = 'unit.read'): Promise<EvaluatedUnitYear> {
  const unit = await unitInScope(deps.store, caller, unitId, action);
  const campaign = await requireCampaign(deps.store, caller.tenant, year);
  return evaluateStoredUnit(deps, caller.tenant, unit, campaign);
}

/** The facts of a member's row, or empty facts for a member without one (forms start from these). */
export function factsOf(stored: StoredUnitYear, memberId: string): MemberFacts {
  return stored.rows.get(memberId)?.facts ?? emptyFacts();
}

export function notRatedAsCollective(kind: UnitKind): DomainError {
  return new DomainError('NOT_RATED_AS_COLLECTIVE', 'Đơn vị này không đánh giá, xếp loại như một tập thể trong năm này (tổ đảng, tỉnh ủy; đảng ủy cấp trên cơ sở trước năm 2025).', { kind });
}
