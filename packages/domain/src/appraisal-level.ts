import { z } from 'zod';
import type { UnitKind } from './unit-kind';

/**
 * Which level decides a unit's rating (thẩm định, quyết định), per level of the tree, as
 * HD 43-HD/BTCTW mục 3 has it by default: a cell under a base committee is decided by the base
 * committee; under a sub-committee, the sub-committee proposes and the base committee decides; a
 * base organisation is decided by the committee directly above it. A campaign's plan may name
 * other levels.
 */
export const AppraiserRule = z.enum(['nearestBaseCommittee', 'parent']);
export type AppraiserRule = z.infer<typeof AppraiserRule>;

export const AppraisalLevels = z.object({
  cell: AppraiserRule.default('nearestBaseCommittee'),
  subCommittee: AppraiserRule.default('nearestBaseCommittee'),
  baseCommittee: AppraiserRule.default('parent'),
  baseCell: AppraiserRule.default('parent'),
  bloc: AppraiserRule.default('parent'),
});
export type AppraisalLevels = z.infer<typeof AppraisalLevels>;

export const defaultAppraisalLevels: AppraisalLevels = AppraisalLevels.parse({});

export const appraiserRuleLabels: Record<AppraiserRule, string> = {
  nearestBaseCommittee: 'Đảng ủy cơ sở quyết định (đảng bộ bộ phận đề xuất)',
  parent: 'Cấp ủy cấp trên trực tiếp quyết định',
};

/** The unit that decides `unit`'s rating, given its ancestors from the root (nearest last); null when none is in the tree. */
export function appraiserOf(
  unit: { kind: UnitKind },
  ancestors: readonly { id: string; kind: UnitKind }[],
  levels: AppraisalLevels = defaultAppraisalLevels,
): string | null {
  if (unit.kind === 'group' || unit.kind === 'province') return null;
  const rule = levels[unit.kind];
  if (rule === 'parent') return ancestors.at(-1)?.id ?? null;
  for (let i = ancestors.length - 1; i >= 0; i--) if (ancestors[i]!.kind === 'baseCommittee') return ancestors[i]!.id;
  return ancestors.at(-1)?.id ?? null;
}

/**
 * Where a caller stands towards one dossier's appraisal: the level the plan names (`appraiser`);
 * the province, which sees every dossier and may take one over, but only with a recorded reason
 * (`takeOver`); anyone else (`outside`), who may not approve or return it.
 */
export type AppraisalStanding = 'appraiser' | 'takeOver' | 'outside';

export function appraisalStanding(
  unit: { kind: UnitKind },
  ancestors: readonly { id: string; kind: UnitKind }[],
  levels: AppraisalLevels,
  caller: { unit: string; role: string },
): AppraisalStanding {
  const appraiser = appraiserOf(unit, ancestors, levels);
  if (appraiser !== null && appraiser === caller.unit) return 'appraiser';
  if (caller.role === 'province_board' && ancestors[0]?.id === caller.unit && ancestors[0]?.kind === 'province') return 'takeOver';
  return 'outside';
}
