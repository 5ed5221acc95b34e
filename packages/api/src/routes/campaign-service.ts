import type { Campaign } from '@kd/domain/campaign';
import { DomainError, notFound, unprocessable } from '@kd/domain/errors';
import { emptyFacts, type MemberFacts } from '@kd/domain/member-facts';
import type { Member } from '@kd/domain/member';
import type { Rating } from '@kd/domain/rating';
import { resolveRulebook } from '@kd/domain/rulebook/index';
import type { ResolvedRulebook } from '@kd/domain/rulebook/schema';
import { isCell, isPartyOrganisation, type UnitKind } from '@kd/domain/unit-kind';
import { vietnamDateOf } from '@kd/domain/local-date';
import type { Adjustments } from '@kd/domain/review/appraisal';
import type { CollectiveReviewInput } from '@kd/domain/review/collective-review';
import type { MemberReviewInput } from '@kd/domain/review/member-review';
import { appraisalDoneAt, cellEvents, milestoneStatuses, type MilestoneStatus, type UnitEvents } from '@kd/domain/review/milestone-status';
import { collectiveRatingOf, evaluateUnitYear, type UnitYear, type UnitYearEvaluation } from '@kd/domain/review/unit-year';
import { nextState } from '@kd/domain/review/workflow';
import { requireCampaign } from '@kd/data/campaign-repository';
import { getDossier, saveResultRow, updateDossier, type Dossier, type ResultRow } from '@kd/data/dossier';
import {
  approveDossier,
  getDossiers,
  listUnitEvents,
  loadUnitYear,
  recordCellMeeting,
  recordUnitEvent,
  saveCollectiveReview,
  saveMemberReview,
  type CellMeeting,
  type StoredUnitYear,
} from '@kd/data/review-repository';
import { getMember } from '@kd/data/member-repository';
import { listSubtree, type StoredUnit } from '@kd/data/unit-repository';
import type { AppDeps } from '../deps';
import type { Caller } from '../auth/claims';
import { assertInScope, assertStrictlyBelow, unitInScope } from '../access/scope';
import type { Action } from '../access/permissions';
import { actorOf } from '../actor';

/**
 * What the campaign routes and pages do, between the scope check and the storage: load a unit's
 * year, let the domain evaluate it, and write through the repositories. The scope check always
 * comes first, so a unit outside the caller's subtree answers 403 before anything else can answer.
 */

export async function scopedUnit(deps: AppDeps, caller: Caller, unitId: string, action: Action): Promise<StoredUnit> {
  return unitInScope(deps.store, caller, unitId, action);
}

export async function scopedMember(deps: AppDeps, caller: Caller, unit: StoredUnit, memberId: string): Promise<Member> {
  const member = await getMember(deps.store, caller.tenant, memberId);
  if (!member || member.unitId !== unit.id) throw notFound('Không tìm thấy đảng viên trong đơn vị này.', 'MEMBER_NOT_FOUND');
  return member;
}

export function rulebookOf(campaign: Campaign): ResolvedRulebook {
  return resolveRulebook(campaign.rulebookId, campaign.overlayIds);
}

function asUnitYear(unit: StoredUnit, stored: StoredUnitYear): UnitYear {
  return {
    unit: { id: unit.id, kind: unit.kind, foundedOn: unit.foundedOn },
    members: stored.members,
    rows: stored.rows,
    collective: stored.dossier.collective,
    adjustedCollective: stored.dossier.adjustedCollective,
    meetingDate: stored.dossier.meetingDate,
  };
}

export interface EvaluatedUnitYear {
  campaign: Campaign;
  unit: StoredUnit;
  stored: StoredUnitYear;
  evaluation: UnitYearEvaluation;
}

/**
 * A unit's year, evaluated with the campaign's rulebook: for a committee (base or sub), the members
 * of its whole subtree count in its quota and its direct children's collective ratings in its own.
 */
export async function evaluateStoredUnit(deps: AppDeps, tenant: string, unit: StoredUnit, campaign: Campaign): Promise<EvaluatedUnitYear> {
  const stored = await loadUnitYear(deps.store, tenant, unit.id, campaign.year);
  const committee = isPartyOrganisation(unit.kind) && !isCell(unit.kind);
  let subtree: UnitYear[] = [];
  let childCollectiveRatings: (Rating | null)[] = [];
  if (committee) {
    const below = (await listSubtree(deps.store, tenant, unit)).filter((u) => u.id !== unit.id && isPartyOrganisation(u.kind));
    const holders = below.filter((u) => isCell(u.kind) || u.memberCount > 0);
    subtree = await Promise.all(holders.map(async (u) => asUnitYear(u, await loadUnitYear(deps.store, tenant, u.id, campaign.year))));
    const children = below.filter((u) => u.parentId === unit.id);
    const dossiers = await getDossiers(deps.store, tenant, children.map((u) => u.id), campaign.year);
    childCollectiveRatings = children.map((u) => collectiveRatingOf(dossiers.get(u.id)!));
  }
  const evaluation = evaluateUnitYear({
    rulebook: rulebookOf(campaign),
    year: campaign.year,
    campaignRatingDate: campaign.ratingDate,
    unitYear: asUnitYear(unit, stored),
    subtree,
    childCollectiveRatings,
    isPartyOrganisation: isPartyOrganisation(unit.kind),
  });
  return { campaign, unit, stored, evaluation };
}

export async function evaluatedUnit(deps: AppDeps, caller: Caller, year: number, unitId: string, action: Action = 'unit.read'): Promise<EvaluatedUnitYear> {
  const unit = await scopedUnit(deps, caller, unitId, action);
  const campaign = await requireCampaign(deps.store, caller.tenant, year);
  return evaluateStoredUnit(deps, caller.tenant, unit, campaign);
}

export function rowOf(stored: StoredUnitYear, memberId: string): ResultRow | undefined {
  return stored.rows.get(memberId);
}

/** Changes one member's facts, proposals or the cell's decision (optimistic on the row and the dossier). */
export async function saveMemberFacts(
  deps: AppDeps,
  caller: Caller,
  year: number,
  unitId: string,
  memberId: string,
  change: { facts: MemberFacts; rowRev: number | null; dossierRev: number },
): Promise<ResultRow> {
  const unit = await scopedUnit(deps, caller, unitId, 'results.write');
  await requireCampaign(deps.store, caller.tenant, year);
  await scopedMember(deps, caller, unit, memberId);
  return saveResultRow(
    deps.store,
    caller.tenant,
    unit.id,
    year,
    { memberId, facts: change.facts, adjusted: null, adjustReason: null },
    { dossierRev: change.dossierRev, rowRev: change.rowRev },
    { actor: actorOf(caller), at: deps.clock().toISOString() },
  );
}

export async function setCollective(
  deps: AppDeps,
  caller: Caller,
  year: number,
  unitId: string,
  body: { proposed?: Rating | null | undefined; decided: Rating | null; rev: number },
): Promise<Dossier> {
  const unit = await scopedUnit(deps, caller, unitId, 'results.write');
  await requireCampaign(deps.store, caller.tenant, year);
  if (!isPartyOrganisation(unit.kind)) throw notRatedAsCollective(unit.kind);
  const before = await getDossier(deps.store, caller.tenant, unit.id, year);
  return updateDossier(
    deps.store,
    caller.tenant,
    unit.id,
    year,
    {
      from: ['draft', 'returned'],
      expectedRev: body.rev,
      patch: { collective: { proposed: body.proposed === undefined ? before.collective.proposed : body.proposed, decided: body.decided } },
      action: 'dossier.collective',
    },
    { actor: actorOf(caller), at: deps.clock().toISOString() },
  ).catch(lockedOrRethrow);
}

/** updateDossier says INVALID_STATE for a dossier it cannot change; an edit of a submitted or approved one is UNIT_LOCKED. */
function lockedOrRethrow(error: unknown): never {
  if (error instanceof DomainError && error.code === 'INVALID_STATE') {
    const state = (error.details as { state?: string } | undefined)?.state;
    throw new DomainError(
      'conflict',
      'UNIT_LOCKED',
      state === 'approved' ? 'Hồ sơ của đơn vị đã được thẩm định và khóa; không thể sửa.' : 'Hồ sơ đã gửi cấp trên; chờ cấp trên thẩm định hoặc trả lại trước khi sửa.',
      { state },
    );
  }
  throw error;
}

export function notRatedAsCollective(kind: UnitKind): DomainError {
  return unprocessable('NOT_RATED_AS_COLLECTIVE', 'Đơn vị này không đánh giá, xếp loại như một tổ chức đảng (tổ đảng, đảng ủy cấp trên cơ sở, tỉnh ủy).', { kind });
}

export async function saveSelfReview(deps: AppDeps, caller: Caller, year: number, unitId: string, memberId: string, input: MemberReviewInput, rev: number) {
  const unit = await scopedUnit(deps, caller, unitId, 'results.write');
  await requireCampaign(deps.store, caller.tenant, year);
  await scopedMember(deps, caller, unit, memberId);
  return saveMemberReview(deps.store, caller.tenant, unit.id, year, memberId, input, rev, { actor: actorOf(caller), at: deps.clock().toISOString() });
}

export async function saveUnitReview(deps: AppDeps, caller: Caller, year: number, unitId: string, input: CollectiveReviewInput, rev: number) {
  const unit = await scopedUnit(deps, caller, unitId, 'results.write');
  await requireCampaign(deps.store, caller.tenant, year);
  if (!isPartyOrganisation(unit.kind)) throw notRatedAsCollective(unit.kind);
  return saveCollectiveReview(deps.store, caller.tenant, unit.id, year, input, rev, { actor: actorOf(caller), at: deps.clock().toISOString() });
}

/** Submission: refused (422 SUBMISSION_BLOCKED, with the list) while any blocking violation stands. */
export async function submitDossier(deps: AppDeps, caller: Caller, year: number, unitId: string, rev: number): Promise<Dossier> {
  const unit = await scopedUnit(deps, caller, unitId, 'review.submit');
  const campaign = await requireCampaign(deps.store, caller.tenant, year);
  if (!isPartyOrganisation(unit.kind)) throw notRatedAsCollective(unit.kind);
  const { stored, evaluation } = await evaluateStoredUnit(deps, caller.tenant, unit, campaign);
  nextState(stored.dossier.state, 'submit');
  if (evaluation.blocking.length > 0) {
    throw unprocessable('SUBMISSION_BLOCKED', `Chưa thể gửi hồ sơ: còn ${evaluation.blocking.length} vi phạm phải xử lý trước.`, { violations: evaluation.blocking });
  }
  const at = deps.clock().toISOString();
  return updateDossier(
    deps.store,
    caller.tenant,
    unit.id,
    year,
    { from: ['draft', 'returned'], expectedRev: rev, patch: { state: 'submitted', submittedAt: at, firstSubmittedAt: stored.dossier.firstSubmittedAt ?? at }, action: 'dossier.submit' },
    { actor: actorOf(caller), at },
  );
}

/** The upper level (a strict ancestor with review.appraise) may approve or return. */
async function appraisedUnit(deps: AppDeps, caller: Caller, year: number, unitId: string): Promise<StoredUnit> {
  const unit = await scopedUnit(deps, caller, unitId, 'review.appraise');
  assertStrictlyBelow(caller, unit);
  await requireCampaign(deps.store, caller.tenant, year);
  return unit;
}

export async function approve(deps: AppDeps, caller: Caller, year: number, unitId: string, rev: number, adjustments: Adjustments): Promise<Dossier> {
  const unit = await appraisedUnit(deps, caller, year, unitId);
  return approveDossier(deps.store, caller.tenant, unit.id, year, { expectedRev: rev, adjustments }, { actor: actorOf(caller), at: deps.clock().toISOString() });
}

export async function returnDossier(deps: AppDeps, caller: Caller, year: number, unitId: string, rev: number, reason: string): Promise<Dossier> {
  const unit = await appraisedUnit(deps, caller, year, unitId);
  const before = await getDossier(deps.store, caller.tenant, unit.id, year);
  nextState(before.state, 'return');
  const at = deps.clock().toISOString();
  return updateDossier(
    deps.store,
    caller.tenant,
    unit.id,
    year,
    { from: ['submitted'], expectedRev: rev, patch: { state: 'returned', returnReason: reason, appraisedAt: at }, action: 'dossier.return', reason },
    { actor: actorOf(caller), at },
  );
}

export async function groupEvent(deps: AppDeps, caller: Caller, year: number, unitId: string, event: 'groupMeetingHeld' | 'groupReportSent', body: { heldOn?: string | null | undefined; note?: string | null | undefined }) {
  const unit = await scopedUnit(deps, caller, unitId, 'results.write');
  await requireCampaign(deps.store, caller.tenant, year);
  if (unit.kind !== 'group') throw unprocessable('NOT_A_GROUP', 'Chỉ tổ đảng ghi nhận cuộc họp và báo cáo của tổ.', { kind: unit.kind });
  return recordUnitEvent(
    deps.store,
    caller.tenant,
    { event, unitId: unit.id, year, heldOn: body.heldOn ?? null, startTime: null, location: null, chairMemberId: null, clerkMemberId: null, note: body.note ?? null },
    { actor: actorOf(caller), at: deps.clock().toISOString() },
  );
}

export async function cellMeeting(deps: AppDeps, caller: Caller, year: number, unitId: string, meeting: CellMeeting, rev: number) {
  const unit = await scopedUnit(deps, caller, unitId, 'results.write');
  await requireCampaign(deps.store, caller.tenant, year);
  if (!isCell(unit.kind)) throw unprocessable('NOT_A_CELL', 'Chỉ chi bộ ghi nhận cuộc họp xếp loại.', { kind: unit.kind });
  for (const id of [meeting.chairMemberId, meeting.clerkMemberId]) await scopedMember(deps, caller, unit, id);
  return recordCellMeeting(deps.store, caller.tenant, unit.id, year, meeting, rev, { actor: actorOf(caller), at: deps.clock().toISOString() });
}

export interface AppraisalEntry {
  unit: StoredUnit;
  dossier: Dossier;
}

/** The party organisations below the caller's unit with their dossier (the appraisal page lists them). */
export async function appraisalList(deps: AppDeps, caller: Caller, year: number, unitId: string): Promise<{ unit: StoredUnit; campaign: Campaign; entries: AppraisalEntry[] }> {
  const unit = await scopedUnit(deps, caller, unitId, 'unit.read');
  const campaign = await requireCampaign(deps.store, caller.tenant, year);
  const below = (await listSubtree(deps.store, caller.tenant, unit)).filter((u) => u.id !== unit.id && isPartyOrganisation(u.kind));
  const dossiers = await getDossiers(deps.store, caller.tenant, below.map((u) => u.id), year);
  return { unit, campaign, entries: below.map((u) => ({ unit: u, dossier: dossiers.get(u.id)! })) };
}

/** Where a unit stands on the campaign's milestones: its own events, or, for an appraiser, the dossiers it appraises. */
export async function unitMilestones(deps: AppDeps, caller: Caller, unit: StoredUnit, campaign: Campaign): Promise<MilestoneStatus[]> {
  const now = deps.clock();
  let events: UnitEvents = {};
  const recorded = Object.fromEntries([...(await listUnitEvents(deps.store, caller.tenant, unit.id, campaign.year))].map(([k, r]) => [k, r.at])) as UnitEvents;
  if (isCell(unit.kind)) {
    const d = await getDossier(deps.store, caller.tenant, unit.id, campaign.year);
    events = cellEvents({ recorded, state: d.state, submittedAt: d.submittedAt, firstSubmittedAt: d.firstSubmittedAt });
  } else {
    events = { ...recorded };
    const appraisal = campaign.milestones.find((m) => m.event === 'appraisalDone');
    const dossierKinds = campaign.milestones.find((m) => m.event === 'dossierSubmitted')?.actorKinds ?? ['cell', 'baseCell'];
    if (appraisal?.actorKinds.includes(unit.kind)) {
      const subtree = await listSubtree(deps.store, caller.tenant, unit);
      const byId = new Map(subtree.map((u) => [u.id, u] as const));
      // A dossier is appraised by its nearest ancestor among the appraisal's actors.
      const appraiserOf = (u: StoredUnit) => {
        for (let p = u.parentId ? byId.get(u.parentId) : undefined; p; p = p.parentId ? byId.get(p.parentId) : undefined) if (appraisal.actorKinds.includes(p.kind)) return p.id;
        return null;
      };
      const mine = subtree.filter((u) => dossierKinds.includes(u.kind) && appraiserOf(u) === unit.id);
      const dossiers = await getDossiers(deps.store, caller.tenant, mine.map((u) => u.id), campaign.year);
      const done = appraisalDoneAt([...dossiers.values()]);
      if (done) events.appraisalDone = done;
    }
  }
  return milestoneStatuses(campaign.milestones, unit.kind, events, now);
}

/** The empty facts of a member without a row, for forms. */
export function factsOf(stored: StoredUnitYear, memberId: string): MemberFacts {
  return stored.rows.get(memberId)?.facts ?? emptyFacts();
}

export function todayInVietnam(deps: AppDeps) {
  return vietnamDateOf(deps.clock());
}

export { assertInScope };
