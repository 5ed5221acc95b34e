import { rulebookFor, quotaParamsOf, type Campaign, type RollupCampaignContext, type QuotaParams } from '@kd/domain';
import { listCampaigns, type Store } from '@kd/data';

/** A campaign as the roll-ups see it: what to evaluate with, and whether its tree is frozen. */
export interface RollupYear {
  campaign: Campaign;
  context: RollupCampaignContext;
  quota: QuotaParams;
  /**
   * A frozen campaign keeps the tree and numbers it had (docs/api.md, "Roll-ups"): closed explicitly
   * (`closedAt`), or superseded by a later year's campaign. The stream consumer ignores it.
   */
  frozen: boolean;
}

/** The tenant's campaigns, oldest first (issue 3's campaign repository: one Query). */
export async function loadCampaigns(store: Store, tenant: string): Promise<Campaign[]> {
  return listCampaigns(store, tenant);
}

/** Pure: each campaign with its rulebook resolved (rulebooks are immutable data) and its frozen flag. */
export function rollupYears(campaigns: readonly Campaign[]): RollupYear[] {
  const latest = Math.max(...campaigns.map((c) => c.year));
  return campaigns.map((campaign) => {
    const rulebook = rulebookFor(campaign);
    return {
      campaign,
      context: { year: campaign.year, rulebook, ratingDate: campaign.ratingDate, importedOnly: campaign.importedOnly === true },
      quota: quotaParamsOf(rulebook),
      frozen: campaign.closedAt !== null || campaign.year < latest,
    };
  });
}

export async function loadRollupYears(store: Store, tenant: string): Promise<RollupYear[]> {
  return rollupYears(await loadCampaigns(store, tenant));
}
