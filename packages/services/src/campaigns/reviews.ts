import { isPartyOrganisation, type Caller, type CollectiveReview, type CollectiveReviewInput, type MemberReview, type MemberReviewInput } from '@kd/domain';
import { requireCampaign, getCollectiveReview, getMemberReview, saveCollectiveReview, saveMemberReview } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { requireOpenCampaign } from './campaign-admin';
import { memberOfUnit, unitInScope } from '../access/scope';
import { changeBy } from '../actor';
import { selfReviewSubject, writeSelfReview } from './review-work';
import { notRatedAsCollective } from './unit-year';

/** A member's self-review record of the year (Mẫu 2A texts and checklist); rev 0 when none yet. */
export async function readSelfReview(deps: ServiceDeps, caller: Caller, year: number, unitId: string, memberId: string): Promise<MemberReview> {
  // A member signed in for themselves reads their own (review-work.ts says who may).
  const { unit, member } = await selfReviewSubject(deps, caller, unitId, memberId, false);
  await requireCampaign(deps.store, caller.tenant, year);
  return getMemberReview(deps.store, caller.tenant, unit.id, year, member.id);
}

export async function saveSelfReview(deps: ServiceDeps, caller: Caller, year: number, unitId: string, memberId: string, input: MemberReviewInput, rev: number): Promise<MemberReview> {
  if (caller.role === 'member') return writeSelfReview(deps, caller, year, unitId, memberId, input, rev);
  const unit = await unitInScope(deps.store, caller, unitId, 'results.write');
  await requireOpenCampaign(deps.store, caller.tenant, year);
  await memberOfUnit(deps.store, caller.tenant, unit, memberId);
  return saveMemberReview(deps.store, caller.tenant, unit.id, year, memberId, input, rev, changeBy(deps, caller));
}

/** The unit's collective review of the year (Mẫu 1A texts); rev 0 when none yet. */
export async function readCollectiveReview(deps: ServiceDeps, caller: Caller, year: number, unitId: string): Promise<CollectiveReview> {
  const unit = await unitInScope(deps.store, caller, unitId, 'unit.read');
  await requireCampaign(deps.store, caller.tenant, year);
  return getCollectiveReview(deps.store, caller.tenant, unit.id, year);
}

export async function saveUnitReview(deps: ServiceDeps, caller: Caller, year: number, unitId: string, input: CollectiveReviewInput, rev: number): Promise<CollectiveReview> {
  const unit = await unitInScope(deps.store, caller, unitId, 'results.write');
  await requireOpenCampaign(deps.store, caller.tenant, year);
  if (!isPartyOrganisation(unit.kind)) throw notRatedAsCollective(unit.kind);
  return saveCollectiveReview(deps.store, caller.tenant, unit.id, year, input, rev, changeBy(deps, caller));
}
