import { DomainError, assertCampaignOpen, checkQuotaException, dossierStates, isBaseOrganisation, rulebookFor, type Caller } from '@kd/domain';
import { requireCampaign, getDossier, requireUnit, updateDossier, type Dossier } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { assertStrictlyBelow, unitInScope } from '../access/scope';
import { changeBy } from '../actor';

const ATTEMPTS = 5;

/**
 * The competent level raises a base organisation's cap on `excellent` (QĐ 366-QĐ/TW Điều 11: up to
 * 25 % of `good` for outstanding results): granted from above — the level that appraises it or a
 * higher one (a strict ancestor that may appraise; 403 UPPER_LEVEL_ONLY to the organisation
 * itself) — within the rulebook's limit (422 QUOTA_EXCEPTION_NOT_ALLOWED above it, or under a
 * rulebook without exceptions). `share: null` withdraws it. Stored on the organisation's dossier
 * for the year, audited; its evaluation and the roll-up's quota figures use it. The dossier's
 * state does not matter: the exception is the upper level's act, not the unit's draft.
 */
export async function setQuotaException(
  deps: ServiceDeps,
  caller: Caller,
  year: number,
  unitId: string,
  body: { share: number | null; reason?: string | null | undefined },
): Promise<Dossier> {
  const unit = await unitInScope(deps.store, caller, unitId, 'review.appraise');
  assertStrictlyBelow(caller, unit);
  const campaign = await requireCampaign(deps.store, caller.tenant, year);
  assertCampaignOpen(campaign);
  if (!isBaseOrganisation(unit.kind)) {
    throw new DomainError('NOT_A_BASE_ORGANISATION', 'Tỷ lệ ngoại lệ chỉ đặt cho tổ chức cơ sở đảng (đảng bộ cơ sở, chi bộ cơ sở).', { kind: unit.kind });
  }
  const percent = checkQuotaException(rulebookFor(campaign), body.share);
  const reason = (body.reason ?? '').normalize('NFC').trim();
  if (body.share !== null && reason.length < 3) throw new DomainError('VALIDATION_FAILED', 'Cần ghi rõ lý do nâng tỷ lệ (thành tích nổi trội, đột phá, vượt kế hoạch).', [{ path: 'reason', message: 'Cần ghi rõ lý do' }]);
  const by = await requireUnit(deps.store, caller.tenant, caller.unit);
  const change = changeBy(deps, caller);
  const quotaException = body.share === null || percent === null ? null : { share: body.share, percent, reason, byUnit: by.id, byName: by.name, at: change.at };
  for (let attempt = 1; ; attempt++) {
    const before = await getDossier(deps.store, caller.tenant, unit.id, year);
    try {
      return await updateDossier(
        deps.store,
        caller.tenant,
        unit.id,
        year,
        { from: dossierStates, expectedRev: before.rev, patch: { quotaException }, action: 'dossier.quotaException', reason: quotaException?.reason ?? null },
        change,
      );
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'VERSION_CONFLICT') || attempt >= ATTEMPTS) throw error;
    }
  }
}
