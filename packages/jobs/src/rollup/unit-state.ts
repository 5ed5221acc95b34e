import { BatchGetCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { Member } from '@kd/domain/member';
import { ownContribution } from '@kd/domain/rollup/own-contribution';
import { zeroCounts, type RollupCounts } from '@kd/domain/rollup/counts';
import type { Rating } from '@kd/domain/rating';
import { isBaseOrganisation, isCell, isPartyOrganisation, type UnitKind } from '@kd/domain/unit-kind';
import type { Store } from '@kd/data/client';
import { Dossier, ResultRow } from '@kd/data/dossier';
import { indexNames, keys } from '@kd/data/keys';
import { StoredUnit } from '@kd/data/unit-repository';
import type { RollupYear } from './campaigns';

/** A unit's own contribution as the table says now, with its placement in the live tree. */
export interface ComputedOwn {
  unitId: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  path: string[];
  closedOn: string | null;
  baseOrgId: string | null;
  /** `quotaSum` is zero here; a base organisation's is derived from its subtree when written. */
  counts: RollupCounts;
  collectiveDecided: Rating | null;
}

/**
 * Reads what a unit's own contribution depends on, consistently where the table allows it
 * (GSI queries — the roster, the children — are eventually consistent in DynamoDB; the nightly
 * reconcile repairs what a stale read could leave behind). Unit items are cached per instance.
 */
export class TableReader {
  private readonly units = new Map<string, Promise<StoredUnit | undefined>>();
  constructor(readonly store: Store, readonly tenant: string) {}

  /** Units already read (the reconcile lists the whole tree in one Query). */
  prime(units: readonly StoredUnit[]): void {
    for (const u of units) this.units.set(u.id, Promise.resolve(u));
  }

  unit(unitId: string): Promise<StoredUnit | undefined> {
    let found = this.units.get(unitId);
    if (!found) {
      found = this.store.doc
        .send(new GetCommand({ TableName: this.store.tableName, Key: keys.unit(this.tenant, unitId), ConsistentRead: true }))
        .then((out) => (out.Item ? StoredUnit.parse(out.Item) : undefined));
      this.units.set(unitId, found);
    }
    return found;
  }

  async dossier(unitId: string, year: number): Promise<Dossier | null> {
    const out = await this.store.doc.send(new GetCommand({ TableName: this.store.tableName, Key: keys.dossier(this.tenant, unitId, year), ConsistentRead: true }));
    return out.Item ? Dossier.parse(out.Item) : null;
  }

  async dossiers(unitIds: readonly string[], year: number): Promise<Map<string, Dossier>> {
    const found = new Map<string, Dossier>();
    for (let i = 0; i < unitIds.length; i += 100) {
      let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
        [this.store.tableName]: { Keys: unitIds.slice(i, i + 100).map((id) => keys.dossier(this.tenant, id, year)), ConsistentRead: true },
      };
      while (request && Object.keys(request).length > 0) {
        const out = await this.store.doc.send(new BatchGetCommand({ RequestItems: request }));
        for (const item of out.Responses?.[this.store.tableName] ?? []) {
          const d = Dossier.parse(item);
          found.set(d.unitId, d);
        }
        request = out.UnprocessedKeys as typeof request;
      }
    }
    return found;
  }

  async rows(unitId: string, year: number, version: number | null): Promise<Map<string, ResultRow>> {
    const rows = new Map<string, ResultRow>();
    if (version === null) return rows;
    await this.queryAll(
      { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)', ExpressionAttributeValues: { ':pk': keys.unitYear(this.tenant, unitId, year), ':v': keys.resultVersionPrefix(version) }, ConsistentRead: true },
      (item) => {
        const row = ResultRow.parse(item);
        rows.set(row.memberId, row);
      },
    );
    return rows;
  }

  async roster(unitId: string): Promise<Member[]> {
    const members: Member[] = [];
    await this.queryAll(
      { IndexName: indexNames.byParent, KeyConditionExpression: 'gsi1pk = :u', ExpressionAttributeValues: { ':u': keys.unitMembers(this.tenant, unitId) } },
      (item) => members.push(Member.parse(item)),
    );
    return members;
  }

  async children(unitId: string): Promise<StoredUnit[]> {
    const units: StoredUnit[] = [];
    await this.queryAll(
      { IndexName: indexNames.byParent, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': keys.unitChildren(this.tenant, unitId) } },
      (item) => units.push(StoredUnit.parse(item)),
    );
    return units;
  }

  private async queryAll(input: Record<string, unknown>, each: (item: Record<string, unknown>) => void): Promise<void> {
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const out = await this.store.doc.send(new QueryCommand({ ...(input as object), TableName: this.store.tableName, ExclusiveStartKey } as never));
      for (const item of out.Items ?? []) each(item);
      ExclusiveStartKey = out.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  }
}

export function decidedOf(dossier: Pick<Dossier, 'collective' | 'adjustedCollective'> | null | undefined): Rating | null {
  return dossier?.adjustedCollective?.rating ?? dossier?.collective.decided ?? null;
}

/** The base organisation on a path (the first one from the root), given the kinds along it. */
export async function baseOrgOf(reader: TableReader, path: readonly string[]): Promise<string | null> {
  const units = await Promise.all(path.map((id) => reader.unit(id)));
  return units.find((u) => u && isBaseOrganisation(u.kind))?.id ?? null;
}

/**
 * Recomputes a unit's own contribution for an open campaign from the table. A unit no longer in
 * the table contributes nothing and keeps the placement it had (`previous`).
 */
export async function computeOwn(
  reader: TableReader,
  year: RollupYear,
  unitId: string,
  previous?: { name: string; kind: UnitKind; parentId: string | null; path: string[]; baseOrgId: string | null },
): Promise<ComputedOwn> {
  const y = year.campaign.year;
  const unit = await reader.unit(unitId);
  if (!unit) {
    return {
      unitId,
      name: previous?.name ?? unitId,
      kind: previous?.kind ?? 'cell',
      parentId: previous?.parentId ?? null,
      path: previous?.path ?? [unitId],
      closedOn: null,
      baseOrgId: previous?.baseOrgId ?? null,
      counts: zeroCounts(),
      collectiveDecided: null,
    };
  }
  const dossier = isPartyOrganisation(unit.kind) || isCell(unit.kind) ? await reader.dossier(unitId, y) : null;
  const [rows, roster, childRatings, baseOrgId] = await Promise.all([
    isCell(unit.kind) ? reader.rows(unitId, y, dossier?.currentVersion ?? null) : Promise.resolve(new Map<string, ResultRow>()),
    isCell(unit.kind) ? reader.roster(unitId) : Promise.resolve([] as Member[]),
    isPartyOrganisation(unit.kind) && !isCell(unit.kind)
      ? reader.children(unitId).then(async (children) => {
          const open = children.filter((c) => !c.closedOn && isPartyOrganisation(c.kind));
          const dossiers = await reader.dossiers(open.map((c) => c.id), y);
          return open.map((c) => decidedOf(dossiers.get(c.id)));
        })
      : Promise.resolve([] as (Rating | null)[]),
    baseOrgOf(reader, unit.path),
  ]);
  const own = ownContribution({
    campaign: year.context,
    unit,
    dossier,
    roster,
    rows,
    childCollectiveRatings: childRatings,
  });
  return {
    unitId,
    name: unit.name,
    kind: unit.kind,
    parentId: unit.parentId,
    path: unit.path,
    closedOn: unit.closedOn,
    baseOrgId,
    counts: own.counts,
    collectiveDecided: unit.closedOn ? null : decidedOf(dossier),
  };
}
