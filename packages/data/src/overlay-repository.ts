import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { LocalOverlay, type Campaign } from '@kd/domain';
import type { Store } from './client';
import { keys } from './keys';
import { auditPut, type Actor } from './audit';
import { transact } from './transaction';
import { staleError } from './dossier';

/** One version of a campaign's local overlay, kept after a later one replaced it. */
export const OverlayVersion = LocalOverlay.extend({ year: z.number().int() });
export type OverlayVersion = z.infer<typeof OverlayVersion>;

/**
 * Makes `next` the campaign's local overlay, on condition that the one in force is still the
 * version the caller saw (0: none): the campaign item, the version kept for history, and the audit
 * entry in the province's trail (before and after), in one transaction. A change of the campaign's
 * rules re-evaluates its roll-ups (the stream consumer hands the campaign to the reconcile).
 */
export async function putLocalOverlay(
  store: Store,
  tenant: string,
  campaign: Campaign,
  next: LocalOverlay,
  context: { actor: Actor; at: string; unitId: string },
): Promise<Campaign> {
  const expected = campaign.localOverlay?.version ?? 0;
  if (next.version !== expected + 1) throw staleError();
  const after: Campaign = { ...campaign, localOverlay: next };
  await transact(
    store,
    [
      {
        Update: {
          TableName: store.tableName,
          Key: keys.campaign(tenant, campaign.year),
          UpdateExpression: 'SET localOverlay = :next',
          ConditionExpression: expected === 0 ? 'attribute_exists(pk) AND (attribute_not_exists(localOverlay) OR localOverlay = :null)' : 'localOverlay.version = :expected',
          ExpressionAttributeValues: { ':next': next, ...(expected === 0 ? { ':null': null } : { ':expected': expected }) },
        },
      },
      {
        Put: {
          TableName: store.tableName,
          Item: { ...keys.overlayVersion(tenant, campaign.year, next.version), type: 'overlayVersion', tenant, year: campaign.year, ...next },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      auditPut(store, tenant, {
        unitId: context.unitId,
        at: context.at,
        actor: context.actor,
        action: 'rulebook.overlay',
        target: `${campaign.year}/v${next.version}`,
        before: campaign.localOverlay ? { version: campaign.localOverlay.version, patches: campaign.localOverlay.overlay.patches } : null,
        after: { version: next.version, patches: next.overlay.patches, affected: next.affected.map((a) => a.unitId) },
        reason: next.overlay.sources[0] ?? null,
      }),
    ],
    staleError,
  );
  return after;
}

/** The versions of a campaign's local overlay, newest first. */
export async function listOverlayVersions(store: Store, tenant: string, year: number): Promise<OverlayVersion[]> {
  const out = await store.doc.send(
    new QueryCommand({
      TableName: store.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.overlayVersions(tenant, year) },
      ScanIndexForward: false,
    }),
  );
  return (out.Items ?? []).map((i) => OverlayVersion.parse(i));
}
