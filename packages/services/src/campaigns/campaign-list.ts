import type { Campaign, Caller } from '@kd/domain';
import { getCampaign, listCampaigns } from '@kd/data';
import type { ServiceDeps } from '../deps';

/** The caller's province's campaigns, oldest first. */
export function campaignsOf(deps: ServiceDeps, caller: Caller): Promise<Campaign[]> {
  return listCampaigns(deps.store, caller.tenant);
}

/** The campaign of a year, or null when the province has none. */
export async function campaignOf(deps: ServiceDeps, caller: Caller, year: number): Promise<Campaign | null> {
  return (await getCampaign(deps.store, caller.tenant, year)) ?? null;
}
