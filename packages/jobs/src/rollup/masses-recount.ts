import { recountMasses, type MassesCounts } from '@kd/domain';
import { listSubtree, readMassesUnitYear, requireUnit, type Store } from '@kd/data';
import type { MassesYear } from './masses-years';

/**
 * The naive Biểu 5 of a subtree: every unit's masses items read from the table and counted from
 * scratch (no roll-up item read). The property test's oracle.
 */
export async function naiveMassesRecount(store: Store, tenant: string, year: MassesYear, rootId: string): Promise<MassesCounts> {
  const root = await requireUnit(store, tenant, rootId);
  const units = await listSubtree(store, tenant, root, { includeClosed: true });
  const data = await Promise.all(units.map((u) => readMassesUnitYear(store, tenant, u.id, year.year)));
  return recountMasses(
    rootId,
    {
      units,
      workplaces: data.flatMap((d) => (d.workplace ? [d.workplace] : [])),
      sessions: data.flatMap((d) => d.sessions),
      comments: data.flatMap((d) => d.comments),
      remediationItems: data.flatMap((d) => d.remediationItems),
    },
    year.settings,
  );
}
