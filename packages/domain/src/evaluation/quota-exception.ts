import { DomainError } from '../errors/index';
import { unitCheckParams } from '../rulebook/check-vocabulary';
import type { ResolvedRulebook } from '../rulebook/schema';
import { formatNumber } from './score-bands';

/** The base-organisation quota rule of a rulebook (R-QUOTA-01 at base committees and base cells). */
function baseQuotaRule(rulebook: ResolvedRulebook) {
  const rule = rulebook.rules.find((r) => r.enabled && r.check === 'quota' && (r.params.unitKinds as string[] | undefined)?.includes('baseCommittee'));
  return rule ? unitCheckParams.quota.parse(rule.params) : undefined;
}

/**
 * Checks a quota exception the competent level wants to grant a base organisation (the campaign
 * API's `quota-exception`, QĐ 366-QĐ/TW Điều 11): a share of `good` above the rule's ratio, up to the
 * rule's exception limit. `null` withdraws an exception and is always allowed. Returns the share
 * in percent; throws 422 `QUOTA_EXCEPTION_NOT_ALLOWED` above the limit, under a rulebook without
 * exceptions, or for a share that is not above the ordinary ratio.
 *
 * @example checkQuotaException(resolveRulebook('r2025'), 0.25) // 25
 */
export function checkQuotaException(rulebook: ResolvedRulebook, share: number | null): number | null {
  if (share === null) return null;
  const params = baseQuotaRule(rulebook);
  if (!params || params.exceptionMaxPercent === undefined) {
    throw new DomainError('QUOTA_EXCEPTION_NOT_ALLOWED', `Bộ quy tắc ${rulebook.baseId} không cho phép cấp có thẩm quyền nâng tỷ lệ đảng viên Hoàn thành xuất sắc nhiệm vụ.`, { share });
  }
  const percent = Math.round(share * 100_000) / 1000;
  if (!Number.isFinite(percent) || percent <= params.ratioPercent || percent > params.exceptionMaxPercent) {
    throw new DomainError('QUOTA_EXCEPTION_NOT_ALLOWED', `Tỷ lệ ngoại lệ phải lớn hơn ${formatNumber(params.ratioPercent)}% và không vượt quá ${formatNumber(params.exceptionMaxPercent)}% số đảng viên Hoàn thành tốt nhiệm vụ (đề nghị: ${formatNumber(percent)}%).`,
      { share, ratioPercent: params.ratioPercent, exceptionMaxPercent: params.exceptionMaxPercent },
    );
  }
  return percent;
}
