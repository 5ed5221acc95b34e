import { assertCampaignOpen, campaignFromTemplate, currentCampaign, DomainError, type Campaign, type Caller, type NewCampaign } from '@kd/domain';
import { closeCampaign as storeClose, createCampaign, listCampaigns, requireCampaign, type Store } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { unitInScope } from '../access/scope';
import { changeBy } from '../actor';

/** Campaigns are the province's: its organising board, acting for the province's own unit. */
async function provinceBoard(deps: ServiceDeps, caller: Caller) {
  const unit = await unitInScope(deps.store, caller, caller.unit, 'campaign.manage');
  if (unit.parentId !== null) throw new DomainError('ROLE_NOT_ALLOWED', 'Chỉ Ban Tổ chức Tỉnh ủy mở và kết thúc đợt kiểm điểm.');
  return unit;
}

/**
 * Opens the campaign of a year (docs/api.md, "Campaigns"): the regime in force that year unless
 * another whose years include it is chosen, its default rating day and its template of milestones
 * per level unless given. 409 CAMPAIGN_EXISTS, 422 RULEBOOK_NOT_IN_FORCE.
 */
export async function openCampaign(deps: ServiceDeps, caller: Caller, input: NewCampaign): Promise<Campaign> {
  const unit = await provinceBoard(deps, caller);
  return createCampaign(deps.store, caller.tenant, campaignFromTemplate(input), { unitId: unit.id, ...changeBy(deps, caller) });
}

/** Closes a campaign: from then on every page and route of that year is read-only. */
export async function closeCampaign(deps: ServiceDeps, caller: Caller, year: number): Promise<Campaign> {
  const unit = await provinceBoard(deps, caller);
  const campaign = await requireCampaign(deps.store, caller.tenant, year);
  assertCampaignOpen(campaign);
  return storeClose(deps.store, caller.tenant, year, { unitId: unit.id, ...changeBy(deps, caller) });
}

/** The campaign of a year, refused (409 CAMPAIGN_CLOSED) when closed: every write of the year goes through here. */
export async function requireOpenCampaign(store: Store, tenant: string, year: number): Promise<Campaign> {
  const campaign = await requireCampaign(store, tenant, year);
  assertCampaignOpen(campaign);
  return campaign;
}

/** The province's campaigns, newest first (any caller of the province: campaigns are not secret inside it). */
export async function listCampaignsOf(deps: ServiceDeps, caller: Caller): Promise<Campaign[]> {
  return (await listCampaigns(deps.store, caller.tenant)).sort((a, b) => b.year - a.year);
}

/** The current campaign (the latest one still open), or 404 CAMPAIGN_NOT_FOUND when every campaign is closed. */
export async function currentCampaignOf(deps: ServiceDeps, caller: Caller): Promise<Campaign> {
  const found = currentCampaign(await listCampaigns(deps.store, caller.tenant));
  if (!found) throw new DomainError('CAMPAIGN_NOT_FOUND', 'Chưa có đợt kiểm điểm nào đang mở.');
  return found;
}
