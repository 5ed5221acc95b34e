import { Dossier, ResultRow } from './dossier';
import type { Store } from './client';
import { indexNames, keys } from './keys';
import { queryAll } from './query-all';
import { getStoredDossiers } from './review-repository';
import { inChunks } from './batch';

/** One member's row of one year, of the version its dossier names current, with that dossier. */
export interface MemberYearRow {
  year: number;
  unitId: string;
  row: ResultRow;
  dossier: Dossier;
}

/**
 * Every current row of each member over a span of years, whatever the unit the member was in: one
 * Query per member on the rows' member index (GSI1), then the dossiers of the (unit, year) pairs
 * found, 100 per BatchGet, to keep only rows of current versions (older versions linger until swept).
 */
export async function memberRowsOverYears(
  store: Store,
  tenant: string,
  memberIds: readonly string[],
  years: { from: number; to: number },
  options: { concurrency?: number } = {},
): Promise<Map<string, MemberYearRow[]>> {
  const found = new Map<string, { year: number; unitId: string; version: number; row: ResultRow }[]>();
  await inChunks(memberIds, 1, options.concurrency ?? 16, async ([memberId]) => {
    const items = await queryAll(store, {
      IndexName: indexNames.byParent,
      KeyConditionExpression: 'gsi1pk = :p AND gsi1sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':p': keys.memberResults(tenant, memberId!), ':from': `Y#${years.from}#`, ':to': `Y#${years.to}#~` },
    });
    found.set(memberId!, items.map((item) => ({ year: Number(item.year), unitId: String(item.unitId), version: Number(item.version), row: ResultRow.parse(item) })));
  });
  const pairs = new Map<number, Set<string>>();
  for (const rows of found.values()) for (const r of rows) pairs.set(r.year, (pairs.get(r.year) ?? new Set()).add(r.unitId));
  const dossiers = new Map<string, Dossier>();
  for (const [year, units] of pairs) {
    for (const [unitId, d] of await getStoredDossiers(store, tenant, [...units], year)) dossiers.set(`${unitId}#${year}`, d);
  }
  const out = new Map<string, MemberYearRow[]>();
  for (const [memberId, rows] of found) {
    out.set(
      memberId,
      rows.flatMap((r) => {
        const dossier = dossiers.get(`${r.unitId}#${r.year}`);
        return dossier && dossier.currentVersion === r.version ? [{ year: r.year, unitId: r.unitId, row: r.row, dossier }] : [];
      }),
    );
  }
  return out;
}
