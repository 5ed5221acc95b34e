import { DomainError, nextState, transitions, isRatedCollective, rulebookFor, checkMemberAdjustments, appraisalStanding, type AppraisalStanding, type Caller, type Adjustments, type WorkflowAction, type Campaign } from '@kd/domain';
import { getDossier, updateDossier, approveDossier, requireUnit, getUnits, loadUnitYear, auditPut, type Dossier, type StoredUnit, type TransactItem } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { requireOpenCampaign } from './campaign-admin';
import { assertStrictlyBelow, unitInScope } from '../access/scope';
import { changeBy } from '../actor';
import { evaluateStoredUnit, notRatedAsCollective } from './unit-year';

/** Submission: refused (422 SUBMISSION_BLOCKED, with the list) while any blocking violation stands. */
export async function submitDossier(deps: ServiceDeps, caller: Caller, year: number, unitId: string, rev: number): Promise<Dossier> {
  const unit = await unitInScope(deps.store, caller, unitId, transitions.submit.permission);
  const campaign = await requireOpenCampaign(deps.store, caller.tenant, year);
  if (!isRatedCollective(rulebookFor(campaign), unit.kind)) throw notRatedAsCollective(unit.kind);
  const { stored, evaluation } = await evaluateStoredUnit(deps, caller.tenant, unit, campaign);
  const state = nextState(stored.dossier.state, 'submit');
  if (evaluation.blocking.length > 0) {
    throw new DomainError('SUBMISSION_BLOCKED', `Chưa thể gửi hồ sơ: còn ${evaluation.blocking.length} vi phạm phải xử lý trước.`, { violations: evaluation.blocking });
  }
  return storeTransition(deps, caller, unit.id, year, 'submit', rev, (at) => ({ state, submittedAt: at, firstSubmittedAt: stored.dossier.firstSubmittedAt ?? at }));
}

/** Stores a transition the domain allowed: the new state and its dates, on the revision the caller saw, audited. */
function storeTransition(
  deps: ServiceDeps,
  caller: Caller,
  unitId: string,
  year: number,
  action: Exclude<WorkflowAction, 'approve'>,
  rev: number,
  patch: (at: string) => Parameters<typeof updateDossier>[4]['patch'],
  reason?: string,
  extra: TransactItem[] = [],
): Promise<Dossier> {
  const change = changeBy(deps, caller);
  return updateDossier(deps.store, caller.tenant, unitId, year, { from: transitions[action].from, expectedRev: rev, patch: patch(change.at), action: `dossier.${action}`, reason, with: extra }, change);
}

/** What the appraiser may add to an approval or a return: the province's reason for taking the dossier over. */
export interface AppraisalOptions {
  takeOverReason?: string | null;
}

/** The units above `unit`, from the root (for the plan's appraisal levels). */
export async function ancestorsOf(deps: ServiceDeps, tenant: string, unit: StoredUnit): Promise<StoredUnit[]> {
  const ids = unit.path.slice(0, -1);
  const found = await getUnits(deps.store, tenant, ids);
  return ids.flatMap((id) => (found.has(id) ? [found.get(id)!] : []));
}

/**
 * Approving and returning are the level the campaign's plan names for the unit (HD 43-HD/BTCTW
 * mục 3; `campaign.appraisalLevels`). The province sees every dossier and may take one over, never
 * silently: only with a reason, kept as its own audit entry in the same transaction (422
 * TAKEOVER_REASON_REQUIRED without one). Anyone else is refused (403 NOT_THE_APPRAISER).
 */
async function appraisedUnit(deps: ServiceDeps, caller: Caller, year: number, unitId: string, options: AppraisalOptions) {
  const unit = await unitInScope(deps.store, caller, unitId, transitions.approve.permission);
  assertStrictlyBelow(caller, unit);
  const campaign = await requireOpenCampaign(deps.store, caller.tenant, year);
  const takeOver = await takeOverOf(deps, caller, unit, campaign, options);
  return { unit, campaign, takeOver };
}

/** Where the caller stands towards `unit`'s appraisal under the campaign's plan (pages show the forms it allows). */
export async function appraisalStandingOf(deps: ServiceDeps, caller: Caller, unit: StoredUnit, campaign: Campaign): Promise<AppraisalStanding> {
  if (unit.id === caller.unit) return 'outside';
  return appraisalStanding(unit, await ancestorsOf(deps, caller.tenant, unit), campaign.appraisalLevels, caller);
}

async function takeOverOf(deps: ServiceDeps, caller: Caller, unit: StoredUnit, campaign: Campaign, options: AppraisalOptions): Promise<TransactItem[]> {
  const standing = await appraisalStandingOf(deps, caller, unit, campaign);
  if (standing === 'appraiser') return [];
  if (standing === 'outside') throw new DomainError('NOT_THE_APPRAISER', 'Hồ sơ của đơn vị này do cấp khác thẩm định theo kế hoạch của đợt kiểm điểm; bạn chỉ được xem.');
  const reason = options.takeOverReason?.normalize('NFC').trim() ?? '';
  if (reason.length < 3) {
    throw new DomainError('TAKEOVER_REASON_REQUIRED', 'Hồ sơ này do cấp dưới thẩm định theo kế hoạch; cấp tỉnh chỉ tiếp nhận thẩm định khi ghi rõ lý do tiếp nhận.');
  }
  const change = changeBy(deps, caller);
  return [auditPut(deps.store, caller.tenant, { unitId: unit.id, at: change.at, actor: change.actor, action: 'dossier.takeOver', target: `${unit.id}/${campaign.year}`, reason: reason.slice(0, 2000) })];
}

/**
 * Approval, optionally with adjustments of members' ratings and the unit's own (each with its
 * reason); the dossier locks. Under r2025 a member adjusted above what the rules allow must come
 * with the circumstance and the reason (422 OVERRIDE_REASON_REQUIRED); the override is stored with
 * the row, shown on the evaluation and kept in the audit entry.
 */
export async function approve(deps: ServiceDeps, caller: Caller, year: number, unitId: string, rev: number, adjustments: Adjustments, options: AppraisalOptions = {}): Promise<Dossier> {
  const { unit, campaign, takeOver } = await appraisedUnit(deps, caller, year, unitId, options);
  const stored = await loadUnitYear(deps.store, caller.tenant, unit.id, year);
  const before = stored.dossier;
  const state = nextState(before.state, 'approve');
  const by = (await requireUnit(deps.store, caller.tenant, caller.unit)).name;
  const overrides = checkMemberAdjustments({
    rulebook: rulebookFor(campaign),
    year,
    campaignRatingDate: campaign.ratingDate,
    unitYear: { unit, members: stored.members, rows: stored.rows, collective: before.collective, adjustedCollective: before.adjustedCollective, meetingDate: before.meetingDate },
    adjustments,
    by,
  });
  return approveDossier(deps.store, caller.tenant, unit.id, year, { before, state, expectedRev: rev, adjustments, overrides, with: takeOver }, changeBy(deps, caller));
}

export async function returnDossier(deps: ServiceDeps, caller: Caller, year: number, unitId: string, rev: number, reason: string, options: AppraisalOptions = {}): Promise<Dossier> {
  const { unit, takeOver } = await appraisedUnit(deps, caller, year, unitId, options);
  const before = await getDossier(deps.store, caller.tenant, unit.id, year);
  const state = nextState(before.state, 'return');
  return storeTransition(deps, caller, unit.id, year, 'return', rev, (at) => ({ state, returnReason: reason, appraisedAt: at }), reason, takeOver);
}
