import { quotaCap, type Rounding } from '../evaluation/quota';
import { isBaseOrganisation, type UnitKind } from '../unit-kind';
import type { MemberCounts, QuotaSum } from './counts';

/** R-QUOTA-01 parameters of a campaign's rulebook (r2019: 20 %, floor). */
export interface QuotaParams {
  ratioPercent: number;
  rounding: Rounding;
}

export const defaultQuotaParams: QuotaParams = { ratioPercent: 20, rounding: 'floor' };

/** The quota numbers of the roll-up (docs/api.md, "Roll-ups"). */
export interface QuotaView {
  excellent: number;
  good: number;
  cap: number;
  withinCap: boolean;
  breaches: number;
}

/**
 * A base organisation's own R-QUOTA-01 figures over its subtree, as the additive contribution it
 * makes to the sums above it (one breach when over the cap).
 */
export function baseQuota(subtreeMembers: Pick<MemberCounts, 'excellent' | 'good'>, params: QuotaParams): QuotaSum {
  const cap = quotaCap(subtreeMembers.good, params.ratioPercent, params.rounding);
  return { excellent: subtreeMembers.excellent, good: subtreeMembers.good, cap, breaches: subtreeMembers.excellent > cap ? 1 : 0 };
}

/**
 * The roll-up's `quota` (docs/api.md, "Roll-ups") for a unit of `kind`: at a base organisation its own figures over its
 * subtree; above (bloc, province) the sums over the base organisations of the subtree, with
 * `breaches` counting those over their cap; below (cell, sub-committee, group) the unit's own
 * figures over its subtree.
 */
export function quotaView(kind: UnitKind, subtreeMembers: MemberCounts, quotaSum: QuotaSum, params: QuotaParams): QuotaView {
  if (isBaseOrganisation(kind)) {
    const q = baseQuota(subtreeMembers, params);
    return { ...q, withinCap: q.breaches === 0 };
  }
  if (kind === 'province' || kind === 'bloc') {
    return { excellent: quotaSum.excellent, good: quotaSum.good, cap: quotaSum.cap, breaches: quotaSum.breaches, withinCap: quotaSum.breaches === 0 };
  }
  const cap = quotaCap(subtreeMembers.good, params.ratioPercent, params.rounding);
  const excellent = subtreeMembers.excellent;
  return { excellent, good: subtreeMembers.good, cap, withinCap: excellent <= cap, breaches: 0 };
}
