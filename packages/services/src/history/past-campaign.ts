import { Campaign, DomainError, pastYearRegime, vietnamDateOf, type Caller } from '@kd/domain';
import { auditPut, campaignItem, listCampaigns, transact } from '@kd/data';
import type { ServiceDeps } from '../deps';
import { actorOf } from '../actor';

/**
 * Whether results of `year` may be imported, and the campaign they go into: a closed campaign of
 * that year, or none yet (one is created on commit). Refused: a year with an open campaign (its
 * results are entered through the campaign), the current calendar year or later, and a year after
 * an open campaign's — a later campaign would freeze it (docs/rollups.md, "Campaigns").
 */
export async function pastYearCampaign(deps: ServiceDeps, caller: Caller, year: number): Promise<Campaign | null> {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new DomainError('YEAR_NOT_PAST', 'Năm không hợp lệ (từ 2000 đến 2100).', { year });
  const campaigns = await listCampaigns(deps.store, caller.tenant);
  const existing = campaigns.find((c) => c.year === year);
  if (existing && existing.closedAt === null) {
    throw new DomainError('CAMPAIGN_NOT_CLOSED', `Đợt kiểm điểm năm ${year} đang mở: kết quả năm này nhập theo đợt kiểm điểm, không nhập như số liệu năm trước.`, { year });
  }
  const thisYear = Number(vietnamDateOf(deps.clock()).slice(0, 4));
  if (year >= thisYear) throw new DomainError('YEAR_NOT_PAST', `Năm ${year} chưa qua: chỉ nhập kết quả của các năm trước năm ${thisYear}.`, { year });
  const openEarlier = campaigns.filter((c) => c.closedAt === null && c.year < year).map((c) => c.year);
  if (!existing && openEarlier.length > 0) {
    throw new DomainError('YEAR_NOT_PAST', `Năm ${year} sau đợt kiểm điểm năm ${Math.max(...openEarlier)} đang mở: chỉ nhập kết quả các năm trước đợt đang mở.`, { year });
  }
  return existing ?? null;
}

/** The regime in force in `year`, or the earliest shipped one for a year before any (its quota and collective scope only). */
export const pastYearSettings = pastYearRegime;

/**
 * Creates the closed campaign an import of `year` goes into, with its audit entry, unless it exists.
 * The one place the history import makes a campaign: when campaigns can be opened and closed
 * through their own use case, this is where to call it instead.
 */
export async function createPastCampaign(deps: ServiceDeps, caller: Caller, year: number): Promise<{ campaign: Campaign; created: boolean }> {
  const existing = await pastYearCampaign(deps, caller, year);
  if (existing) return { campaign: existing, created: false };
  const at = deps.clock().toISOString();
  const settings = pastYearSettings(year);
  // No plans nor milestones: the year was run outside the system; appraisal levels take their default.
  const campaign = Campaign.parse({
    year, rulebookId: settings.rulebookId, overlayIds: [...settings.overlayIds], ratingDate: settings.ratingDate,
    plans: [], milestones: [], closedAt: at, importedOnly: true,
  });
  let created = true;
  await transact(
    deps.store,
    [
      { Put: { TableName: deps.store.tableName, Item: campaignItem(caller.tenant, campaign), ConditionExpression: 'attribute_not_exists(pk)' } },
      auditPut(deps.store, caller.tenant, { unitId: caller.unit, at, actor: actorOf(caller), action: 'campaign.createForImport', target: String(year), after: campaign }),
    ],
    () => {
      created = false;
      return new DomainError('VERSION_CONFLICT', `Đợt kiểm điểm năm ${year} vừa được tạo; hãy thử lại.`);
    },
  ).catch((error: unknown) => {
    if (!created) return;
    throw error;
  });
  if (!created) return { campaign: (await pastYearCampaign(deps, caller, year)) ?? campaign, created: false };
  return { campaign, created: true };
}
