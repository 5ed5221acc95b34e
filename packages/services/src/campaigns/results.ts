import { DomainError, assertEditable, isPartyOrganisation, type Caller, type MemberFacts, type Rating } from '@kd/domain';
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

/**
 * The unit's own rating as a collective. With `rev` the write is optimistic (a stale `rev` → 409
 * VERSION_CONFLICT); without it the last write wins, and is audited like any other.
 */
export async function setCollective(
  deps: ServiceDeps,
  caller: Caller,
  year: number,
  unitId: string,
  body: { proposed?: Rating | null | undefined; decided: Rating | null; rev?: number | undefined },
): Promise<Dossier> {
  const unit = await unitInScope(deps.store, caller, unitId, 'results.write');
  await requireOpenCampaign(deps.store, caller.tenant, year);
  if (!isPartyOrganisation(unit.kind)) throw notRatedAsCollective(unit.kind);
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
          patch: { collective: { proposed: body.proposed === undefined ? before.collective.proposed : body.proposed, decided: body.decided } },
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
