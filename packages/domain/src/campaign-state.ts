import { DomainError } from './errors/index';
import type { Campaign } from './campaign';

/** A campaign is open until the province closes it; a closed one is read-only (past-results imports aside). */
export const campaignStates = ['open', 'closed'] as const;
export type CampaignState = (typeof campaignStates)[number];

export const campaignStateLabels: Record<CampaignState, string> = { open: 'Đang thực hiện', closed: 'Đã kết thúc' };

export function campaignState(campaign: Pick<Campaign, 'closedAt'>): CampaignState {
  return campaign.closedAt ? 'closed' : 'open';
}

/** "The current campaign": the latest campaign still open — never a year taken from the clock. */
export function currentCampaign<C extends Pick<Campaign, 'year' | 'closedAt'>>(campaigns: readonly C[]): C | undefined {
  return [...campaigns].filter((c) => !c.closedAt).sort((a, b) => b.year - a.year)[0];
}

/** 409 CAMPAIGN_CLOSED for any change to a closed campaign's year. */
export function assertCampaignOpen(campaign: Pick<Campaign, 'year' | 'closedAt'>): void {
  if (campaign.closedAt) throw new DomainError('CAMPAIGN_CLOSED', `Đợt kiểm điểm năm ${campaign.year} đã kết thúc: chỉ xem, không sửa được.`, { year: campaign.year });
}
