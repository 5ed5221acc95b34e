import { addMonthsClamped, type LocalDate, type Unit, type Sector } from '@kd/domain';
import type { RosterPlan, UnitPlan } from './demo-plan';
import type { Prng } from './prng';
import { workplaceProfiles } from './workplace-profile';

/** A cell (or base cell) of the tree with what its roster should look like. */
export interface PlannedCell {
  unit: Unit;
  roster: RosterPlan;
  groups: Unit[];
}

/** Units founded on a drawn date are founded before this, so only the planned one is "new" in 2021. */
const LATEST_DRAWN_FOUNDING: LocalDate = '2018-12-31';

const DAY_MS = 86_400_000;

function epochDay(date: LocalDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

/** A date in [from, to]; `from` itself when the window is empty. */
export function drawDate(prng: Prng, from: LocalDate, to: LocalDate): LocalDate {
  const start = epochDay(from);
  const span = epochDay(to) - start;
  return span <= 0 ? from : new Date((start + prng.int(0, span)) * DAY_MS).toISOString().slice(0, 10);
}

/** The same day `years` later (29/02 becomes 28/02). */
export function addYears(date: LocalDate, years: number): LocalDate {
  const monthDay = date.slice(4) === '-02-29' ? '-02-28' : date.slice(4);
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${monthDay}`;
}

/** Within a few years after the parent was founded, and before the latest drawn founding. */
function drawFounding(prng: Prng, parentFoundedOn: LocalDate, withinYears: number): LocalDate {
  const from = addMonthsClamped(parentFoundedOn, 1);
  if (from > LATEST_DRAWN_FOUNDING) return parentFoundedOn;
  const until = addYears(parentFoundedOn, withinYears);
  return drawDate(prng, from, until < LATEST_DRAWN_FOUNDING ? until : LATEST_DRAWN_FOUNDING);
}

/**
 * Turns the plan into units, parents before children (pre-order), ids joined from the slugs.
 * Drawn founding dates never precede the parent's.
 */
export function buildUnits(root: UnitPlan, prng: Prng): { units: Unit[]; cells: PlannedCell[] } {
  const units: Unit[] = [];
  const cells: PlannedCell[] = [];

  const visit = (plan: UnitPlan, parent: Unit | null): void => {
    const id = parent ? `${parent.id}-${plan.slug}` : plan.slug;
    const foundedOn = plan.foundedOn ?? drawFounding(prng, parent?.foundedOn ?? '1992-05-01', 6);
    const sector: Sector | null = plan.sector !== undefined ? plan.sector : plan.roster ? workplaceProfiles[plan.roster.profile].sector : (parent?.sector ?? null);
    const unit: Unit = {
      id,
      name: plan.name.normalize('NFC'),
      kind: plan.kind,
      parentId: parent?.id ?? null,
      path: [...(parent?.path ?? []), id],
      foundedOn,
      closedOn: null,
      sector,
      version: 1,
    };
    units.push(unit);
    if (plan.roster) {
      const groups = (plan.roster.groups ?? []).map((g, i): Unit => {
        const groupId = `${id}-t${i + 1}`;
        return {
          id: groupId,
          name: g.name.normalize('NFC'),
          kind: 'group',
          parentId: id,
          path: [...unit.path, groupId],
          foundedOn: drawFounding(prng, foundedOn, 3),
          closedOn: null,
          sector,
          version: 1,
        };
      });
      units.push(...groups);
      cells.push({ unit, roster: plan.roster, groups });
    }
    for (const child of plan.children ?? []) visit(child, unit);
  };

  visit(root, null);
  return { units, cells };
}
