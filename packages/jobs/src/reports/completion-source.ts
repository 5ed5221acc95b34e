import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from '@kd/data/client';
import { keys } from '@kd/data/keys';
import { Dossier } from '@kd/data/dossier';
import type { MilestoneEvent } from '@kd/domain/campaign';
import type { UnitCompletions } from '@kd/domain/report/completion';
import { isPartyOrganisation } from '@kd/domain/unit-kind';
import type { Unit } from '@kd/domain/unit';

/** When each unit of a subtree completed each milestone event, and which events are recorded at all. */
export interface CompletionSource {
  readonly recordable: ReadonlySet<MilestoneEvent>;
  completions(tenant: string, year: number, subtree: readonly Pick<Unit, 'id' | 'kind' | 'parentId'>[]): Promise<Map<string, UnitCompletions>>;
}

/** Events issue 3 records: group meetings and reports and cell meetings as unit events, submissions and appraisals on the dossier. */
const RECORDED: readonly MilestoneEvent[] = ['groupMeetingHeld', 'groupReportSent', 'cellResultsDecided', 'dossierSubmitted', 'appraisalDone'];

async function batchGet(store: Store, keyList: { pk: string; sk: string }[]): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < keyList.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[] }> | undefined = { [store.tableName]: { Keys: keyList.slice(i, i + 100) } };
    for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
      const out = await store.doc.send(new BatchGetCommand({ RequestItems: request }));
      items.push(...(out.Responses?.[store.tableName] ?? []));
      request = out.UnprocessedKeys as typeof request;
      if (request && Object.keys(request).length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 20 * 2 ** attempt)));
    }
  }
  return items;
}

/**
 * The first time a dossier was submitted. A dossier that was never returned was submitted when its
 * `submittedAt` says. One that was returned may have been submitted again since; the first
 * submission is the one that counts for timeliness (a resubmission after a return does not make
 * the unit late), so it is read from the audit trail, where every submission left its time.
 */
async function firstSubmission(store: Store, tenant: string, item: Record<string, unknown>, dossier: Dossier): Promise<string | null> {
  if (typeof item.firstSubmittedAt === 'string') return item.firstSubmittedAt;
  const everReturned = dossier.state === 'returned' || dossier.returnReason !== null;
  if (!everReturned) return dossier.state === 'draft' ? null : dossier.submittedAt;
  let earliest: string | null = null;
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
        ExpressionAttributeValues: { ':pk': keys.unit(tenant, dossier.unitId).pk, ':a': 'AUDIT#' },
        ExclusiveStartKey,
      }),
    );
    for (const entry of out.Items ?? []) {
      const after = entry.after as { submittedAt?: unknown; state?: unknown } | undefined;
      const at = typeof after?.submittedAt === 'string' ? after.submittedAt : after?.state === 'submitted' && typeof entry.at === 'string' ? entry.at : null;
      if (at && (earliest === null || at < earliest) && entry.target === `${dossier.unitId}/${dossier.year}`) earliest = at;
    }
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return earliest ?? dossier.submittedAt;
}

/**
 * Completion times read from the table: unit events (`EVENT#<event>` items of the unit's year,
 * their `at`), the dossier's first submission, and appraisals. The cell's results count as decided
 * when the cell meeting was recorded, or else when the dossier carrying them was first submitted.
 * An appraiser (a base committee, a bloc) has done its appraisal when every party organisation
 * directly under it is approved, at the last approval; a unit with none is judged by its own dossier.
 */
export function storedCompletions(store: Store): CompletionSource {
  return {
    recordable: new Set(RECORDED),
    async completions(tenant, year, subtree) {
      const ids = subtree.map((u) => u.id);
      const eventKeys = subtree.flatMap((u) =>
        (['groupMeetingHeld', 'groupReportSent', 'cellResultsDecided'] as const).map((e) => keys.unitEvent(tenant, u.id, year, e)),
      );
      const [dossierItems, eventItems] = await Promise.all([
        batchGet(store, ids.map((id) => keys.dossier(tenant, id, year))),
        batchGet(store, eventKeys),
      ]);
      const dossiers = new Map<string, { item: Record<string, unknown>; dossier: Dossier }>();
      for (const item of dossierItems) {
        const dossier = Dossier.parse(item);
        dossiers.set(dossier.unitId, { item, dossier });
      }
      const result = new Map<string, UnitCompletions>(ids.map((id) => [id, {}]));
      for (const item of eventItems) {
        const unitId = String(item.unitId);
        const event = String(item.event) as MilestoneEvent;
        if (typeof item.at === 'string' && result.has(unitId)) result.get(unitId)![event] = item.at;
      }
      await Promise.all(
        [...dossiers.values()].map(async ({ item, dossier }) => {
          const c = result.get(dossier.unitId);
          if (!c) return;
          c.dossierSubmitted = await firstSubmission(store, tenant, item, dossier);
          c.cellResultsDecided ??= c.dossierSubmitted;
        }),
      );
      const children = new Map<string, string[]>();
      for (const u of subtree) if (u.parentId && isPartyOrganisation(u.kind)) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
      for (const u of subtree) {
        const appraised = children.get(u.id) ?? [];
        const own = dossiers.get(u.id)?.dossier;
        const list = appraised.length > 0 ? appraised.map((id) => dossiers.get(id)?.dossier ?? null) : own ? [own] : [null];
        const done = list.every((d) => d !== null && d.state === 'approved' && d.appraisedAt !== null);
        result.get(u.id)!.appraisalDone = done ? (list.map((d) => d!.appraisedAt as string).sort().at(-1) ?? null) : null;
      }
      return result;
    },
  };
}
