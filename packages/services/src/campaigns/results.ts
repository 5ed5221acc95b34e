import { DomainError, assertEditable, isRatedCollective, rulebookFor, CollectiveFacts, type Caller, type MemberFacts, type Rating, type CollectiveScores } from '@kd/domain';
import { getDossier, saveResultRow, updateDossier, type Dossier, type ResultRow } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { requireOpenCampaign } from './campaign-admin';
import { memberOfUnit, unitInScope } from '../access/scope';
import { changeBy } from '../actor';
import { notRatedAsCollective } from './unit-year';

/** Changes one member's facts, proposals or the cell's decision (optimistic on the row and the dossier). */
export async function saveMemberFacts(
  deps: ServiceDeps,
  caller: Caller,
  year: number,
  unitId: string,
  memberId: string,
  change: { facts: MemberFacts; rowRev: number | null; dossierRev: number },
): Promise<ResultRow> {
  const unit = await unitInScope(deps.store, caller, unitId, 'results.write');
  await requireOpenCampaign(deps.store, caller.tenant, year);
  await memberOfUnit(deps.store, caller.tenant, unit, memberId);
  return saveResultRow(
    deps.store,
    caller.tenant,
    unit.id,
    year,
    { memberId, facts: change.facts, adjusted: null, adjustReason: null },
    { dossierRev: change.dossierRev, rowRev: change.rowRev },
    changeBy(deps, caller),
  );
}

/** How many times a write without `rev` re-reads and tries again when another write got in between. */
const LAST_WRITE_ATTEMPTS = 5;

/** What a collective rating may change: the contract's `proposed` and `decided`, and under r2025 the scores and task figures. */
export interface CollectiveChange {
  proposed?: Rating | null | undefined;
  decided: Rating | null;
  scores?: Partial<CollectiveScores> | null | undefined;
  taskCompletionPercent?: number | null | undefined;
  latePercent?: number | null | undefined;
  exceedingPercent?: number | null | undefined;
  shortcomingsRemedied?: boolean | null | undefined;
  disciplined?: boolean | undefined;
  leadershipMemberDisciplined?: boolean | undefined;
  rev?: number | undefined;
}

/** Fields of the 100-point regime: refused under a rulebook that does not score collectives (422 NOT_SCORED). */
const scoredFields = ['scores', 'taskCompletionPercent', 'latePercent', 'exceedingPercent', 'shortcomingsRemedied'] as const;

/**
 * The unit's own rating as a collective. With `rev` the write is optimistic (a stale `rev` → 409
 * VERSION_CONFLICT); without it the last write wins, and is audited like any other. Fields left
 * out keep their value.
 */
export async function setCollective(deps: ServiceDeps, caller: Caller, year: number, unitId: string, body: CollectiveChange): Promise<Dossier> {
  const unit = await unitInScope(deps.store, caller, unitId, 'results.write');
  const campaign = await requireOpenCampaign(deps.store, caller.tenant, year);
  const rulebook = rulebookFor(campaign);
  if (!isRatedCollective(rulebook, unit.kind)) throw notRatedAsCollective(unit.kind);
  const scored = rulebook.rules.some((r) => r.enabled && r.check === 'orgScoresOnFile');
  const given = scoredFields.filter((k) => body[k] !== undefined);
  if (!scored && given.length > 0) throw new DomainError('NOT_SCORED', `Bộ quy tắc ${rulebook.baseId} không chấm điểm tập thể theo thang 100 (${given.join(', ')}).`, { fields: given });
  for (let attempt = 1; ; attempt++) {
    const before = await getDossier(deps.store, caller.tenant, unit.id, year);
    assertEditable(before);
    try {
      return await updateDossier(
        deps.store,
        caller.tenant,
        unit.id,
        year,
        {
          from: [before.state],
          expectedRev: body.rev ?? before.rev,
          patch: { collective: collectiveAfter(before.collective, body) },
          action: 'dossier.collective',
        },
        changeBy(deps, caller),
      );
    } catch (error) {
      const raced = error instanceof DomainError && (error.code === 'VERSION_CONFLICT' || error.code === 'INVALID_STATE');
      if (!raced || body.rev !== undefined || attempt >= LAST_WRITE_ATTEMPTS) throw error;
    }
  }
}

/** The collective's record after a change: what the body gives, the rest as it was. */
function collectiveAfter(before: CollectiveFacts, body: CollectiveChange): CollectiveFacts {
  const keep = <K extends keyof CollectiveFacts>(k: K, v: CollectiveFacts[K] | undefined): CollectiveFacts[K] => (v === undefined ? before[k] : v);
  const scores = body.scores === undefined ? before.scores : body.scores === null ? null : { general: body.scores.general ?? before.scores?.general ?? null, tasks: body.scores.tasks ?? before.scores?.tasks ?? null };
  return CollectiveFacts.parse({
    proposed: keep('proposed', body.proposed),
    decided: body.decided,
    scores,
    taskCompletionPercent: keep('taskCompletionPercent', body.taskCompletionPercent),
    latePercent: keep('latePercent', body.latePercent),
    exceedingPercent: keep('exceedingPercent', body.exceedingPercent),
    shortcomingsRemedied: keep('shortcomingsRemedied', body.shortcomingsRemedied),
    disciplined: keep('disciplined', body.disciplined),
    leadershipMemberDisciplined: keep('leadershipMemberDisciplined', body.leadershipMemberDisciplined),
  });
}
