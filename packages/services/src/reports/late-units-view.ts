import { z } from 'zod';
import { compareText, foldVietnamese, pageOf, type Caller, type LateUnit } from '@kd/domain';
import { listSubtree } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { lateUnitsNow } from './board-reports';

export const LateUnitsFilter = z.object({
  milestone: z.string().max(100).optional(),
  status: z.enum(['late', 'missing']).optional(),
  q: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type LateUnitsFilter = z.input<typeof LateUnitsFilter>;

export const LATE_UNITS_PAGE_SIZE = 100;

/** The late units of one milestone under one direct parent. */
export interface LateGroup {
  milestoneId: string;
  title: string;
  deadline: string;
  parent: { id: string; name: string } | null;
  units: LateUnit[];
}

/**
 * The late-units page: the live report's late and missing units filtered (milestone, status, name
 * typed with or without diacritics), grouped by milestone and then by each unit's direct parent
 * (so that two "Chi bộ Khóm 2" are told apart by where they belong), a page of units at a time.
 * The report is computed live for the whole subtree either way; the filter and the page only
 * decide what is shown.
 */
export async function lateUnitsView(deps: ServiceDeps, caller: Caller, unitId: string, year: number | null, filter: LateUnitsFilter) {
  const f = LateUnitsFilter.parse(filter);
  const base = await lateUnitsNow(deps, caller, unitId, year);
  const subtree = await listSubtree(deps.store, caller.tenant, base.unit);
  const byId = new Map(subtree.map((u) => [u.id, u]));
  const milestones = [...new Map(base.units.map((u) => [u.milestoneId, { id: u.milestoneId, title: u.title, deadline: u.deadline, count: 0 }])).values()];
  for (const u of base.units) milestones.find((m) => m.id === u.milestoneId)!.count += 1;
  const text = foldVietnamese(f.q ?? '');
  const parentOf = (u: LateUnit) => {
    const parentId = byId.get(u.unitId)?.parentId;
    const parent = parentId ? byId.get(parentId) : undefined;
    return parent ? { id: parent.id, name: parent.name, order: parent.path.join('/') } : null;
  };
  const order = new Map(milestones.map((m, i) => [m.id, i]));
  const selected = base.units
    .filter((u) => (!f.milestone || u.milestoneId === f.milestone) && (!f.status || u.status === f.status))
    .filter((u) => !text || foldVietnamese(u.name).includes(text) || foldVietnamese(parentOf(u)?.name ?? '').includes(text))
    .map((u) => ({ u, parent: parentOf(u) }))
    .sort((a, b) => order.get(a.u.milestoneId)! - order.get(b.u.milestoneId)! || (a.parent?.order ?? '').localeCompare(b.parent?.order ?? '') || compareText(a.u.name, b.u.name));
  const { items, page, pages } = pageOf(selected, f.page, LATE_UNITS_PAGE_SIZE);
  const groups: LateGroup[] = [];
  for (const { u, parent } of items) {
    const last = groups.at(-1);
    if (last && last.milestoneId === u.milestoneId && last.parent?.id === parent?.id) last.units.push(u);
    else groups.push({ milestoneId: u.milestoneId, title: u.title, deadline: u.deadline, parent: parent ? { id: parent.id, name: parent.name } : null, units: [u] });
  }
  return { unit: base.unit, year: base.year, years: base.years, asOf: base.asOf, total: base.units.length, matched: selected.length, milestones, groups, page, pages, filter: f };
}
