import { getCampaign, type Store } from '@kd/data';
import { vietnamDateOf, type Campaign } from '@kd/domain';

/** Where the reports read a tenant's campaign (milestones) of a year. */
export interface CampaignSource {
  getCampaign(tenant: string, year: number): Promise<Campaign | undefined>;
}

/** The campaigns issue 3 stores (packages/data/src/campaign-repository.ts). */
export function storedCampaigns(store: Store): CampaignSource {
  return { getCampaign: (tenant, year) => getCampaign(store, tenant, year) };
}

/**
 * The campaign a report at `now` is about: a year's review runs from its plans in December into
 * the next year's first months, so the current Vietnamese year's campaign if there is one with
 * milestones, else the previous year's — unless it is closed.
 */
export async function activeCampaign(source: CampaignSource, tenant: string, now: Date): Promise<Campaign | undefined> {
  const year = Number(vietnamDateOf(now).slice(0, 4));
  for (const y of [year, year - 1]) {
    const campaign = await source.getCampaign(tenant, y);
    if (campaign && campaign.milestones.length > 0 && !campaign.closedAt) return campaign;
  }
  return undefined;
}
