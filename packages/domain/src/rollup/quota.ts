import { quotaCap, type Rounding } from '../evaluation/quota';
import { effectiveRatio } from '../evaluation/unit-checks';
import { isBaseOrganisation, type UnitKind } from '../unit-kind';
import type { MemberCounts, QuotaSum } from './counts';

/** R-QUOTA-01 parameters of a campaign's rulebook (r2019: 20 %, floor). */
export interface QuotaParams {
  ratioPercent: number;
  rounding: Rounding;
  /** The highest share the competent level may grant a base organisation by exception (r2025: 25); absent, none. */
  exceptionMaxPercent?: number | undefined;
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
 * makes to the sums above it (one breach when over the cap). `exceptionPercent` is the share the
 * competent level granted this organisation (the campaign API's quota exception), in percent; the
 * rule's limit bounds it, as `checkQuotaException` did when it was granted.
 */
export function baseQuota(subtreeMembers: Pick<MemberCounts, 'excellent' | 'good'>, params: QuotaParams, exceptionPercent: number | null = null): QuotaSum {
  const cap = quotaCap(subtreeMembers.good, effectiveRatio(params, exceptionPercent), params.rounding);
  return { excellent: subtreeMembers.excellent, good: subtreeMembers.good, cap, breaches: subtreeMembers.excellent > cap ? 1 : 0 };
}

/**
 * The roll-up's `quota` (docs/api.md, "Roll-ups") for a unit of `kind`: at a base organisation its own figures over its
 * subtree, as the roll-up wrote them (its cap carries its quota exception, if granted); above
 * (bloc, province) the sums over the base organisations of the subtree, with `breaches` counting
 * those over their cap; below (cell, sub-committee, group) the unit's own figures over its subtree.
 */
export function quotaView(kind: UnitKind, subtreeMembers: MemberCounts, quotaSum: QuotaSum, params: QuotaParams): QuotaView {
  if (isBaseOrganisation(kind)) {
    // Base organisations do not nest: the subtree's quota sum is the organisation's own figures.
    return { excellent: subtreeMembers.excellent, good: subtreeMembers.good, cap: quotaSum.cap, breaches: quotaSum.breaches, withinCap: quotaSum.breaches === 0 };
  }
  if (kind === 'province' || kind === 'bloc') {
    return { excellent: quotaSum.excellent, good: quotaSum.good, cap: quotaSum.cap, breaches: quotaSum.breaches, withinCap: quotaSum.breaches === 0 };
  }
  const cap = quotaCap(subtreeMembers.good, params.ratioPercent, params.rounding);
  const excellent = subtreeMembers.excellent;
  return { excellent, good: subtreeMembers.good, cap, withinCap: excellent <= cap, breaches: 0 };
}
