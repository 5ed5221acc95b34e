import type { TableKey } from './batch';

/**
 * Keys read back into what they name: the inverse of `keys` (keys.ts) for the items whose changes
 * other parts follow (the roll-up stream consumer, the reconcile's tenant list). Items it does not
 * name (audit entries, reviews, events, roll-up items …) parse to null.
 */
export type ParsedKey =
  | { item: 'tenant'; tenant: string }
  | { item: 'unit'; tenant: string; unitId: string }
  | { item: 'member'; tenant: string; memberId: string }
  | { item: 'campaign'; tenant: string; year: number }
  | { item: 'dossier'; tenant: string; unitId: string; year: number }
  | { item: 'resultRow'; tenant: string; unitId: string; year: number; version: number; memberId: string }
  | { item: 'massesSettings'; tenant: string }
  | { item: 'massesReview'; tenant: string; year: number }
  | { item: MassesUnitItem; tenant: string; unitId: string; year: number };

/** The masses items of a unit's year that Biểu 5 counts (a member's self-criticism is not counted). */
export type MassesUnitItem = 'workplace' | 'massesSession' | 'massesComment' | 'remediationItem';
const massesUnitItems: Record<string, MassesUnitItem> = { WORKPLACE: 'workplace', SESSION: 'massesSession', COMMENT: 'massesComment', REMEDY: 'remediationItem' };

const unitYearPk = /^T#(.+)#UNIT#(.+)#Y#(\d{4})$/;
const unitPk = /^T#(.+)#UNIT#(.+)$/;
const memberPk = /^T#(.+)#MEMBER#(.+)$/;
const campaignPk = /^T#(.+)#CAMPAIGN$/;
const tenantPk = /^T#(.+)#TENANT$/;
const massesPk = /^T#(.+)#MASSES$/;
const massesSk = /^MASSES#([A-Z]+)(#|$)/;
const resultRowSk = /^RES#v(\d+)#M#(.*)$/s;

export function parseKey({ pk, sk }: TableKey): ParsedKey | null {
  // A unit's year first: its partition key also reads as a unit's (`…#UNIT#<id>#Y#<year>`).
  let m = unitYearPk.exec(pk);
  if (m) {
    const [, tenant, unitId, year] = m as unknown as [string, string, string, string];
    if (sk === 'DOSSIER') return { item: 'dossier', tenant, unitId, year: Number(year) };
    const row = resultRowSk.exec(sk);
    if (row) return { item: 'resultRow', tenant, unitId, year: Number(year), version: Number(row[1]), memberId: row[2]! };
    const masses = massesSk.exec(sk);
    const item = masses ? massesUnitItems[masses[1]!] : undefined;
    if (item) return { item, tenant, unitId, year: Number(year) };
    return null;
  }
  if (sk === 'UNIT' && (m = unitPk.exec(pk))) return { item: 'unit', tenant: m[1]!, unitId: m[2]! };
  if (sk === 'MEMBER' && (m = memberPk.exec(pk))) return { item: 'member', tenant: m[1]!, memberId: m[2]! };
  if (sk.startsWith('Y#') && (m = campaignPk.exec(pk))) return { item: 'campaign', tenant: m[1]!, year: Number(sk.slice(2)) };
  if (sk === 'TENANT' && (m = tenantPk.exec(pk))) return { item: 'tenant', tenant: m[1]! };
  if ((m = massesPk.exec(pk))) {
    if (sk === 'SETTINGS') return { item: 'massesSettings', tenant: m[1]! };
    if (/^Y#\d{4}$/.test(sk)) return { item: 'massesReview', tenant: m[1]!, year: Number(sk.slice(2)) };
  }
  return null;
}
