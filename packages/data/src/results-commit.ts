import { assertEditable, editableStates, isEditable, lockedError, type MemberFacts } from '@kd/domain';
import type { Store } from './client';
import { keys } from './keys';
import { auditPut, type Actor } from './audit';
import { batchPut } from './batch-write';
import { transact } from './transaction';
import { fault } from './fault-hook';
import { getDossier, hashRows, ResultRow, rowItem, staleError } from './dossier';
import { reserveVersion } from './version-reserve';

export interface CommitOutcome {
  version: number;
  /** False when the rows equal the current version's (same file again): nothing was written. */
  changed: boolean;
  /** The version this commit replaced as current (what the sweep keeps, with everything below it). */
  previous: number | null;
}

/**
 * Replaces a unit's results for a year as one new version (docs/data-model.md, "Results versions").
 *
 * 1. reserve a version number (`reserveVersion`: a counter only ever ADDed to, so rows of a version
 *    cut off by a crash can never mix with a later one);
 * 2. write the rows under that version — invisible, since readers only read the current version;
 * 3. in one transaction, make the version current and write the audit entry, on condition that the
 *    current version is still the one this commit started from and the dossier is editable.
 * A crash before 3 leaves the previous version current and whole; after 3 the new one is. A row
 * edit that lands before 3 edits the previous version, which this commit then replaces whole (the
 * edit came first); one after 3 must have read the new revision, or it is refused.
 */
export async function commitResults(
  store: Store,
  tenant: string,
  unitId: string,
  year: number,
  rows: readonly { memberId: string; facts: MemberFacts }[],
  context: { actor: Actor; at: string; source?: string },
): Promise<CommitOutcome> {
  const dossier = await getDossier(store, tenant, unitId, year);
  assertEditable(dossier);
  const contentHash = hashRows(rows);
  if (dossier.currentVersion !== null && dossier.contentHash === contentHash) {
    return { version: dossier.currentVersion, changed: false, previous: dossier.currentVersion };
  }
  const version = await reserveVersion(store, tenant, unitId, year, editableStates);
  await fault('afterReserve');
  const items = rows.map((r) => rowItem(tenant, unitId, year, version, ResultRow.parse({ memberId: r.memberId, facts: r.facts, rev: 1 })));
  const half = Math.ceil(items.length / 2);
  await batchPut(store, items.slice(0, half));
  await fault('duringRows');
  await batchPut(store, items.slice(half));
  await fault('beforeFlip');
  try {
    await transact(
      store,
      [
        {
          Update: {
            TableName: store.tableName,
            Key: keys.dossier(tenant, unitId, year),
            // No versionCounter here: reserveVersion alone writes it.
            UpdateExpression: 'SET currentVersion = :v, contentHash = :h, #rev = if_not_exists(#rev, :zero) + :one, updatedAt = :at, #state = if_not_exists(#state, :draft)',
            ConditionExpression:
              '(attribute_not_exists(currentVersion) OR currentVersion = :old OR (currentVersion = :null AND :old = :null)) AND (attribute_not_exists(#state) OR #state IN (:draft, :returned))',
            ExpressionAttributeNames: { '#rev': 'rev', '#state': 'state' },
            ExpressionAttributeValues: {
              ':v': version,
              ':h': contentHash,
              ':zero': 0,
              ':one': 1,
              ':at': context.at,
              ':old': dossier.currentVersion,
              ':null': null,
              ':draft': 'draft',
              ':returned': 'returned',
            },
          },
        },
        auditPut(store, tenant, {
          unitId,
          at: context.at,
          actor: context.actor,
          action: 'results.commit',
          target: `${unitId}/${year}`,
          before: { version: dossier.currentVersion, rows: null },
          after: { version, rows: rows.length, source: context.source ?? null },
        }),
      ],
      staleError,
    );
  } catch (error) {
    // Submitted meanwhile: say so, rather than "changed by someone else".
    const now = await getDossier(store, tenant, unitId, year).catch(() => null);
    if (now && !isEditable(now.state)) throw lockedError(now.state);
    throw error;
  }
  await fault('afterFlip');
  return { version, changed: true, previous: dossier.currentVersion };
}
