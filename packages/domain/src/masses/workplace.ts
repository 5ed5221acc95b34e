import { z } from 'zod';
import { countedMasses, StaffByContract } from './non-member-staff';
import type { MassesSettings } from './masses-settings';

const WorkplaceName = z.string().transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' ')).pipe(z.string().min(1, 'Tên cơ quan, đơn vị, doanh nghiệp không được để trống').max(200));

/** `PUT /campaigns/{year}/units/{unitId}/workplace`. */
export const WorkplaceBody = z.strictObject({
  name: WorkplaceName,
  staff: StaffByContract,
});
export type WorkplaceBody = z.input<typeof WorkplaceBody>;

/**
 * The agency, public unit or enterprise where a unit's members work, in a given year, with its
 * non-party staff. It belongs to one unit; the units below that one share it unless they have
 * their own.
 */
export const Workplace = WorkplaceBody.extend({
  unitId: z.string().min(1),
  year: z.number().int().min(2000).max(2100),
});
export type Workplace = z.infer<typeof Workplace>;

/** Whether a session must be held (R-MASS-02): from the threshold up; below it, not organised. */
export const massesStatuses = ['required', 'notOrganised'] as const;
export type MassesStatus = (typeof massesStatuses)[number];
export const massesStatusLabels: Record<MassesStatus, string> = {
  required: 'Phải tổ chức tự phê bình trước quần chúng',
  notOrganised: 'Không tổ chức (dưới số quần chúng tối thiểu)',
};

export interface WorkplaceMasses {
  countedMasses: number;
  sessionRequired: boolean;
  status: MassesStatus;
}

/**
 * R-MASS-02/03: counted masses are the staff on counted contracts (permanent and long-term under
 * Kế hoạch 03-KH/ĐUK); a session is required from the threshold (5) and not organised below it.
 * @example massesOf({ permanent: 6, longTerm: 0, shortTerm: 0, productionLine: 0 }, traVinhMassesSettings) // { countedMasses: 6, sessionRequired: true, status: 'required' }
 */
export function massesOf(staff: StaffByContract, settings: MassesSettings): WorkplaceMasses {
  const counted = countedMasses(staff, settings.countedContracts.value);
  const sessionRequired = counted >= settings.threshold.value;
  return { countedMasses: counted, sessionRequired, status: sessionRequired ? 'required' : 'notOrganised' };
}

/**
 * The workplace a unit works in: its own, else the nearest one above it on its path (a workplace
 * shared by the units below its owner). Null when neither it nor an ancestor declared one.
 */
export function effectiveWorkplace(unit: { path: readonly string[] }, byUnit: ReadonlyMap<string, Workplace>): Workplace | null {
  for (let i = unit.path.length - 1; i >= 0; i--) {
    const found = byUnit.get(unit.path[i]!);
    if (found) return found;
  }
  return null;
}

/**
 * The distinct workplaces of a subtree, each counted once, at the unit that owns it: a workplace
 * the units below share is one workplace, however many of them hold sessions in it. A workplace
 * owned above the subtree's root is not the subtree's (it counts where it is owned).
 */
export function subtreeWorkplaces(units: readonly { id: string; path: readonly string[] }[], rootId: string, workplaces: readonly Workplace[]): Workplace[] {
  const inSubtree = new Set(units.filter((u) => u.path.includes(rootId)).map((u) => u.id));
  const byOwner = new Map<string, Workplace>();
  for (const w of workplaces) if (inSubtree.has(w.unitId)) byOwner.set(w.unitId, w);
  return [...byOwner.values()];
}

/** Biểu 5's first two columns over a set of workplaces: how many, and how many must hold a session. */
export function countWorkplaces(workplaces: readonly Workplace[], settings: MassesSettings): { units: number; unitsRequired: number } {
  return {
    units: workplaces.length,
    unitsRequired: workplaces.filter((w) => massesOf(w.staff, settings).sessionRequired).length,
  };
}

/** Last year's workplaces as this year's starting point: same names and staff, to be corrected where they changed. */
export function carryForwardWorkplaces(previous: readonly Workplace[], year: number): Workplace[] {
  return previous.map((w) => ({ ...w, staff: { ...w.staff }, year }));
}
