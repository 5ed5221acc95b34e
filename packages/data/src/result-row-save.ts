import { assertEditable, editableStates, type DossierState } from '@kd/domain';
import type { Store } from './client';
import { auditPut, type Actor } from './audit';
import { transact, type TransactItem } from './transaction';
import { getDossier, getResultRow, ResultRow, rowItem, staleError } from './dossier';
import { dossierUpdate } from './dossier-update';
import { reserveVersion } from './version-reserve';

/**
 * Changes one member's row of the current version (the review page, an appraisal adjustment):
 * the row, the dossier's revision and the audit entry in one transaction, on condition that the
 * dossier is still at the revision the caller saw (a commit's flip moves it, so an edit and a
 * commit are ordered by the store). With no current version yet, the edit reserves a version like
 * a commit does and makes it current with this single row, in the same transaction.
 */
export async function saveResultRow(
  store: Store,
  tenant: string,
  unitId: string,
  year: number,
  next: Omit<ResultRow, 'rev' | 'override'> & { override?: ResultRow['override'] },
  expected: { dossierRev: number; rowRev: number | null },
  context: { actor: Actor; at: string; action?: string; reason?: string | null; allowLocked?: DossierState[]; with?: TransactItem[] },
): Promise<ResultRow> {
  const dossier = await getDossier(store, tenant, unitId, year);
  const allowLocked = context.allowLocked ?? [];
  if (!allowLocked.includes(dossier.state)) assertEditable(dossier);
  if (dossier.rev !== expected.dossierRev) throw staleError();
  const current = dossier.currentVersion === null ? undefined : await getResultRow(store, tenant, unitId, year, dossier.currentVersion, next.memberId);
  if ((current?.rev ?? null) !== expected.rowRev) throw staleError();
  const starts = dossier.currentVersion === null;
  const version = dossier.currentVersion ?? (await reserveVersion(store, tenant, unitId, year, [...editableStates, ...allowLocked]));
  const row = ResultRow.parse({ ...next, rev: (current?.rev ?? 0) + 1 });
  const items: TransactItem[] = [
    {
      Put: {
        TableName: store.tableName,
        Item: rowItem(tenant, unitId, year, version, row),
        ...(current
          ? { ConditionExpression: '#rev = :rowRev', ExpressionAttributeNames: { '#rev': 'rev' }, ExpressionAttributeValues: { ':rowRev': current.rev } }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    },
    dossierUpdate(store, tenant, unitId, year, {
      expectedRev: dossier.rev,
      at: context.at,
      patch: starts ? { currentVersion: version, contentHash: null } : { contentHash: null },
      condition: starts
        ? { expression: 'attribute_not_exists(currentVersion) OR currentVersion = :none', values: { ':none': null } }
        : { expression: 'currentVersion = :cv', values: { ':cv': version } },
    }),
    auditPut(store, tenant, {
      unitId,
      at: context.at,
      actor: context.actor,
      action: context.action ?? 'results.edit',
      target: next.memberId,
      before: current ?? null,
      after: row,
      reason: context.reason ?? null,
    }),
    // What changes with the row in the same transaction (a scoring sheet and its totals).
    ...(context.with ?? []),
  ];
  await transact(store, items, staleError);
  return row;
}
