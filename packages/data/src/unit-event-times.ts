import type { ReportEvent } from '@kd/domain';
import { batchGetAll } from './batch';
import type { Store } from './client';
import { keys } from './keys';

/**
 * When `events` were recorded for `unitIds` in a year (the `at` of each unit event item that
 * exists), read by key in BatchGets rather than one Query per unit: the deadline reports ask this
 * for a whole subtree at once.
 */
export async function getUnitEventTimes(
  store: Store,
  tenant: string,
  year: number,
  unitIds: readonly string[],
  events: readonly ReportEvent[],
): Promise<{ unitId: string; event: ReportEvent; at: string }[]> {
  const items = await batchGetAll(store, unitIds.flatMap((id) => events.map((e) => keys.unitEvent(tenant, id, year, e))));
  return items.flatMap((item) => (typeof item.at === 'string' ? [{ unitId: String(item.unitId), event: String(item.event) as ReportEvent, at: item.at }] : []));
}
