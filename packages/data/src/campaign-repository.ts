import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { Campaign, DomainError, UnitPlan } from '@kd/domain';
import type { Store } from './client';
import { keys } from './keys';
import { auditPut, type Actor } from './audit';
import { batchGetAll } from './batch';
import { transact } from './transaction';

type Context = { actor: Actor; at: string };

/** The stored item of a tenant's campaign for a year. */
export function campaignItem(tenant: string, campaign: Campaign): Record<string, unknown> {
  return { ...keys.campaign(tenant, campaign.year), type: 'campaign', tenant, ...Campaign.parse(campaign) };
}

/** Writes a campaign as it is (seeding, imports): no condition, no audit. */
export async function putCampaign(store: Store, tenant: string, campaign: Campaign): Promise<void> {
  await transact(store, [{ Put: { TableName: store.tableName, Item: campaignItem(tenant, campaign) } }], () => new Error('unreachable'));
}

/** Opens a campaign: 409 CAMPAIGN_EXISTS if the year has one; audited on the unit that opened it. */
export async function createCampaign(store: Store, tenant: string, campaign: Campaign, by: { unitId: string } & Context): Promise<Campaign> {
  await transact(
    store,
    [
      { Put: { TableName: store.tableName, Item: campaignItem(tenant, campaign), ConditionExpression: 'attribute_not_exists(pk)' } },
      auditPut(store, tenant, { unitId: by.unitId, at: by.at, actor: by.actor, action: 'campaign.open', target: `campaign/${campaign.year}`, before: null, after: campaign }),
    ],
    () => new DomainError('CAMPAIGN_EXISTS', `Đã có đợt kiểm điểm năm ${campaign.year}.`, { year: campaign.year }),
  );
  return campaign;
}

/** Closes an open campaign (from then on read-only); 409 CAMPAIGN_CLOSED if it already is. */
export async function closeCampaign(store: Store, tenant: string, year: number, by: { unitId: string } & Context): Promise<Campaign> {
  const before = await requireCampaign(store, tenant, year);
  const after = Campaign.parse({ ...before, closedAt: by.at });
  await transact(
    store,
    [
      {
        Put: {
          TableName: store.tableName,
          Item: campaignItem(tenant, after),
          ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(closedAt) OR closedAt = :null)',
          ExpressionAttributeValues: { ':null': null },
        },
      },
      auditPut(store, tenant, { unitId: by.unitId, at: by.at, actor: by.actor, action: 'campaign.close', target: `campaign/${year}`, before: { closedAt: null }, after: { closedAt: by.at } }),
    ],
    () => new DomainError('CAMPAIGN_CLOSED', `Đợt kiểm điểm năm ${year} đã kết thúc.`, { year }),
  );
  return after;
}

export async function getCampaign(store: Store, tenant: string, year: number): Promise<Campaign | undefined> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.campaign(tenant, year), ConsistentRead: true }));
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

/** The plans adopted by these units for a year, by unit id (units without one are absent). */
export async function getUnitPlans(store: Store, tenant: string, unitIds: readonly string[], year: number): Promise<Map<string, UnitPlan>> {
  const items = await batchGetAll(store, unitIds.map((id) => keys.unitPlan(tenant, id, year)), { consistentRead: true });
  return new Map(items.map((i) => UnitPlan.parse(i)).map((p) => [p.unitId, p] as const));
}

/** A unit's plan as the table stores it (the repository's writes and the demo's import). */
export function unitPlanItem(tenant: string, plan: UnitPlan): Record<string, unknown> {
  return { ...keys.unitPlan(tenant, plan.unitId, plan.year), type: 'unitPlan', tenant, ...UnitPlan.parse(plan) };
}

/** Adopts (or changes) a unit's plan on the revision the caller saw (0: none yet), with its audit entry. */
export async function putUnitPlan(store: Store, tenant: string, plan: UnitPlan, expectedRev: number, context: Context): Promise<UnitPlan> {
  const before = (await getUnitPlans(store, tenant, [plan.unitId], plan.year)).get(plan.unitId) ?? null;
  if ((before?.rev ?? 0) !== expectedRev) throw new DomainError('VERSION_CONFLICT', 'Kế hoạch đã được người khác thay đổi. Vui lòng tải lại và thử lại.');
  const item = unitPlanItem(tenant, plan);
  await transact(
    store,
    [
      {
        Put: {
          TableName: store.tableName,
          Item: item,
          ...(before ? { ConditionExpression: '#rev = :rev', ExpressionAttributeNames: { '#rev': 'rev' }, ExpressionAttributeValues: { ':rev': before.rev } } : { ConditionExpression: 'attribute_not_exists(pk)' }),
        },
      },
      auditPut(store, tenant, { unitId: plan.unitId, at: context.at, actor: context.actor, action: 'plan.adopt', target: `${plan.unitId}/${plan.year}`, before, after: plan }),
    ],
    () => new DomainError('VERSION_CONFLICT', 'Kế hoạch đã được người khác thay đổi. Vui lòng tải lại và thử lại.'),
  );
  return plan;
}
