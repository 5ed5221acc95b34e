import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { Campaign, DomainError } from '@kd/domain';
import type { Store } from './client';
import { keys } from './keys';

/** The stored item of a tenant's campaign for a year. */
export function campaignItem(tenant: string, campaign: Campaign): Record<string, unknown> {
  return { ...keys.campaign(tenant, campaign.year), type: 'campaign', tenant, ...Campaign.parse(campaign) };
}

export async function putCampaign(store: Store, tenant: string, campaign: Campaign): Promise<void> {
  await store.doc.send(new PutCommand({ TableName: store.tableName, Item: campaignItem(tenant, campaign) }));
}

export async function getCampaign(store: Store, tenant: string, year: number): Promise<Campaign | undefined> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.campaign(tenant, year) }));
  return out.Item ? Campaign.parse(out.Item) : undefined;
}

/** The campaign, or 404 `CAMPAIGN_NOT_FOUND` (also for another tenant's year: nothing leaks). */
export async function requireCampaign(store: Store, tenant: string, year: number): Promise<Campaign> {
  const campaign = await getCampaign(store, tenant, year);
  if (!campaign) throw new DomainError('CAMPAIGN_NOT_FOUND', `Chưa có đợt kiểm điểm năm ${year}.`);
  return campaign;
}

/** The tenant's campaigns, oldest first. */
export async function listCampaigns(store: Store, tenant: string): Promise<Campaign[]> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.campaignPrefix(tenant) },
    }),
  );
  return (out.Items ?? []).map((i) => Campaign.parse(i)).sort((a, b) => a.year - b.year);
}
