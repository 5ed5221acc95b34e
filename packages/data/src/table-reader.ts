import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { Member } from '@kd/domain';
import type { Store } from './client';
import { Dossier, ResultRow } from './dossier';
import { indexNames, keys } from './keys';
import { queryAll } from './query-all';
import { getStoredDossiers } from './review-repository';
import { StoredUnit } from './unit-repository';

/**
 * Reads what a unit's own roll-up contribution depends on, consistently where the table allows it
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

  dossiers(unitIds: readonly string[], year: number): Promise<Map<string, Dossier>> {
    return getStoredDossiers(this.store, this.tenant, unitIds, year, { consistentRead: true });
  }

  /** The rows of one results version (none for a dossier without one), by member id. */
  async rows(unitId: string, year: number, version: number | null): Promise<Map<string, ResultRow>> {
    if (version === null) return new Map();
    const items = await queryAll(this.store, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
      ExpressionAttributeValues: { ':pk': keys.unitYear(this.tenant, unitId, year), ':v': keys.resultVersionPrefix(version) },
      ConsistentRead: true,
    });
    return new Map(items.map((item) => ResultRow.parse(item)).map((row) => [row.memberId, row] as const));
  }

  async roster(unitId: string): Promise<Member[]> {
    return (await this.byParent(keys.unitMembers(this.tenant, unitId))).map((item) => Member.parse(item));
  }

  async children(unitId: string): Promise<StoredUnit[]> {
    return (await this.byParent(keys.unitChildren(this.tenant, unitId))).map((item) => StoredUnit.parse(item));
  }

  private byParent(gsi1pk: string): Promise<Record<string, unknown>[]> {
    return queryAll(this.store, { IndexName: indexNames.byParent, KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': gsi1pk } });
  }
}
