/**
 * The key layout of the single table, in one place. Every key starts with the tenant (`T#<tenant>`),
 * so no query can cross tenants. See docs/data-model.md for the access patterns.
 */
const t = (tenant: string) => `T#${tenant}`;

export const keys = {
  unit: (tenant: string, unitId: string) => ({ pk: `${t(tenant)}#UNIT#${unitId}`, sk: 'UNIT' }),
  /** GSI1 of a unit: its parent's children list. */
  unitChildren: (tenant: string, parentId: string) => `${t(tenant)}#CHILDREN#${parentId}`,
  unitChildSort: (unitId: string) => `UNIT#${unitId}`,
  /** GSI2 of a unit: the tenant's tree ordered by materialised path, for subtree range queries. */
  tenantTree: (tenant: string) => `${t(tenant)}#TREE`,
  treePath: (path: readonly string[]) => `${path.join('/')}/`,
  unitHistory: (tenant: string, unitId: string, at: string, seq: string) => ({
    pk: `${t(tenant)}#UNIT#${unitId}`,
    sk: `HIST#${at}#${seq}`,
  }),
  member: (tenant: string, memberId: string) => ({ pk: `${t(tenant)}#MEMBER#${memberId}`, sk: 'MEMBER' }),
  /** GSI1 of a member: the unit's member list. */
  unitMembers: (tenant: string, unitId: string) => `${t(tenant)}#MEMBERS#${unitId}`,
  unitMemberSort: (memberId: string) => `MEMBER#${memberId}`,
  tenantMeta: (tenant: string) => ({ pk: `${t(tenant)}#TENANT`, sk: 'TENANT' }),
  /** A unit's year: its dossier (workflow state, current results version) and everything under it. */
  unitYear: (tenant: string, unitId: string, year: number) => `${t(tenant)}#UNIT#${unitId}#Y#${year}`,
  dossier: (tenant: string, unitId: string, year: number) => ({ pk: keys.unitYear(tenant, unitId, year), sk: 'DOSSIER' }),
  /** Rows of one results version; only the version the dossier names is current. */
  resultVersionPrefix: (version: number) => `RES#v${String(version).padStart(6, '0')}#`,
  resultRow: (tenant: string, unitId: string, year: number, version: number, memberId: string) => ({
    pk: keys.unitYear(tenant, unitId, year),
    sk: `${keys.resultVersionPrefix(version)}M#${memberId}`,
  }),
} as const;

export const indexNames = { byParent: 'gsi1', byPath: 'gsi2' } as const;
