import { CollectiveFacts, DomainError, dossierStateLabels, type CollectiveFactsInput, type DossierState } from '@kd/domain';
import type { Store } from './client';
import { keys } from './keys';
import { auditPut, type Actor } from './audit';
import { transact, type TransactItem } from './transaction';
import { Dossier, getDossier, staleError } from './dossier';

/** The fields a change of the dossier may set; `versionCounter` is not one of them (reserveVersion's alone). */
export type DossierPatch = Partial<Pick<Dossier, 'state' | 'collective' | 'adjustedCollective' | 'quotaException' | 'meetingDate' | 'returnReason' | 'submittedAt' | 'firstSubmittedAt' | 'appraisedAt' | 'currentVersion' | 'contentHash'>>;

/**
 * A change of the dossier as one Update of a transaction, on condition that the dossier is still
 * at the revision the caller read (`expectedRev`; 0 also matches a dossier without `rev`, as a
 * first commit cut off after reserving its version leaves it). It sets only the patched fields,
 * the next revision and `updatedAt`: never `versionCounter`, so a stale read cannot move the
 * counter back, and nothing else the caller did not mean to change.
 */
export function dossierUpdate(
  store: Store,
  tenant: string,
  unitId: string,
  year: number,
  change: { expectedRev: number; patch: DossierPatch; at: string; condition?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> } },
): TransactItem {
  const names: Record<string, string> = { '#rev': 'rev', '#y': 'year', '#t': 'type', '#state': 'state', ...change.condition?.names };
  const values: Record<string, unknown> = {
    ':rev': change.expectedRev,
    ':next': change.expectedRev + 1,
    ':at': change.at,
    ':u': unitId,
    ':y': year,
    ':type': 'dossier',
    ':tenant': tenant,
    ...change.condition?.values,
  };
  const sets = ['#rev = :next', 'updatedAt = :at', 'unitId = :u', '#y = :y', '#t = :type', 'tenant = :tenant'];
  Object.entries(change.patch).forEach(([field, value], i) => {
    if (value === undefined) return;
    names[`#f${i}`] = field;
    values[`:f${i}`] = value;
    sets.push(`#f${i} = :f${i}`);
  });
  if (change.patch.state === undefined) {
    sets.push('#state = if_not_exists(#state, :draft)');
    values[':draft'] = 'draft';
  }
  const rev = change.expectedRev === 0 ? '(attribute_not_exists(#rev) OR #rev = :rev)' : '#rev = :rev';
  const update = `SET ${sets.join(', ')}`;
  const condition = change.condition ? `${rev} AND (${change.condition.expression})` : rev;
  // DynamoDB refuses names and values an expression does not use.
  const used = (placeholder: string) => new RegExp(`${placeholder}(?![\\w])`).test(`${update} ${condition}`);
  return {
    Update: {
      TableName: store.tableName,
      Key: keys.dossier(tenant, unitId, year),
      UpdateExpression: update,
      ConditionExpression: condition,
      ExpressionAttributeNames: Object.fromEntries(Object.entries(names).filter(([k]) => used(k))),
      ExpressionAttributeValues: Object.fromEntries(Object.entries(values).filter(([k]) => used(k))),
    },
  };
}

/** The dossier as it is after `patch`, for the caller's answer (the store holds the same fields). */
export function patched(before: Dossier & { exists?: boolean }, patch: DossierPatch, at: string): Dossier {
  const { exists: _exists, ...plain } = before;
  return Dossier.parse({ ...plain, ...patch, rev: before.rev + 1, updatedAt: at });
}

/**
 * Any other change of the dossier (the collective rating, the meeting date, a workflow transition):
 * `patch` is applied on condition that the dossier is still at `expectedRev` and in one of `from`.
 */
export async function updateDossier(
  store: Store,
  tenant: string,
  unitId: string,
  year: number,
  change: {
    from: readonly DossierState[];
    expectedRev: number;
    /** `collective` is replaced whole; what it leaves out takes its default. */
    patch: Partial<Pick<Dossier, 'state' | 'adjustedCollective' | 'quotaException' | 'meetingDate' | 'returnReason' | 'submittedAt' | 'firstSubmittedAt' | 'appraisedAt'>> & { collective?: CollectiveFactsInput };
    action: string;
    reason?: string | null;
    /** Written in the same transaction (a collective's scoring sheet). */
    with?: TransactItem[];
  },
  context: { actor: Actor; at: string },
): Promise<Dossier> {
  const before = await getDossier(store, tenant, unitId, year);
  if (!change.from.includes(before.state)) {
    throw new DomainError('INVALID_STATE', `Không thể thực hiện khi hồ sơ đang ở trạng thái “${dossierStateLabels[before.state]}”.`, { state: before.state });
  }
  if (before.rev !== change.expectedRev) throw staleError();
  const { collective, ...rest } = change.patch;
  const patch: DossierPatch = collective === undefined ? rest : { ...rest, collective: CollectiveFacts.parse(collective) };
  const changed = Object.fromEntries(Object.keys(patch).map((k) => [k, (before as Record<string, unknown>)[k]]));
  await transact(
    store,
    [
      dossierUpdate(store, tenant, unitId, year, { expectedRev: before.rev, patch, at: context.at }),
      auditPut(store, tenant, {
        unitId,
        at: context.at,
        actor: context.actor,
        action: change.action,
        target: `${unitId}/${year}`,
        before: changed,
        after: patch,
        reason: change.reason ?? null,
      }),
      ...(change.with ?? []),
    ],
    staleError,
  );
  return patched(before, patch, context.at);
}
