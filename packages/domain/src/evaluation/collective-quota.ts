import type { Rating } from '../rating';
import { groupCheckParams } from '../rulebook/check-vocabulary';
import type { ResolvedRulebook } from '../rulebook/schema';
import { label, violationMessage } from './messages';
import { quotaCap } from './quota';
import { formatNumber } from './score-bands';
import { effectiveRatio } from './unit-checks';
import type { QuotaFigures, UnitViolation } from './unit-evaluation';

/**
 * Collectives of similar position, role and function that the competent level rates together
 * (QĐ 124-QĐ/TW, QĐ 366-QĐ/TW Điều 11): each with its final rating (null: not rated).
 */
export interface CollectiveGroup {
  readonly id: string;
  readonly name: string;
  readonly collectives: readonly { readonly unitId: string; readonly final: Rating | null }[];
  /** A share of `good` granted by exception for the group, where the rulebook allows one (e.g. 0.25). */
  readonly exceptionShare?: number | null;
}

export interface CollectiveGroupResult {
  readonly groupId: string;
  /** Null when the rulebook has no collective quota. */
  readonly quota: QuotaFigures | null;
  /** One unit-level violation (`memberId: null`) per rule the group breaks. */
  readonly violations: readonly UnitViolation[];
}

/**
 * R-QUOTA-02 over each group: collectives rated excellent at most ratio × those rated good, with
 * the rule's rounding (floor). Pure.
 *
 * @example evaluateCollectiveGroups(resolveRulebook('r2023'), [{ id: 'xa', name: 'Đảng bộ xã', collectives }])
 */
export function evaluateCollectiveGroups(rulebook: ResolvedRulebook, groups: readonly CollectiveGroup[]): CollectiveGroupResult[] {
  const rules = rulebook.rules.filter((r) => r.enabled && r.check === 'collectiveQuota');
  return groups.map((group) => {
    const excellent = group.collectives.filter((c) => c.final === 'excellent').length;
    const good = group.collectives.filter((c) => c.final === 'good').length;
    let quota: QuotaFigures | null = null;
    const violations: UnitViolation[] = [];
    for (const rule of rules) {
      const p = groupCheckParams.collectiveQuota.parse(rule.params);
      const share = group.exceptionShare ?? null;
      const ratio = effectiveRatio(p, share === null ? null : Math.round(share * 100_000) / 1000);
      const cap = quotaCap(good, ratio, p.rounding);
      quota ??= { excellent, good, cap, withinCap: excellent <= cap };
      if (excellent <= cap) continue;
      const detail = `Nhóm "${group.name}" có ${excellent} tập thể ${label('excellent')} trên ${good} tập thể ${label('good')}: tối đa ${cap} (${formatNumber(ratio)}%).`;
      violations.push({ memberId: null, ruleId: rule.id, severity: rule.severity, message: violationMessage(rule, detail) });
    }
    return { groupId: group.id, quota, violations };
  });
}
