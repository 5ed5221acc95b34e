import { getCampaign, listCampaigns, type Store } from '@kd/data';
import { currentCampaign, type Campaign } from '@kd/domain';

/** Where the reports read a tenant's campaigns (milestones). */
export interface CampaignSource {
  getCampaign(tenant: string, year: number): Promise<Campaign | undefined>;
  listCampaigns(tenant: string): Promise<Campaign[]>;
}

/** The campaigns as stored (packages/data/src/campaign-repository.ts). */
export function storedCampaigns(store: Store): CampaignSource {
  return { getCampaign: (tenant, year) => getCampaign(store, tenant, year), listCampaigns: (tenant) => listCampaigns(store, tenant) };
}

/** Every open campaign of the tenant that has milestones to report on, newest first: reports are made for each, whatever the day. */
export async function reportableCampaigns(source: CampaignSource, tenant: string): Promise<Campaign[]> {
  return (await source.listCampaigns(tenant)).filter((c) => !c.closedAt && c.milestones.length > 0).sort((a, b) => b.year - a.year);
}

/**
 * The campaign a report is about: the year asked for when it is open and has milestones, else
 * the current campaign (the latest open one) — never a year taken from the clock.
 */
export async function reportCampaign(source: CampaignSource, tenant: string, year?: number | null): Promise<Campaign | undefined> {
  const open = await reportableCampaigns(source, tenant);
  if (year !== undefined && year !== null) return open.find((c) => c.year === year);
  return currentCampaign(open);
}
