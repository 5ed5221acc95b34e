import type { Store } from '@kd/data';
import type { DemoTenant } from './demo';
import { seedCampaigns } from './seed-campaigns';
import { seedCampaign2026 } from './seed-2026';
import { seedMasses2020 } from './seed-masses-2020';

/** When the seeds' province closed its reviews (the demo's dates): each the March after its rating. */
export const SEEDS_CLOSED_AT: Readonly<Record<number, string>> = {
  2020: '2021-03-15T03:00:00.000Z',
  2021: '2022-03-15T03:00:00.000Z',
};

/**
 * The demo's story: Trà Vinh carries the seeds' 2020 and 2021 reviews, closed long since, and
 * seed 002's 2020 review before the masses in its bloc; Vĩnh Long runs the 2026 review under the
 * 2025 rules, in progress.
 */
export async function seedDemoCampaigns(store: Store, tenant: DemoTenant, at: string): Promise<{ items: number }> {
  if (tenant.campaigns === 'live-2026') return seedCampaign2026(store, tenant);
  const campaigns = await seedCampaigns(store, tenant, at, { closedAt: SEEDS_CLOSED_AT });
  const masses = await seedMasses2020(store, tenant, at);
  return { items: campaigns.items + masses.items };
}
