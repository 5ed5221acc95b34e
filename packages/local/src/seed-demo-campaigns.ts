import { putCampaign, type Store } from '@kd/data';
import { demoCampaign2026 } from './demo/vinh-long-2026';
import type { DemoTenant } from './demo';
import { seedCampaigns } from './seed-campaigns';
import { seedMasses2020 } from './seed-masses-2020';

/** When the seeds' province closed its reviews (the demo's dates): each the March after its rating. */
export const SEEDS_CLOSED_AT: Readonly<Record<number, string>> = {
  2020: '2021-03-15T03:00:00.000Z',
  2021: '2022-03-15T03:00:00.000Z',
};

/**
 * The demo's story: Trà Vinh carries the seeds' 2020 and 2021 reviews, closed long since, and
 * seed 002's 2020 review before the masses in its bloc; Vĩnh Long runs the 2026 review under the
 * 2025 rules, in progress — on the tree after the 2025 reorganisation: the campaign is opened here,
 * its plans and results written at the end of that story (`reorganise-2025.ts`).
 */
export async function seedDemoCampaigns(store: Store, tenant: DemoTenant, at: string): Promise<{ items: number }> {
  if (tenant.campaigns === 'live-2026') {
    // The campaign at once (its deadline reports go out from the first minute); its plans and
    // results come with the new tree at the end of the 2025 story.
    await putCampaign(store, tenant.tenantId, demoCampaign2026(tenant.units));
    return { items: 1 };
  }
  const campaigns = await seedCampaigns(store, tenant, at, { closedAt: SEEDS_CLOSED_AT });
  const masses = await seedMasses2020(store, tenant, at);
  return { items: campaigns.items + masses.items };
}
