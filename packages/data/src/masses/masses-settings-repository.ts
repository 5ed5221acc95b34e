import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { MassesSettings, MassesReview, DomainError } from '@kd/domain';
import type { Store } from '../client';
import { keys } from '../keys';
import { auditPut, type Actor } from '../audit';
import { transact } from '../transaction';
import { itemBody } from './item-body';

type Change = { actor: Actor; at: string };

/** The stored item of a tenant's masses settings (the provincial rule, turned on). */
export function massesSettingsItem(tenant: string, settings: MassesSettings): Record<string, unknown> {
  return { ...keys.massesSettings(tenant), type: 'massesSettings', tenant, ...MassesSettings.parse(settings) };
}

/** The tenant's masses settings, or null: a tenant without them has no masses review at all. */
export async function getMassesSettings(store: Store, tenant: string): Promise<MassesSettings | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.massesSettings(tenant) }));
  return out.Item ? MassesSettings.parse(itemBody(out.Item)) : null;
}

/** Turns the rule on (or changes its parameters) with its audit entry on the tenant's root unit. */
export async function saveMassesSettings(store: Store, tenant: string, rootUnitId: string, settings: MassesSettings, change: Change): Promise<MassesSettings> {
  const before = await getMassesSettings(store, tenant);
  await transact(
    store,
    [
      { Put: { TableName: store.tableName, Item: massesSettingsItem(tenant, settings) } },
      auditPut(store, tenant, { unitId: rootUnitId, at: change.at, actor: change.actor, action: 'masses.settings', target: settings.id, before, after: settings }),
    ],
    () => new DomainError('VERSION_CONFLICT', 'Dữ liệu đã được người khác thay đổi. Vui lòng tải lại và thử lại.'),
  );
  return settings;
}

export function massesReviewItem(tenant: string, review: MassesReview): Record<string, unknown> {
  return { ...keys.massesReview(tenant, review.year), type: 'massesReview', tenant, ...MassesReview.parse(review) };
}

export async function getMassesReview(store: Store, tenant: string, year: number): Promise<MassesReview | null> {
  const out = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: keys.massesReview(tenant, year), ConsistentRead: true }));
  return out.Item ? MassesReview.parse(itemBody(out.Item)) : null;
}

/** Opens a year's review once (409 `MASSES_REVIEW_EXISTS`), with its audit entry on the opening unit. */
export async function createMassesReview(store: Store, tenant: string, unitId: string, review: MassesReview, change: Change): Promise<MassesReview> {
  await transact(
    store,
    [
      { Put: { TableName: store.tableName, Item: massesReviewItem(tenant, review), ConditionExpression: 'attribute_not_exists(pk)' } },
      auditPut(store, tenant, { unitId, at: change.at, actor: change.actor, action: 'masses.review.open', target: String(review.year), after: review }),
    ],
    () => new DomainError('MASSES_REVIEW_EXISTS', `Đợt tự phê bình trước quần chúng năm ${review.year} đã được mở.`, { year: review.year }),
  );
  return review;
}

/** The tenant's masses reviews, oldest first. */
export async function listMassesReviews(store: Store, tenant: string): Promise<MassesReview[]> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :y)',
      ExpressionAttributeValues: { ':pk': keys.massesTenant(tenant), ':y': 'Y#' },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map((i) => MassesReview.parse(itemBody(i))).sort((a, b) => a.year - b.year);
}
