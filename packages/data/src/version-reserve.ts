import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { lockedError, type DossierState } from '@kd/domain';
import type { Store } from './client';
import { keys } from './keys';
import { getDossier } from './dossier';

/**
 * Reserves the next results version of a unit-year: an atomic ADD on `versionCounter`, the only
 * write that ever touches it, so two reservations never get the same number and the counter never
 * goes back. Refused (UNIT_LOCKED) unless the dossier is in one of `states`, so nothing is reserved
 * for a dossier submitted meanwhile.
 *
 * The reservation also leaves the dossier item whole enough for every other write to condition on
 * it (`rev` 0 and `state` draft if it had none): a first commit cut off after this step must not
 * lock the dossier for manual edits.
 *
 * A dossier whose counter fell behind its current version (written by an older release that could
 * move it back) is moved past it here, so a reserved version is never one that was ever current.
 */
export async function reserveVersion(store: Store, tenant: string, unitId: string, year: number, states: readonly DossierState[]): Promise<number> {
  let step = 1;
  for (;;) {
    let attributes: Record<string, unknown> | undefined;
    try {
      const stateValues = Object.fromEntries(states.map((s, i) => [`:s${i}`, s]));
      const out = await store.doc.send(
        new UpdateCommand({
          TableName: store.tableName,
          Key: keys.dossier(tenant, unitId, year),
          UpdateExpression: 'SET unitId = :u, #y = :y, #t = :type, tenant = :tenant, #rev = if_not_exists(#rev, :zero), #state = if_not_exists(#state, :draft) ADD versionCounter :step',
          ConditionExpression: `attribute_not_exists(#state) OR #state IN (${Object.keys(stateValues).join(', ')})`,
          ExpressionAttributeNames: { '#y': 'year', '#t': 'type', '#rev': 'rev', '#state': 'state' },
          ExpressionAttributeValues: { ':u': unitId, ':y': year, ':type': 'dossier', ':tenant': tenant, ':zero': 0, ':draft': 'draft', ':step': step, ...stateValues },
          ReturnValues: 'ALL_NEW',
        }),
      );
      attributes = out.Attributes;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw lockedError((await getDossier(store, tenant, unitId, year)).state);
      throw error;
    }
    const version = Number(attributes?.versionCounter);
    const current = typeof attributes?.currentVersion === 'number' ? attributes.currentVersion : 0;
    if (version > current) return version;
    step = current - version + 1;
  }
}
