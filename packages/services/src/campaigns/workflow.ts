import { DomainError, nextState, transitions, isRatedCollective, rulebookFor, checkMemberAdjustments, type Caller, type Adjustments, type WorkflowAction } from '@kd/domain';
import { getDossier, updateDossier, approveDossier, requireUnit, loadUnitYear, type Dossier } from '@kd/data';
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
): Promise<Dossier> {
  const change = changeBy(deps, caller);
  return updateDossier(deps.store, caller.tenant, unitId, year, { from: transitions[action].from, expectedRev: rev, patch: patch(change.at), action: `dossier.${action}`, reason }, change);
}

/** Approving and returning are the upper level's: a strict ancestor whose role may appraise. */
async function appraisedUnit(deps: ServiceDeps, caller: Caller, year: number, unitId: string) {
  const unit = await unitInScope(deps.store, caller, unitId, transitions.approve.permission);
  assertStrictlyBelow(caller, unit);
  const campaign = await requireOpenCampaign(deps.store, caller.tenant, year);
  return { unit, campaign };
}

/**
 * Approval, optionally with adjustments of members' ratings and the unit's own (each with its
 * reason); the dossier locks. Under r2025 a member adjusted above what the rules allow must come
 * with the circumstance and the reason (422 OVERRIDE_REASON_REQUIRED); the override is stored with
 * the row, shown on the evaluation and kept in the audit entry.
 */
export async function approve(deps: ServiceDeps, caller: Caller, year: number, unitId: string, rev: number, adjustments: Adjustments): Promise<Dossier> {
  const { unit, campaign } = await appraisedUnit(deps, caller, year, unitId);
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
  return approveDossier(deps.store, caller.tenant, unit.id, year, { before, state, expectedRev: rev, adjustments, overrides }, changeBy(deps, caller));
}

export async function returnDossier(deps: ServiceDeps, caller: Caller, year: number, unitId: string, rev: number, reason: string): Promise<Dossier> {
  const { unit } = await appraisedUnit(deps, caller, year, unitId);
  const before = await getDossier(deps.store, caller.tenant, unit.id, year);
  const state = nextState(before.state, 'return');
  return storeTransition(deps, caller, unit.id, year, 'return', rev, (at) => ({ state, returnReason: reason, appraisedAt: at }), reason);
}
