import { flatCountNames, toFlat, type RollupCounts, type QuotaParams, type Rating, type UnitKind } from '@kd/domain';
import { keys } from './keys';

/**
 * The roll-up items as written (docs/rollups.md): one builder per item shape, shared by the
 * stream consumer's transactions and the reconcile's build and repairs. rollup-repository.ts
 * reads them back.
 */

/** A unit's placement in a campaign's tree, as its roll-up items record it. */
export interface RollupPlacement {
  unitId: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  path: string[];
  closedOn: string | null;
}

/** What an OWN item records: the unit's own contribution and its placement. */
export interface OwnRecord extends RollupPlacement {
  baseOrgId: string | null;
  counts: RollupCounts;
  collectiveDecided: Rating | null;
  /** A base organisation's quota exception (percent of `good`), which its quota figures use; null: none. */
  quotaExceptionPercent: number | null;
  /** The organisation recorded itself as disciplined in the year: its parent's r2025 rating reads it. */
  collectiveDisciplined: boolean;
}

/** The campaign the items belong to, and the quota parameters its rulebook gave them. */
export interface RollupCampaign {
  year: number;
  quota: QuotaParams;
}

export function ownItem(tenant: string, campaign: RollupCampaign, own: OwnRecord, rev: number, at: string): Record<string, unknown> {
  const y = campaign.year;
  return {
    ...keys.rollupOwn(tenant, y, own.unitId),
    type: 'rollupOwn',
    gsi1pk: keys.rollupChildren(tenant, y, own.unitId),
    gsi1sk: keys.rollupOwnSort,
    gsi2pk: keys.rollupYear(tenant, y),
    gsi2sk: keys.rollupYearSort(own.unitId, 'OWN'),
    tenant, year: y, unitId: own.unitId, name: own.name, kind: own.kind, parentId: own.parentId, path: own.path, closedOn: own.closedOn,
    baseOrgId: own.baseOrgId, collectiveDecided: own.collectiveDecided, quotaExceptionPercent: own.quotaExceptionPercent, collectiveDisciplined: own.collectiveDisciplined,
    quotaRatioPercent: campaign.quota.ratioPercent, quotaRounding: campaign.quota.rounding,
    rev, updatedAt: at, ...toFlat(own.counts),
  };
}

/** A ROLLUP item written whole (the first build of a campaign). */
export function totalItem(tenant: string, campaign: RollupCampaign, unit: RollupPlacement, counts: RollupCounts, at: string): Record<string, unknown> {
  const y = campaign.year;
  return {
    ...keys.rollupTotal(tenant, y, unit.unitId),
    type: 'rollup',
    gsi1pk: keys.rollupChildren(tenant, y, unit.parentId ?? '-'),
    gsi1sk: keys.rollupChildSort(unit.unitId),
    gsi2pk: keys.rollupYear(tenant, y),
    gsi2sk: keys.rollupYearSort(unit.unitId, 'ROLLUP'),
    tenant, year: y, unitId: unit.unitId, name: unit.name, kind: unit.kind, parentId: unit.parentId, path: unit.path, closedOn: unit.closedOn,
    quotaRatioPercent: campaign.quota.ratioPercent, quotaRounding: campaign.quota.rounding,
    rev: 1, updatedAt: at, ...toFlat(counts),
  };
}

/** A difference to add to one ROLLUP item. */
export interface TotalChange {
  unitId: string;
  delta: RollupCounts;
  /** The unit's placement, when it is (re)written too. */
  placement?: RollupPlacement;
  /** Written only if the item's `rev` is still this (null: only if there is no item yet); absent: unconditionally. */
  expectedRev?: number | null;
}

/**
 * The one update of a ROLLUP item: ADD the delta's non-zero counts and 1 to `rev`, SET the
 * bookkeeping (and the placement, when given). Creates the item when it does not exist.
 */
export function totalUpdate(tenant: string, campaign: RollupCampaign, change: TotalChange, at: string) {
  const y = campaign.year;
  const { unitId, placement } = change;
  const names: Record<string, string> = { '#rev': 'rev', '#y': 'year', '#at': 'updatedAt', '#type': 'type' };
  const values: Record<string, unknown> = { ':one': 1, ':t': tenant, ':y': y, ':u': unitId, ':at': at, ':type': 'rollup', ':g2': keys.rollupYear(tenant, y), ':g2s': keys.rollupYearSort(unitId, 'ROLLUP') };
  const set = ['#at = :at', 'tenant = :t', '#y = :y', 'unitId = :u', 'gsi2pk = :g2', 'gsi2sk = :g2s', '#type = :type'];
  if (placement) {
    Object.assign(names, { '#name': 'name', '#kind': 'kind', '#path': 'path' });
    Object.assign(values, {
      ':name': placement.name, ':kind': placement.kind, ':parent': placement.parentId, ':path': placement.path, ':closed': placement.closedOn,
      ':g1': keys.rollupChildren(tenant, y, placement.parentId ?? '-'), ':g1s': keys.rollupChildSort(unitId),
      ':qr': campaign.quota.ratioPercent, ':qm': campaign.quota.rounding,
    });
    set.push('#name = :name', '#kind = :kind', 'parentId = :parent', '#path = :path', 'closedOn = :closed', 'gsi1pk = :g1', 'gsi1sk = :g1s', 'quotaRatioPercent = :qr', 'quotaRounding = :qm');
  }
  const add = ['#rev :one'];
  const flat = toFlat(change.delta);
  flatCountNames.forEach((name, i) => {
    if (flat[name] === 0) return;
    names[`#c${i}`] = name;
    values[`:c${i}`] = flat[name];
    add.push(`#c${i} :c${i}`);
  });
  if (typeof change.expectedRev === 'number') values[':expected'] = change.expectedRev;
  const condition = change.expectedRev === undefined ? undefined : change.expectedRev === null ? 'attribute_not_exists(#rev)' : '#rev = :expected';
  return {
    Key: keys.rollupTotal(tenant, y, unitId),
    UpdateExpression: `SET ${set.join(', ')} ADD ${add.join(', ')}`,
    ...(condition ? { ConditionExpression: condition } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
