import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { Member, type LocalDate } from '@kd/domain';
import type { Store } from './client';
import { Dossier, ResultRow } from './dossier';
import { keys } from './keys';
import { queryAll } from './query-all';
import { getStoredDossiers } from './review-repository';
import { getMembers, listUnitMembers, rosterOn } from './member-repository';
import { StoredUnit, getUnit, listChildren } from './unit-repository';

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
      found = getUnit(this.store, this.tenant, unitId, { consistentRead: true });
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
    return listUnitMembers(this.store, this.tenant, unitId);
  }

  /** The cell's roster on `day` (docs/tree-history.md): who was registered there that day. */
  async rosterOn(unitId: string, day: LocalDate): Promise<Member[]> {
    const unit = await this.unit(unitId);
    if (!unit) return [];
    return rosterOn(this.store, this.tenant, unit, day, { consistentRead: true });
  }

  /** Members by id (former members of a cell), read consistently. */
  members(ids: readonly string[]): Promise<Map<string, Member>> {
    return getMembers(this.store, this.tenant, ids, { consistentRead: true });
  }

  /** The unit's children in the current tree, closed ones included. */
  async children(unitId: string): Promise<StoredUnit[]> {
    return listChildren(this.store, this.tenant, unitId, { includeClosed: true });
  }
}
