import { DomainError, requireMassesSettings, type Action, type Caller, type MassesReview, type MassesSettings } from '@kd/domain';
import { getMassesReview, getMassesSettings, type StoredUnit, type Store } from '@kd/data';
import { unitInScope } from '../access/scope';
import { requireOpenCampaign } from '../campaigns/campaign-admin';

/** The tenant's masses settings: a tenant without the rule sees none of it (404 `MASSES_NOT_ENABLED`). */
export async function massesSettingsOf(store: Store, tenant: string): Promise<MassesSettings> {
  return requireMassesSettings(await getMassesSettings(store, tenant));
}

export async function requireMassesReview(store: Store, tenant: string, year: number): Promise<MassesReview> {
  const review = await getMassesReview(store, tenant, year);
  if (!review) throw new DomainError('MASSES_REVIEW_NOT_FOUND', `Chưa mở đợt tự phê bình trước quần chúng năm ${year}.`, { year });
  return review;
}

export interface MassesUnit {
  unit: StoredUnit;
  settings: MassesSettings;
  review: MassesReview;
}

/**
 * The door of every masses use case on a unit: the caller's scope first (404 another tenant's, 403
 * outside the subtree), then the rule (404 without it), then the year's review (404 not opened);
 * a write also needs the year's campaign open (404 CAMPAIGN_NOT_FOUND, 409 CAMPAIGN_CLOSED).
 */
export async function massesUnit(store: Store, caller: Caller, year: number, unitId: string, action: Action): Promise<MassesUnit> {
  const unit = await unitInScope(store, caller, unitId, action);
  const settings = await massesSettingsOf(store, caller.tenant);
  const review = await requireMassesReview(store, caller.tenant, year);
  if (action === 'masses.write') await requireOpenCampaign(store, caller.tenant, year);
  return { unit, settings, review };
}

/** Whether the year has a masses review (the campaign page links the unit's masses page then). */
export async function hasMassesReview(store: Store, caller: Caller, year: number): Promise<boolean> {
  return (await getMassesReview(store, caller.tenant, year)) !== null;
}
