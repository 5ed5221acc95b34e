import type { MassesSettings } from '@kd/domain';
import { getMassesSettings, listMassesReviews, type Store } from '@kd/data';
import { loadRollupYears } from './campaigns';

/** A year of the tenant's masses review, as Biểu 5's roll-up sees it. */
export interface MassesYear {
  year: number;
  settings: MassesSettings;
  /**
   * Frozen like the ratings' campaign of that year (closed, or a later campaign exists): unit
   * changes no longer move its numbers, and its units keep the placement their items record.
   */
  frozen: boolean;
}

/** The tenant's masses years; none when the tenant does not have the rule. */
export async function loadMassesYears(store: Store, tenant: string): Promise<MassesYear[]> {
  const settings = await getMassesSettings(store, tenant);
  if (!settings) return [];
  const [reviews, campaigns] = await Promise.all([listMassesReviews(store, tenant), loadRollupYears(store, tenant)]);
  return reviews.map((r) => ({ year: r.year, settings, frozen: campaigns.find((c) => c.campaign.year === r.year)?.frozen ?? false }));
}
